package io.github.ucmaworkbench.trace;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * A bounded hand-over from the stack threads to one consumer: the subscriber only appends, the
 * consumer drains in batches (the view's Swing timer, a recorder's close). When the consumer falls
 * behind by more than the capacity, the oldest events are dropped and counted, so a paused view
 * or a flood cannot grow the heap without bound.
 */
public final class TraceQueue implements AutoCloseable {
    private final int capacity;
    private final ArrayDeque<SipTraceEvent> queue = new ArrayDeque<>();
    private final AutoCloseable subscription;
    private long dropped;
    private volatile long lastEnqueuedSequence;

    /** Subscribes to {@code trace} at once. */
    public TraceQueue(SipTrace trace, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        this.capacity = capacity;
        this.subscription = trace.subscribe(this::offer);
    }

    private synchronized void offer(SipTraceEvent event) {
        if (queue.size() == capacity) {
            queue.removeFirst();
            dropped++;
        }
        queue.addLast(event);
        lastEnqueuedSequence = event.sequence();
    }

    /** Everything queued so far, oldest first; the queue is then empty. */
    public synchronized List<SipTraceEvent> drain() {
        List<SipTraceEvent> batch = new ArrayList<>(queue);
        queue.clear();
        return batch;
    }

    public synchronized int size() {
        return queue.size();
    }

    /** How many events were dropped because the queue was full. */
    public synchronized long dropped() {
        return dropped;
    }

    /** The sequence number of the newest event queued (drained or not); 0 before any. */
    public long lastEnqueuedSequence() {
        return lastEnqueuedSequence;
    }

    /** Stops receiving; what is queued can still be drained. */
    @Override
    public void close() {
        try {
            subscription.close();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
