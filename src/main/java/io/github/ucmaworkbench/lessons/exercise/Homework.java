package io.github.ucmaworkbench.lessons.exercise;

import io.github.ucmaworkbench.tutorial.ProgressSink;

/**
 * What every student's homework class extends (through {@link ClientHomework} or
 * {@link ServerHomework}): the tutorial's {@code RecordProgress} and {@code Error}, writing to the
 * progress log of the side the homework runs in, so the code reads like the tutorial's managers.
 */
public abstract class Homework {
    private volatile ProgressSink log;

    final void bind(ProgressSink sink) {
        log = sink;
    }

    /** One line of news in this side's progress log ({@link String#format} style). */
    protected final void recordProgress(String format, Object... args) {
        ProgressSink sink = log;
        if (sink != null) {
            sink.recordProgress(format, args);
        }
    }

    /** One line that something failed, in this side's progress log. */
    protected final void error(String format, Object... args) {
        ProgressSink sink = log;
        if (sink != null) {
            sink.error(format, args);
        }
    }
}
