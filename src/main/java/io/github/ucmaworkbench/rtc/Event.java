package io.github.ucmaworkbench.rtc;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A .NET event as a Java object: {@code endpoint.SessionReceived += handler} becomes
 * {@code endpoint.sessionReceived().add(handler)}.
 *
 * <p>Handlers run on the API's worker threads, in the order the events happened for the object
 * that raises them. A handler that throws is logged and does not stop the others.
 *
 * @param <T> the event arguments
 */
public final class Event<T> {
    private static final Logger LOG = LoggerFactory.getLogger(Event.class);

    private final List<EventHandler<T>> handlers = new CopyOnWriteArrayList<>();
    private final Executor executor;

    /** An event whose handlers run on {@code executor}; for owners of events, such as the tutorial managers. */
    public Event(Executor executor) {
        this.executor = Objects.requireNonNull(executor, "executor");
    }

    /** Adds a handler ({@code +=}); returns a handle whose {@code close()} removes it again. */
    public AutoCloseable add(EventHandler<T> handler) {
        handlers.add(Objects.requireNonNull(handler, "handler"));
        return () -> remove(handler);
    }

    /** Removes a handler ({@code -=}); does nothing if it was not added. */
    public void remove(EventHandler<T> handler) {
        handlers.remove(handler);
    }

    /** Whether anyone listens; lets an owner pick a default behaviour when nobody does. */
    public boolean hasHandlers() {
        return !handlers.isEmpty();
    }

    /** Calls every handler with {@code args}, on the event's executor. */
    public void raise(Object sender, T args) {
        if (handlers.isEmpty()) {
            return;
        }
        executor.execute(() -> {
            for (EventHandler<T> handler : handlers) {
                try {
                    handler.handle(sender, args);
                } catch (RuntimeException e) {
                    LOG.warn("an event handler failed", e);
                }
            }
        });
    }
}
