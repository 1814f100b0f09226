package io.github.ucmaworkbench.sip;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the SIP a stack could not use (unparseable, or missing a mandatory header) into one clear
 * log line per source address per interval, instead of the RI's debug-level chatter nobody sees:
 * the first message from an address is reported at once, the rest of that interval are summed up
 * ("Ignored 37 malformed SIP messages from 127.0.0.1 in the last 10 s (last: missing Call-ID)").
 * A flood therefore costs one line per address and interval, and a single stray message still
 * shows. The clock is injectable so the limit is tested without sleeping.
 */
public final class MalformedInputReporter {
    /** The logger users see: a WARN per line. */
    public static final String LOGGER_NAME = "io.github.ucmaworkbench.MalformedSip";
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(10);
    /** A spoofed-source flood must not grow the table without bound: the rest share one entry. */
    static final int MAX_SOURCES = 256;
    static final String OTHER_SOURCES = "other addresses";

    private static final Logger LOG = LoggerFactory.getLogger(LOGGER_NAME);
    private static final Map<String, MalformedInputReporter> BY_STACK = new ConcurrentHashMap<>();

    static {
        // Summaries of a flood that then stopped are due even when nothing else arrives.
        SipTimers.TIMERS.scheduleWithFixedDelay(MalformedInputReporter::flushAll, 1, 1, TimeUnit.SECONDS);
    }

    private final String party;
    private final long intervalMillis;
    private final LongSupplier clockMillis;
    private final Consumer<String> sink;
    private final Map<String, Source> sources = new LinkedHashMap<>();
    private final AtomicLong total = new AtomicLong();

    private static final class Source {
        long windowStart;
        int suppressed;
        String last;
    }

    /**
     * @param party       who ignored the messages, e.g. {@code registrar} (starts each line)
     * @param interval    at most one line per source address per interval
     * @param clockMillis the time in milliseconds (tests pass a fake clock)
     * @param sink        where the lines go
     */
    public MalformedInputReporter(String party, Duration interval, LongSupplier clockMillis, Consumer<String> sink) {
        this.party = party;
        this.intervalMillis = interval.toMillis();
        this.clockMillis = clockMillis;
        this.sink = sink;
    }

    /** The reporter of the stack named {@code stackName} (created on first use; lines go to SLF4J). */
    public static MalformedInputReporter forStack(String stackName) {
        return BY_STACK.computeIfAbsent(stackName, name -> new MalformedInputReporter(
                name.contains("#") ? name.substring(0, name.lastIndexOf('#')) : name, DEFAULT_INTERVAL, System::currentTimeMillis, LOG::warn));
    }

    /** Flushes and forgets a stopped stack's reporter. */
    static void release(String stackName) {
        MalformedInputReporter gone = BY_STACK.remove(stackName);
        if (gone != null) {
            gone.flush(true);
        }
    }

    private static void flushAll() {
        for (MalformedInputReporter r : BY_STACK.values()) {
            try {
                r.flushDue();
            } catch (RuntimeException e) {
                LOG.debug("malformed-input summary failed", e);
            }
        }
    }

    /** How many malformed messages were reported in all, logged or summed up. */
    public long total() {
        return total.get();
    }

    /**
     * One message from {@code address} (port may be 0 when unknown) was ignored because of
     * {@code what}, a short phrase such as "missing Call-ID".
     */
    public void report(String address, int port, String what) {
        total.incrementAndGet();
        String from = port > 0 ? address + ":" + port : address;
        String line = null;
        synchronized (this) {
            long now = clockMillis.getAsLong();
            String key = sources.containsKey(address) || sources.size() < MAX_SOURCES ? address : OTHER_SOURCES;
            Source s = sources.get(key);
            if (s == null) {
                s = new Source();
                s.windowStart = now;
                sources.put(key, s);
                line = party + ": ignored a malformed SIP message from " + from + " (" + what + ")"
                        + (key.equals(OTHER_SOURCES) ? "; too many addresses, further ones are counted together as "
                                + OTHER_SOURCES : "");
            } else {
                s.suppressed++;
                s.last = what + ", from " + from;
                if (now - s.windowStart >= intervalMillis) {
                    line = summary(key, s, now);
                }
            }
        }
        if (line != null) {
            sink.accept(line);
        }
    }

    /** Emits the summaries whose interval has ended; forgets sources that went quiet. */
    public void flushDue() {
        flush(false);
    }

    private void flush(boolean all) {
        List<String> lines = new ArrayList<>();
        synchronized (this) {
            long now = clockMillis.getAsLong();
            sources.entrySet().removeIf(entry -> {
                Source s = entry.getValue();
                boolean due = all || now - s.windowStart >= intervalMillis;
                if (!due) {
                    return false;
                }
                if (s.suppressed == 0) {
                    return true; // quiet for a whole interval: the next one is news again
                }
                lines.add(summary(entry.getKey(), s, now));
                return false;
            });
        }
        lines.forEach(sink);
    }

    private String summary(String key, Source s, long now) {
        long seconds = Math.max(1, Math.round((now - s.windowStart) / 1000.0));
        String line = party + ": ignored " + s.suppressed + " malformed SIP message" + (s.suppressed == 1 ? "" : "s")
                + " from " + key + " in the last " + seconds + " s (last: " + s.last + ")";
        s.suppressed = 0;
        s.windowStart = now;
        return line;
    }
}
