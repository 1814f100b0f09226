/**
 * Homework: exercises (a task, a starter file, hints and checks in the lessons' step format),
 * their loader, and the checker that compiles a student's file in memory (javac, or the bundled
 * ECJ on a JRE), refuses forbidden calls, loads it in a fresh class loader and runs the checks
 * against a live call with the student's code in place of a tutorial region.
 *
 * <p>Student classes extend {@link io.github.ucmaworkbench.lessons.exercise.ClientHomework} or
 * {@link io.github.ucmaworkbench.lessons.exercise.ServerHomework}. Part of the lessons layer: may
 * import lessons, tutorial, rtc, registrar and trace; no Swing. The checker blocks its caller (call
 * it off the event thread); student code runs on daemon threads of its own, bounded in time.
 */
package io.github.ucmaworkbench.lessons.exercise;
