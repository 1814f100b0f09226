package io.github.ucmaworkbench.ui;

import java.time.Instant;

/**
 * An operation that waits, as the pending indicator shows it.
 *
 * @param description what waits, e.g. "Waiting for the server to answer the INVITE"
 * @param deadline    when it gives up
 */
public record PendingWait(String description, Instant deadline) {
}
