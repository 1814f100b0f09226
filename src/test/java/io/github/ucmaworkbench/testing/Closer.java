package io.github.ucmaworkbench.testing;

import java.util.ArrayDeque;
import java.util.Deque;

/** What a test opened, closed in reverse order after it, each close best effort so the rest still close. */
public final class Closer implements AutoCloseable {
    private final Deque<AutoCloseable> opened = new ArrayDeque<>();

    /** Remembers {@code closeable} and hands it back. */
    public <T extends AutoCloseable> T add(T closeable) {
        opened.push(closeable);
        return closeable;
    }

    @Override
    public void close() {
        while (!opened.isEmpty()) {
            try {
                opened.pop().close();
            } catch (Exception ignored) {
                // a test's leftovers: keep closing the rest
            }
        }
    }
}
