package io.github.ucmaworkbench.registrar;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Says in the log, at once, that a sign-in (or an authenticated call) was refused: the first
 * refusal from a source address is one line right away; more from it within the interval are
 * counted and summed up in one line when the interval ends ("refused 41 more sign-ins from
 * 10.0.0.7 in the last 10 s (last: unknown user 'root')"). A password-guessing script therefore
 * costs one line per source and interval. Lines carry the user name and the reason, never a
 * password or a digest response. The clock is injectable so the limit is tested without sleeping.
 */
final class SignInRefusals {
    /** A spoofed-source flood must not grow the table without bound: the rest share one entry. */
    static final int MAX_SOURCES = 256;
    static final String OTHER_SOURCES = "other addresses";

    private final long intervalMillis;
    private final LongSupplier clockMillis;
    private final Consumer<String> sink;
    private final Map<String, Source> sources = new LinkedHashMap<>();

    private static final class Source {
        long windowStart;
        int more;
        String what;
        String last;
    }

    SignInRefusals(long intervalMillis, LongSupplier clockMillis, Consumer<String> sink) {
        this.intervalMillis = intervalMillis;
        this.clockMillis = clockMillis;
        this.sink = sink;
    }

    /**
     * One refusal: {@code method} REGISTER (a sign-in) or the call's method, {@code why} a short
     * reason such as "wrong password for 'alice'".
     */
    void refused(String source, String method, String why) {
        String what = "REGISTER".equals(method) ? "sign-in" : method;
        String reason = oneLine(why);
        String line = null;
        synchronized (this) {
            long now = clockMillis.getAsLong();
            String key = sources.containsKey(source) || sources.size() < MAX_SOURCES ? source : OTHER_SOURCES;
            Source s = sources.get(key);
            if (s == null) {
                s = new Source();
                s.windowStart = now;
                sources.put(key, s);
                line = "registrar: refused " + ("sign-in".equals(what) ? "a sign-in" : what) + " from " + source + ": " + reason
                        + (key.equals(OTHER_SOURCES) ? " (too many addresses: further ones are counted together)" : "");
            } else {
                s.more++;
                s.what = s.what == null || s.what.equals(what) ? what : "request";
                s.last = reason + ", from " + source;
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
    void flushDue() {
        flush(false);
    }

    /** Emits every pending summary (the registrar is stopping). */
    void flushAll() {
        flush(true);
    }

    private void flush(boolean all) {
        List<String> lines = new ArrayList<>();
        synchronized (this) {
            long now = clockMillis.getAsLong();
            sources.entrySet().removeIf(entry -> {
                Source s = entry.getValue();
                if (!all && now - s.windowStart < intervalMillis) {
                    return false;
                }
                if (s.more == 0) {
                    return true; // quiet for a whole interval: the next refusal is news again
                }
                lines.add(summary(entry.getKey(), s, now));
                return all;
            });
        }
        lines.forEach(sink);
    }

    private String summary(String key, Source s, long now) {
        long seconds = Math.max(1, Math.round((now - s.windowStart) / 1000.0));
        String line = "registrar: refused " + s.more + " more " + s.what + (s.more == 1 ? "" : "s") + " from " + key
                + " in the last " + seconds + " s (last: " + s.last + ")";
        s.more = 0;
        s.what = null;
        s.windowStart = now;
        return line;
    }

    /** The reason quotes a user name the client chose: no line breaks or control characters in our log. */
    private static String oneLine(String text) {
        StringBuilder out = new StringBuilder(Math.min(text.length(), 200));
        text.codePoints().limit(200).forEach(c -> out.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return out.toString();
    }
}
