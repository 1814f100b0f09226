package io.github.ucmaworkbench.lessons;

import java.time.Duration;

/** {@code 1500ms}, {@code 2s}, {@code 1.5s}: the way lesson files write times. */
public final class Durations {
    private Durations() {
    }

    public static Duration parse(String text) {
        String value = text.strip();
        try {
            if (value.endsWith("ms")) {
                return positive(Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2).strip())), text);
            }
            if (value.endsWith("s")) {
                double seconds = Double.parseDouble(value.substring(0, value.length() - 1).strip());
                return positive(Duration.ofMillis(Math.round(seconds * 1000)), text);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("'" + text + "' is not a time such as 1500ms or 2s");
    }

    private static Duration positive(Duration d, String text) {
        if (d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException("'" + text + "' must be more than zero");
        }
        return d;
    }
}
