/**
 * The homework tab beside the lesson: exercise picker, task and hints, a Java editor with
 * completion of the rtc API and compile errors underlined, and Run / Check / Reset. Swing only;
 * it uses lessons.exercise for compiling, running and checking, always on a worker thread, and
 * marshals results back with invokeLater. Never imports app or javax.sip.
 */
package io.github.ucmaworkbench.ui.exercise;
