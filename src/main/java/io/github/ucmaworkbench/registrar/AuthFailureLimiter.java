package io.github.ucmaworkbench.registrar;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts failed sign-ins (wrong password, unknown user, replayed credentials) per source address
 * and refuses a source that failed {@code limit} times within one window until that window ends,
 * before any digest work is done for it. Each source gets one log line per window in which it
 * was blocked, not one per attempt, so a password-guessing script cannot flood the log either.
 *
 * <p>A fixed window per source starts at its first failure. The table is bounded: when full,
 * finished windows are dropped first, then the oldest sources.
 */
final class AuthFailureLimiter {
    private static final Logger LOG = LoggerFactory.getLogger(AuthFailureLimiter.class);
    private static final int MAX_SOURCES = 10_000;

    private static final class Window {
        final long start;
        int failures;
        long refused;
        boolean logged;

        Window(long start) {
            this.start = start;
        }
    }

    private final int limit;
    private final long windowMillis;
    private final LongSupplier clock;
    private final Map<String, Window> sources = new LinkedHashMap<>();
    private final AtomicLong totalFailures = new AtomicLong();
    private final AtomicLong totalRefused = new AtomicLong();

    AuthFailureLimiter(int limit, long windowMillis, LongSupplier clock) {
        this.limit = limit;
        this.windowMillis = windowMillis;
        this.clock = clock;
    }

    /** True when {@code source} is over its limit: refuse it at once (and count the refusal). */
    synchronized boolean isBlocked(String source) {
        Window w = current(source);
        if (w == null || w.failures < limit) {
            return false;
        }
        w.refused++;
        totalRefused.incrementAndGet();
        if (!w.logged) {
            w.logged = true;
            LOG.warn("{} failed to sign in {} times within {} s; refusing it until the window ends",
                    source, w.failures, windowMillis / 1000);
        }
        return true;
    }

    /** Counts one failed sign-in from {@code source}. */
    synchronized void failed(String source) {
        totalFailures.incrementAndGet();
        Window w = current(source);
        if (w == null) {
            if (sources.size() >= MAX_SOURCES) {
                sources.values().removeIf(this::finished);
                var oldest = sources.keySet().iterator();
                while (sources.size() >= MAX_SOURCES && oldest.hasNext()) {
                    oldest.next();
                    oldest.remove();
                }
            }
            w = new Window(clock.getAsLong());
            sources.put(source, w);
        }
        w.failures++;
    }

    /** Failed sign-ins since start, all sources. */
    long totalFailures() {
        return totalFailures.get();
    }

    /** Requests refused without a check because their source was over the limit. */
    long totalRefused() {
        return totalRefused.get();
    }

    /** Failures per source in the current windows (only sources with an open window). */
    synchronized Map<String, Integer> failuresBySource() {
        Map<String, Integer> out = new LinkedHashMap<>();
        sources.forEach((source, w) -> {
            if (!finished(w)) {
                out.put(source, w.failures);
            }
        });
        return out;
    }

    private Window current(String source) {
        Window w = sources.get(source);
        if (w != null && finished(w)) {
            if (w.refused > 0) {
                LOG.info("{}: sign-in window over ({} requests refused); accepting it again", source, w.refused);
            }
            sources.remove(source);
            return null;
        }
        return w;
    }

    private boolean finished(Window w) {
        return clock.getAsLong() - w.start >= windowMillis;
    }
}
