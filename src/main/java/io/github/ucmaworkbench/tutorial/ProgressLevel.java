package io.github.ucmaworkbench.tutorial;

/**
 * How much a progress line matters; the one level enum (the logs colour and mark lines by it, the
 * lessons expect it, the command line prints it).
 */
public enum ProgressLevel {
    /** The tutorial's {@code RecordProgress}: what just happened. */
    INFO,
    /** Something the workbench itself wants the user to notice (a settings file it could not use); never raised by the tutorial's code. */
    WARNING,
    /** The tutorial's {@code Error} callback: an operation failed. */
    ERROR
}
