package io.github.ucmaworkbench.trace.ladder;

import java.util.Locale;

/**
 * Which arrows the ladder shows: those whose Call-ID contains {@code callIdPart} and whose method
 * (for a response, the method it answers) is {@code method}. Blank means "any".
 */
public record LadderFilter(String callIdPart, String method) {
    public static final LadderFilter NONE = new LadderFilter("", "");

    public LadderFilter {
        callIdPart = callIdPart == null ? "" : callIdPart.trim();
        method = method == null ? "" : method.trim().toUpperCase(Locale.ROOT);
    }

    public boolean isNone() {
        return callIdPart.isEmpty() && method.isEmpty();
    }

    public boolean matches(LadderArrow arrow) {
        if (!method.isEmpty() && !method.equals(arrow.method())) {
            return false;
        }
        return callIdPart.isEmpty()
                || arrow.callId().toLowerCase(Locale.ROOT).contains(callIdPart.toLowerCase(Locale.ROOT));
    }
}
