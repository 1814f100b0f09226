package io.github.ucmaworkbench.tutorial;

import java.time.Instant;

/** One line of a manager's progress log; the tutorial's {@code ProgressEventArgs}. */
public record ProgressEventArgs(Instant time, ProgressLevel level, String message) {
}
