package io.github.ucmaworkbench.lessons;

import io.github.ucmaworkbench.tutorial.ProgressEventArgs;

/** What a headless run reports as it goes; every method has a do-nothing default. */
public interface LessonRunListener {
    /** The embedded registrar is up on {@code port}. */
    default void registrarStarted(int port) {
    }

    default void stepStarted(LessonStep step, int index, int count) {
    }

    default void stepFinished(StepResult result) {
    }

    /** A line of a manager's progress log (on a worker thread). */
    default void progress(Side side, ProgressEventArgs line) {
    }
}
