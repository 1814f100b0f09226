package io.github.ucmaworkbench.lessons;

import io.github.ucmaworkbench.rtc.SignalingHeader;
import io.github.ucmaworkbench.rtc.SipEndpoint;
import io.github.ucmaworkbench.tutorial.AcceptPolicy;
import io.github.ucmaworkbench.tutorial.EndpointSettings;
import io.github.ucmaworkbench.tutorial.IncomingCallDecider;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An action with its argument, checked when the lesson loads so a typo fails at load time with a
 * line number rather than in front of the class.
 *
 * @param argument the text after the action id, trimmed; empty when the action takes none
 */
public record StepCall(LessonAction action, String argument) {

    /** Parses {@code "set-policy reject 486 Busy Here"}; throws IllegalArgumentException with a readable reason. */
    public static StepCall parse(String text) {
        String trimmed = text.strip();
        int space = trimmed.indexOf(' ');
        String id = space < 0 ? trimmed : trimmed.substring(0, space);
        String argument = space < 0 ? "" : trimmed.substring(space + 1).strip();
        LessonAction action = LessonAction.byId(id);
        if (action == null) {
            throw new IllegalArgumentException("unknown action '" + id + "' (known: " + LessonAction.ids() + ")");
        }
        if (!action.takesArgument() && !argument.isEmpty()) {
            throw new IllegalArgumentException("action '" + id + "' takes no argument, got '" + argument + "'");
        }
        if (action.takesArgument() && argument.isEmpty()) {
            throw new IllegalArgumentException("action '" + id + "' needs an argument");
        }
        StepCall call = new StepCall(action, argument);
        // Fail now, not when the step runs.
        switch (action) {
            case SET_POLICY -> call.policy();
            case SET_TIMEOUT -> call.timeout();
            case SET_RING_TIMEOUT -> call.ringTimeout();
            case SEND_INVITE_HEADERS -> call.headers();
            case SIGN_IN_WITH -> call.trialSettings(new EndpointSettings("sip:a@b", "h", 0, null, null, null));
            default -> { }
        }
        return call;
    }

    /**
     * The policy of a {@code set-policy} step: {@code accept-all}, {@code dont-answer},
     * {@code reject CODE REASON}, {@code require-header NAME}.
     */
    public AcceptPolicy policy() {
        String[] words = argument.split("\\s+", 3);
        switch (words[0]) {
            case "accept-all":
                expectWords(words, 1);
                return new AcceptPolicy.AcceptAll();
            case "dont-answer":
                expectWords(words, 1);
                return new AcceptPolicy.DontAnswer();
            case "ask-decline":
                // "Ask me" with someone who says no at once: the 603 Decline without a dialog.
                expectWords(words, 1);
                return new AcceptPolicy.Ask(IncomingCallDecider.DECLINE_AT_ONCE, Duration.ofSeconds(10));
            case "require-header":
                expectWords(words, 2);
                return new AcceptPolicy.RequireHeader(words[1]);
            case "reject":
                if (words.length < 3) {
                    throw new IllegalArgumentException("'reject' needs a code and a reason, e.g. 'reject 486 Busy Here'");
                }
                int code;
                try {
                    code = Integer.parseInt(words[1]);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("'" + words[1] + "' is not a response code");
                }
                return new AcceptPolicy.Reject(code, words[2]);
            default:
                throw new IllegalArgumentException("unknown policy '" + words[0]
                        + "' (known: accept-all, dont-answer, ask-decline, reject CODE REASON, require-header NAME)");
        }
    }

    private static void expectWords(String[] words, int count) {
        if (words.length != count) {
            throw new IllegalArgumentException("policy '" + words[0] + "' takes " + (count - 1) + " argument(s)");
        }
    }

    /** The timeout of a {@code set-timeout} step: {@code 1500ms}, {@code 2s} or {@code default}. */
    public Duration timeout() {
        String value = argument.toLowerCase(Locale.ROOT);
        if (value.equals("default")) {
            return SipEndpoint.DEFAULT_OPERATION_TIMEOUT;
        }
        return Durations.parse(value);
    }

