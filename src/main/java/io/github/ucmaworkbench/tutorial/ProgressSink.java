package io.github.ucmaworkbench.tutorial;

/** A manager's progress log as homework writes to it: the tutorial's RecordProgress and Error. */
public interface ProgressSink {
    void recordProgress(String format, Object... args);

    void error(String format, Object... args);
}
