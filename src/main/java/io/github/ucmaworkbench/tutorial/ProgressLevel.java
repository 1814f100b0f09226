package io.github.ucmaworkbench.tutorial;

/** A progress line is either news ({@code RecordProgress}) or a failure ({@code Error}). */
public enum ProgressLevel {
    INFO,
    ERROR
}
