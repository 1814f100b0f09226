package io.github.ucmaworkbench.ui.ladder;

import io.github.ucmaworkbench.trace.SipTrace;
import io.github.ucmaworkbench.trace.SipTraceEvent;
import io.github.ucmaworkbench.trace.TraceQueue;
import io.github.ucmaworkbench.trace.ladder.LadderArrow;
import io.github.ucmaworkbench.trace.ladder.LadderModel;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What the ladder has not shown yet: the bounded queue the trace fills from SIP threads, and the
 * backlog the event thread works through in bounded slices (time and count), whether the timer or
 * a cross-link asks. Also remembers the last message
 * applied, so the snapshot the ladder started from is not applied twice. Event thread only (the
 * queue itself is filled from SIP threads).
 */
final class LadderFeed implements AutoCloseable {
    /** The most event-thread time one tick spends applying trace events. */
    static final long BUDGET_NANOS = 8_000_000;
    /** The most events one slice applies, whatever the clock says (a slow machine's first, unjitted slices). */
    static final int MAX_PER_SLICE = 2_000;
    /** The tick while a backlog remains: half the event thread for the backlog, half for the user. */
    static final int CATCH_UP_MILLIS = 16;
    /** Events kept for a paused or hidden view before the oldest are dropped. */
    static final int QUEUE_CAPACITY = 100_000;

    private final SipTrace trace;
    private final TraceQueue queue;
    private final ArrayDeque<SipTraceEvent> backlog = new ArrayDeque<>();
    private final LadderFilterBar filterBar;
    private final Set<String> methodsSeen = new HashSet<>();
    private final Set<String> callersSeen = new HashSet<>();
    private long lastApplied;

    LadderFeed(SipTrace trace, LadderFilterBar filterBar) {
        this.trace = trace;
        this.queue = new TraceQueue(trace, QUEUE_CAPACITY);
        this.filterBar = filterBar;
    }

    /**
     * Applies queued events to {@code model} for at most {@link #BUDGET_NANOS} and at most
     * {@link #MAX_PER_SLICE} events, so a flood never holds the event thread longer than that; the
     * caller comes back for the rest.
     */
    void applyBatch(LadderModel model) {
        applyWhile(model, event -> true);
    }

    /**
     * Applies waiting events, oldest first, while {@code wanted} accepts the next one, within the
     * same budget as {@link #applyBatch}. True when no wanted event waits any more (a cross-link
     * can look now); false when the budget ran out first (come back in a later dispatch).
     */
    boolean applyWhile(LadderModel model, Predicate<SipTraceEvent> wanted) {
        long deadline = System.nanoTime() + BUDGET_NANOS;
        int applied = 0;
        while (hasMore()) {
            if (!wanted.test(backlog.peekFirst())) {
                return true;
            }
            apply(model, next());
            applied++;
            if (applied >= MAX_PER_SLICE || (applied & 63) == 0 && System.nanoTime() > deadline) {
                return !hasMore() || !wanted.test(backlog.peekFirst());
            }
        }
        return true;
    }

    /** Adds one event unless the ladder has it already; a new method or caller joins the filter's offers. */
    void apply(LadderModel model, SipTraceEvent event) {
        if (!isNew(event)) {
            return; // already in the snapshot we started from
        }
        LadderArrow arrow = model.add(event);
        String method = arrow.method();
        if (!method.isEmpty() && methodsSeen.add(method)) {
            filterBar.addMethod(method);
        }
        if (!arrow.caller().isEmpty() && callersSeen.add(arrow.caller())) {
            filterBar.addCaller(arrow.caller());
        }
    }

    /** The status line: how many messages, how many shown, and what waits or was dropped. */
    String describe(int messages, int shown, boolean paused) {
        StringBuilder s = new StringBuilder();
        s.append(messages).append(messages == 1 ? " message" : " messages");
        if (shown != messages) {
            s.append(", ").append(shown).append(" shown");
        }
        if (paused) {
            s.append(" \u2014 paused, ").append(waiting()).append(" waiting");
        } else if (hasBacklog()) {
            s.append(" \u2014 catching up, ").append(waiting()).append(" waiting");
        }
        if (dropped() > 0) {
            s.append(" \u2014 ").append(dropped()).append(" dropped");
        }
        return s.toString();
    }

    /** True when there is something to apply, taking what the queue holds when the backlog is empty. */
    boolean hasMore() {
        if (backlog.isEmpty()) {
            backlog.addAll(queue.drain());
        }
        return !backlog.isEmpty();
    }

    /** Whether the backlog holds more without looking at the queue (the timer's catch-up pace). */
    boolean hasBacklog() {
        return !backlog.isEmpty();
    }

    /** The next event; only after {@link #hasMore()} or {@link #hasBacklog()} said there is one. */
    private SipTraceEvent next() {
        return backlog.pollFirst();
    }

    /** True the first time a sequence number is seen, false for one the ladder already has. */
    private boolean isNew(SipTraceEvent event) {
        if (event.sequence() <= lastApplied) {
            return false;
        }
        lastApplied = event.sequence();
        return true;
    }

    /** The newest sequence number applied or waiting: highlighting "from now" starts after it. */
    long newestSequence() {
        return Math.max(lastApplied, queue.lastEnqueuedSequence());
    }

    /** The newest sequence number queued; any thread (the queue's field is volatile). */
    long lastEnqueuedSequence() {
        return queue.lastEnqueuedSequence();
    }

    int waiting() {
        return queue.size() + backlog.size();
    }

    long dropped() {
        return queue.dropped();
    }

    /** Empties the trace's retained records and everything waiting. */
    void clear() {
        trace.clear();
        queue.drain();
        backlog.clear();
    }

    @Override
    public void close() {
        queue.close();
    }
}
