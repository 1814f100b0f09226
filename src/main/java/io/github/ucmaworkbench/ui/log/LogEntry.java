package io.github.ucmaworkbench.ui.log;

import io.github.ucmaworkbench.tutorial.ProgressLevel;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;

/**
 * One line of a progress log.
 *
 * @param time    when it happened
 * @param level   how much it matters
 * @param message the sentence, as the tutorial code wrote it
 */
public record LogEntry(Instant time, ProgressLevel level, String message) {
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS", Locale.ROOT).withZone(ZoneId.systemDefault());

    public LogEntry {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(level, "level");
        message = message == null ? "" : message;
    }

    public static LogEntry info(String message) {
        return new LogEntry(Instant.now(), ProgressLevel.INFO, message);
    }

    public static LogEntry warning(String message) {
        return new LogEntry(Instant.now(), ProgressLevel.WARNING, message);
    }

    public static LogEntry error(String message) {
        return new LogEntry(Instant.now(), ProgressLevel.ERROR, message);
    }

    public String timeText() {
        return TIME.format(time);
    }

    /** The line as copied or saved: {@code 12:00:01.250  ERROR  The INVITE was rejected: 486 Busy Here}. */
    public String toText() {
        return timeText() + "  " + String.format(Locale.ROOT, "%-7s", level) + "  " + message;
    }

    /** Same as {@link #toText()}, so the list's own copy (Ctrl+C) yields readable lines. */
    @Override
    public String toString() {
        return toText();
    }
}