    /**
     * The settings of a {@code sign-in-with} step: {@code base} with {@code password TEXT} (and the
     * user name of the URI when base has none) or {@code server HOST:PORT} changed.
     */
    public EndpointSettings trialSettings(EndpointSettings base) {
        String[] words = argument.split("\\s+", 2);
        if (words.length != 2) {
            throw new IllegalArgumentException("'sign-in-with' needs 'password TEXT' or 'server HOST:PORT'");
        }
        switch (words[0]) {
            case "password": {
                String user = base.hasCredentials() ? base.userName() : userOf(base.uri());
                return new EndpointSettings(base.uri(), base.serverHost(), base.serverPort(), base.transport(), user, words[1]);
            }
            case "server": {
                int colon = words[1].lastIndexOf(':');
                int port;
                try {
                    port = colon < 0 ? -1 : Integer.parseInt(words[1].substring(colon + 1));
                } catch (NumberFormatException e) {
                    port = -1;
                }
                if (colon <= 0 || port < 1 || port > 65535) {
                    throw new IllegalArgumentException("'" + words[1] + "' is not HOST:PORT");
                }
                return new EndpointSettings(base.uri(), words[1].substring(0, colon), port, base.transport(),
                        base.userName(), base.password());
            }
            default:
                throw new IllegalArgumentException("'sign-in-with' changes 'password' or 'server', not '" + words[0] + "'");
        }
    }

    private static String userOf(String uri) {
        int colon = uri.indexOf(':');
        int at = uri.indexOf('@');
        return at > colon ? uri.substring(colon + 1, at) : uri;
    }

    /**
     * The ring timeout of a {@code set-ring-timeout} step: {@code 3s}, {@code 1500ms}, or
     * {@code default} (null: the client's own setting again).
     */
    public Duration ringTimeout() {
        String value = argument.toLowerCase(Locale.ROOT);
        return value.equals("default") ? null : Durations.parse(value);
    }

    /** The headers of a {@code send-invite-headers} step: {@code Name: value; Other: value}. */
    public List<SignalingHeader> headers() {
        List<SignalingHeader> headers = new ArrayList<>();
        for (String part : argument.split(";")) {
            int colon = part.indexOf(':');
            if (colon <= 0 || part.substring(colon + 1).isBlank()) {
                throw new IllegalArgumentException("'" + part.strip() + "' is not 'Name: value'");
            }
            headers.add(new SignalingHeader(part.substring(0, colon).strip(), part.substring(colon + 1).strip()));
        }
        return headers;
    }

    /** One sentence for the student: what this step changes or sends. */
    public String describe(Side side) {
        String who = side == Side.CLIENT ? "The client" : "The server";
        return switch (action) {
            case SIGN_IN -> who + " signs in.";
            case SIGN_IN_WITH -> who + " signs in once with " + (argument.startsWith("password") ? "another password"
                    : "the server " + argument.substring(argument.indexOf(' ') + 1)) + "; its saved settings stay.";
            case SIGN_OUT -> who + " signs out.";
            case LISTEN -> "The server starts listening for invites.";
            case STOP_LISTENING -> "The server stops listening.";
            case SEND_INVITE -> "The client sends an INVITE to its server (BeginParticipate).";
            case SEND_INVITE_SYNC -> "The client sends an INVITE with the blocking Participate (on a worker thread).";
            case SEND_INVITE_HEADERS -> "The client sends an INVITE with the headers " + argument + ".";
            case HANG_UP -> who + " ends the session.";
            case SEND_MESSAGE -> "The client sends the message \"" + argument + "\".";
            case SET_POLICY -> "Setting applied: the server's accept policy becomes '" + argument + "'.";
            case SET_TIMEOUT -> "Setting applied: the " + side.id() + "'s operation timeout becomes " + argument + ".";
            case SET_RING_TIMEOUT -> "Setting applied: the client lets an invite ring for "
                    + (argument.equalsIgnoreCase("default") ? "as long as its settings say" : argument) + ".";
            case WATCH -> "Nothing to click: watch the logs.";
        };
    }

    @Override
    public String toString() {
        return argument.isEmpty() ? action.id() : action.id() + " " + argument;
    }
}
