package io.github.ucmaworkbench.trace;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one stream of every SIP message this process sends or receives. The log, the ladder, the
 * inspector and the exporters are views of it.
 *
 * <p>Subscribers must only queue the event and return. The stream also keeps the most recent
 * events so a view opened late can start from them.
 *
 * <p>Publishing takes no lock: every stack thread and every SIP lane publishes, often at the same
 * moment, and a global lock there was one of the ceilings of the headless server under load. A
 * published event goes into a lock-free queue; whichever thread finds the delivery lock free
 * (a {@code tryLock}, never a wait) numbers, retains and delivers everything queued, in queue
 * order, so every subscriber still sees the stream in sequence order. A publisher that finds the
 * lock taken leaves its event to the thread holding it, which looks again after letting go.
 * {@link #snapshot()} delivers what is queued first, so it never misses an event published
 * before it was called.
 */
public final class SipTrace {
    /** How many events {@link #snapshot()} keeps. */
    public static final int RETAINED = 20_000;

    private static final Logger LOG = LoggerFactory.getLogger(SipTrace.class);
    private static final SipTrace GLOBAL = new SipTrace();

    private final List<Consumer<SipTraceEvent>> subscribers = new CopyOnWriteArrayList<>();
    private final Queue<SipTraceEvent> published = new ConcurrentLinkedQueue<>();
    private final ReentrantLock delivery = new ReentrantLock();
    // guarded by delivery
    private final Deque<SipTraceEvent> recent = new ArrayDeque<>();
    private long nextSequence = 1;
    /**
     * One copy of each address, transport, method and start line: every record of a classroom
     * burst repeats a handful of them, and the ladder keeps up to 100,000 records. Bounded: emptied
     * when it grows past {@link #CANONICAL_MAX}. Guarded by delivery.
     */
    private final Map<String, String> canonical = new HashMap<>();
    private static final int CANONICAL_MAX = 4_096;
    /**
     * The last texts delivered: a message between two parties of this process is traced by both,
     * byte for byte the same, within a few records; the second record shares the first's text.
     * Guarded by delivery.
     */
    private final Map<String, String> recentTexts = recentStrings();
    /** Likewise the Call-ID, which each record's own parse gave it. */
    private final Map<String, String> recentCallIds = recentStrings();
    private static final int RECENT_TEXTS = 256;
    private final AtomicInteger switchedOff = new AtomicInteger();

    /** The process-wide stream every stack created by {@code SipStacks} feeds. */
    public static SipTrace global() {
        return GLOBAL;
    }

    /**
     * Whether messages are recorded at all: yes, unless a headless command that writes no trace
     * file switched it off ({@link #switchOffUnlessWatched()}) and nobody subscribes either.
     */
    public boolean isEnabled() {
        return switchedOff.get() == 0 || !subscribers.isEmpty();
    }

    /**
     * Stops recording while nobody subscribes, until the result is closed: the headless server and
     * registrar then skip encoding every message a second time. A command that records a trace in
     * the same process (its subscriber) keeps it on; the window never switches it off.
     */
    public AutoCloseable switchOffUnlessWatched() {
        switchedOff.incrementAndGet();
        AtomicBoolean closed = new AtomicBoolean();
        return () -> {
            if (closed.compareAndSet(false, true)) {
                switchedOff.decrementAndGet();
            }
        };
    }

    /** Registers a subscriber; close the returned handle to stop receiving. */
    public AutoCloseable subscribe(Consumer<SipTraceEvent> subscriber) {
        subscribers.add(subscriber);
        return () -> subscribers.remove(subscriber);
    }

    /** The retained events, oldest first. */
    public List<SipTraceEvent> snapshot() {
        delivery.lock();
        try {
            deliverQueued();
            return new ArrayList<>(recent);
        } finally {
            delivery.unlock();
        }
    }

    /** Forgets the retained events (subscribers are kept). */
    public void clear() {
        delivery.lock();
        try {
            deliverQueued();
            recent.clear();
        } finally {
            delivery.unlock();
        }
    }

    /** Gives the event its sequence number, retains it and hands it to every subscriber. */
    public void publish(SipTraceEvent unnumbered) {
        if (!isEnabled()) {
            return;
        }
        published.add(unnumbered);
        // Re-check after letting go: an event queued while we held the lock has nobody else.
        while (!published.isEmpty() && delivery.tryLock()) {
            try {
                deliverQueued();
            } finally {
                delivery.unlock();
            }
        }
    }

    private String canonical(String s) {
        if (s == null) {
            return null;
        }
        if (canonical.size() >= CANONICAL_MAX) {
            canonical.clear();
        }
        String known = canonical.putIfAbsent(s, s);
        return known == null ? s : known;
    }

    private static Map<String, String> recentStrings() {
        return new LinkedHashMap<>(RECENT_TEXTS * 2, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
                return size() > RECENT_TEXTS;
            }
        };
    }

    private static String shared(Map<String, String> recent, String s) {
        if (s == null) {
            return null;
        }
        String known = recent.putIfAbsent(s, s);
        return known == null ? s : known;
    }

    private void deliverQueued() {
        SipTraceEvent unnumbered;
        while ((unnumbered = published.poll()) != null) {
            SipTraceEvent event = new SipTraceEvent(nextSequence++, unnumbered.time(), canonical(unnumbered.party()),
                    unnumbered.direction(), canonical(unnumbered.local()), canonical(unnumbered.remote()),
                    canonical(unnumbered.transport()), canonical(unnumbered.firstLine()),
                    shared(recentCallIds, unnumbered.callId()),
                    canonical(unnumbered.method()), unnumbered.statusCode(), shared(recentTexts, unnumbered.rawText()));
            recent.addLast(event);
            if (recent.size() > RETAINED) {
                recent.removeFirst();
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
}
