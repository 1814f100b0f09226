package io.github.ucmaworkbench.trace;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one stream of every SIP message this process sends or receives. The log, the ladder, the
 * inspector and the exporters are views of it.
 *
 * <p>Subscribers are called on the thread that saw the message (a JAIN-SIP stack thread): they
 * must only queue the event and return. The stream also keeps the most recent events so a view
 * opened late can start from them.
 */
public final class SipTrace {
    /** How many events {@link #snapshot()} keeps. */
    public static final int RETAINED = 20_000;

    private static final Logger LOG = LoggerFactory.getLogger(SipTrace.class);
    private static final SipTrace GLOBAL = new SipTrace();

    private final List<Consumer<SipTraceEvent>> subscribers = new CopyOnWriteArrayList<>();
    private final Deque<SipTraceEvent> recent = new ArrayDeque<>();
    private long nextSequence = 1;

    /** The process-wide stream every stack created by {@code SipStacks} feeds. */
    public static SipTrace global() {
        return GLOBAL;
    }

    /** Registers a subscriber; close the returned handle to stop receiving. */
    public AutoCloseable subscribe(Consumer<SipTraceEvent> subscriber) {
        subscribers.add(subscriber);
        return () -> subscribers.remove(subscriber);
    }

    /** The retained events, oldest first. */
    public synchronized List<SipTraceEvent> snapshot() {
        return new ArrayList<>(recent);
    }

    /** Forgets the retained events (subscribers are kept). */
    public synchronized void clear() {
        recent.clear();
    }

    /**
     * Gives the event its sequence number, retains it and hands it to every subscriber. Delivery
     * happens under the lock so every view sees the stream in sequence order; that is why
     * subscribers may only queue.
     */
    public synchronized void publish(SipTraceEvent unnumbered) {
        SipTraceEvent event;
        {
            event = new SipTraceEvent(nextSequence++, unnumbered.time(), unnumbered.party(),
                    unnumbered.direction(), unnumbered.local(), unnumbered.remote(), unnumbered.transport(),
                    unnumbered.firstLine(), unnumbered.callId(), unnumbered.method(), unnumbered.statusCode(),
                    unnumbered.rawText());
            recent.addLast(event);
            if (recent.size() > RETAINED) {
                recent.removeFirst();
            }
        }
        for (Consumer<SipTraceEvent> subscriber : subscribers) {
            try {
                subscriber.accept(event);
            } catch (RuntimeException e) {
                // One broken view must not stop the stack thread or the other views.
                LOG.warn("trace subscriber failed", e);
            }
        }
    }
}
