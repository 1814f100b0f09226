package io.github.ucmaworkbench.settings;

import io.github.ucmaworkbench.tutorial.AcceptPolicy;
import io.github.ucmaworkbench.tutorial.IncomingCallDecider;
import java.time.Duration;

/**
 * How the server answers an incoming INVITE, as the user chose it (the tutorial's
 * {@code AcceptPolicy} is built from this when the server starts).
 *
 * @param kind              which answer
 * @param rejectCode        the final response for {@link Kind#REJECT}, 300–699
 * @param rejectReason      its reason phrase
 * @param requiredHeader    the header name {@link Kind#REQUIRE_HEADER} looks for
 * @param askTimeoutSeconds how long {@link Kind#ASK} waits for the teacher before declining
 */
public record AcceptPolicySettings(Kind kind, int rejectCode, String rejectReason, String requiredHeader,
        int askTimeoutSeconds) {

    public enum Kind { ACCEPT_ALL, REJECT, ASK, DONT_ANSWER, REQUIRE_HEADER }

    /** The rejections a lesson uses, in the order the chooser offers them. */
    public enum StandardRejection {
        BUSY_HERE(486, "Busy Here"),
        DECLINE(603, "Decline"),
        TEMPORARILY_UNAVAILABLE(480, "Temporarily Unavailable"),
        FORBIDDEN(403, "Forbidden");

        public final int code;
        public final String reason;

        StandardRejection(int code, String reason) {
            this.code = code;
            this.reason = reason;
        }

        @Override
        public String toString() {
            return code + " " + reason;
        }
    }

    public static final int DEFAULT_ASK_TIMEOUT_SECONDS = 20;
    /** How much longer than the countdown the server manager waits before its own 480. */
    public static final Duration ASK_GRACE = Duration.ofSeconds(2);
    public static final String DEFAULT_REQUIRED_HEADER = "X-Lesson";

    public static AcceptPolicySettings defaults() {
        return new AcceptPolicySettings(Kind.ACCEPT_ALL, 486, "Busy Here", DEFAULT_REQUIRED_HEADER,
                DEFAULT_ASK_TIMEOUT_SECONDS);
    }

    /** Why the choice cannot be used, or null. Only the fields the chosen kind uses are checked. */
    public String problem() {
        if (kind == null) {
            return "Choose how the server answers.";
        }
        return switch (kind) {
            case REJECT -> SettingsValidation.rejectionCode(rejectCode)
                    .or(() -> SettingsValidation.required(rejectReason, "The reason phrase"))
                    .orElse(null);
            case REQUIRE_HEADER -> SettingsValidation.headerName(requiredHeader).orElse(null);
            case ASK -> SettingsValidation.askTimeoutSeconds(askTimeoutSeconds).orElse(null);
            case ACCEPT_ALL, DONT_ANSWER -> null;
        };
    }

    /** One line for the panel and the log, e.g. "Reject with 486 Busy Here". */
    public String describe() {
        if (kind == null) {
            return "No policy";
        }
        return switch (kind) {
            case ACCEPT_ALL -> "Accept every call";
            case REJECT -> "Reject with " + rejectCode + " " + rejectReason;
            case ASK -> "Ask me (decline after " + askTimeoutSeconds + " s)";
            case DONT_ANSWER -> "Don't answer";
            case REQUIRE_HEADER -> "Accept only with header " + requiredHeader;
        };
    }

    /**
     * The tutorial's policy for this choice: the one conversion from the window's terms to the
     * tutorial's. {@code askDecider} answers "Ask me"; the manager's own "nobody decided" timer runs
     * {@link #ASK_GRACE} longer than the countdown, so the countdown's Decline is what the caller
     * sees (603), not the manager's fallback (480).
     */
    public AcceptPolicy toPolicy(IncomingCallDecider askDecider) {
        return switch (kind) {
            case ACCEPT_ALL -> new AcceptPolicy.AcceptAll();
            case REJECT -> new AcceptPolicy.Reject(rejectCode, rejectReason);
            case ASK -> new AcceptPolicy.Ask(askDecider, Duration.ofSeconds(askTimeoutSeconds).plus(ASK_GRACE));
            case DONT_ANSWER -> new AcceptPolicy.DontAnswer();
            case REQUIRE_HEADER -> new AcceptPolicy.RequireHeader(requiredHeader);
        };
    }

    /**
     * {@code policy} (set by a lesson step) in the window's terms, keeping the fields it does not set
     * from {@code shown}: the one conversion back.
     */
    public static AcceptPolicySettings from(AcceptPolicy policy, AcceptPolicySettings shown) {
        Kind kind = Kind.ACCEPT_ALL;
        int code = shown.rejectCode();
        String reason = shown.rejectReason();
        String header = shown.requiredHeader();
        if (policy instanceof AcceptPolicy.Reject reject) {
            kind = Kind.REJECT;
            code = reject.code();
            reason = reject.reason();
        } else if (policy instanceof AcceptPolicy.DontAnswer) {
            kind = Kind.DONT_ANSWER;
        } else if (policy instanceof AcceptPolicy.RequireHeader require) {
            kind = Kind.REQUIRE_HEADER;
            header = require.name();
        } else if (policy instanceof AcceptPolicy.Ask) {
            kind = Kind.ASK;
        }
        return new AcceptPolicySettings(kind, code, reason, header, shown.askTimeoutSeconds());
    }

    AcceptPolicySettings withMissingFrom(AcceptPolicySettings fallback) {
        return new AcceptPolicySettings(
                kind == null ? fallback.kind : kind,
                rejectCode == 0 ? fallback.rejectCode : rejectCode,
                rejectReason == null ? fallback.rejectReason : rejectReason,
                requiredHeader == null ? fallback.requiredHeader : requiredHeader,
                askTimeoutSeconds == 0 ? fallback.askTimeoutSeconds : askTimeoutSeconds);
    }
}
