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

    /**
     * Which answer. {@link #ASK_DECLINE} is lesson 6's "ask someone, who says no": the "Ask me"
     * path with a stand-in that declines at once (603, no dialog); a lesson sets it, and the box
     * must be able to show it.
     */
    public enum Kind { ACCEPT_ALL, REJECT, ASK, DONT_ANSWER, REQUIRE_HEADER, ASK_DECLINE }

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
            case ACCEPT_ALL, DONT_ANSWER, ASK_DECLINE -> null;
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
            case ASK_DECLINE -> "Ask me, a stand-in declines at once";
        };
    }

    /**
     * The tutorial's policy for this choice: the one conversion from the window's terms to the
     * tutorial's. {@code askDecider} answers "Ask me" within {@link #askTimeoutSeconds}: the one
     * number the box, the log and the dialog's countdown all show (the server manager's own
     * fallback comes a little later, see {@code ServerManager.ASK_GRACE}).
     */
    public AcceptPolicy toPolicy(IncomingCallDecider askDecider) {
        return switch (kind) {
            case ACCEPT_ALL -> new AcceptPolicy.AcceptAll();
            case REJECT -> new AcceptPolicy.Reject(rejectCode, rejectReason);
            case ASK -> new AcceptPolicy.Ask(askDecider, Duration.ofSeconds(askTimeoutSeconds));
            case ASK_DECLINE -> new AcceptPolicy.Ask(IncomingCallDecider.DECLINE_AT_ONCE,
                    Duration.ofSeconds(askTimeoutSeconds));
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
        } else if (policy instanceof AcceptPolicy.Ask ask) {
            kind = ask.decider() == IncomingCallDecider.DECLINE_AT_ONCE ? Kind.ASK_DECLINE : Kind.ASK;
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
