package io.github.ucmaworkbench.trace.ladder;

import java.util.Locale;

/**
 * Which arrows the ladder shows: those whose Call-ID contains {@code callIdPart}, whose method
 * (for a response, the method it answers) is {@code method}, and whose call was started by
 * {@code caller} ({@code user@host}). Blank means "any".
 */
public record LadderFilter(String callIdPart, String method, String caller) {
    public static final LadderFilter NONE = new LadderFilter("", "", "");

    public LadderFilter {
        callIdPart = callIdPart == null ? "" : callIdPart.trim();
        method = method == null ? "" : method.trim().toUpperCase(Locale.ROOT);
        caller = caller == null ? "" : caller.trim().toLowerCase(Locale.ROOT);
    }

    /** Any caller. */
    public LadderFilter(String callIdPart, String method) {
        this(callIdPart, method, "");
    }

    public boolean isNone() {
        return callIdPart.isEmpty() && method.isEmpty() && caller.isEmpty();
    }

    public LadderFilter withCaller(String newCaller) {
        return new LadderFilter(callIdPart, method, newCaller);
    }

    public boolean matches(LadderArrow arrow) {
        if (!method.isEmpty() && !method.equals(arrow.method())) {
            return false;
        }
        if (!caller.isEmpty() && !caller.equals(arrow.caller())) {
            return false;
        }
        return callIdPart.isEmpty()
                || arrow.callId().toLowerCase(Locale.ROOT).contains(callIdPart.toLowerCase(Locale.ROOT));
    }
}
