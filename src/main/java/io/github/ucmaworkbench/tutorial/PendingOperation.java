package io.github.ucmaworkbench.tutorial;

import java.time.Instant;

/** An operation that is waiting for the network, and when it will give up. */
public record PendingOperation(String description, Instant deadline) {
}
