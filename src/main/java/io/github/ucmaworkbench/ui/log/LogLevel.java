package io.github.ucmaworkbench.ui.log;

/** How much a progress line matters; it decides the line's colour and icon. */
public enum LogLevel {
    /** The tutorial's recordProgress: what just happened. */
    INFO,
    /** Something the workbench itself wants the user to notice (a settings file it could not use). */
    WARNING,
    /** The tutorial's error callback: an operation failed. */
    ERROR
}
