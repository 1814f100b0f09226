/**
 * Lessons and exercises: the model, the loader for the top-level {@code lessons/} folder, the step
 * engine that drives the tutorial managers and judges each step's outcome, and the headless runner
 * (whose registrar app supplies through {@link LessonRegistrar}). No Swing.
 *
 * <p>May import tutorial, rtc, trace (a step's wire expectations) and common; a registrar only
 * through {@link LessonRegistrar} (app provides it). The engine runs steps on its own daemon threads and reports
 * to listeners there; a window marshals to the event thread itself.
 */
package io.github.ucmaworkbench.lessons;
