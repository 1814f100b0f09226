package io.github.ucmaworkbench.lessons;

import io.github.ucmaworkbench.tutorial.ProgressEventArgs;
import java.net.InetSocketAddress;

/** What a headless run reports as it goes; every method has a do-nothing default. */
public interface LessonRunListener {
    /** The lesson about to run (before the registrar starts). */
    default void lessonStarted(Lesson lesson) {
    }

    /** The embedded registrar is up at {@code address}, serving {@code domain}. */
    default void registrarStarted(InetSocketAddress address, String domain) {
    }

    default void stepStarted(LessonStep step, int index, int count) {
    }

    default void stepFinished(StepResult result) {
    }

    /** A line of a manager's progress log (on a worker thread). */
    default void progress(Side side, ProgressEventArgs line) {
    }
}
