package io.github.ucmaworkbench.lessons;

import io.github.ucmaworkbench.rtc.RegistrationState;
import io.github.ucmaworkbench.rtc.SignalingState;
import io.github.ucmaworkbench.rtc.SipEndpoint;
import io.github.ucmaworkbench.tutorial.ProgressLevel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The {@code expect:} line of a lesson step or an exercise: alternatives joined by {@code or},
 * each a side and a progress line, a state or a message on the wire, optionally negated with
 * {@code not}. Mistakes come back as {@link LessonFormatException}s naming the file and line.
 */
public final class ExpectationParser {
    private ExpectationParser() {
    }

    /**
     * One {@code expect:} line's alternatives, e.g.
     * {@code client error "refused with 404" or client error "refused with 480"}.
     */
    public static List<Expectation> parse(String file, int lineNo, String text) throws LessonFormatException {
        List<String> tokens = tokenize(file, lineNo, text);
        List<Expectation> alternatives = new ArrayList<>();
        int i = 0;
        while (true) {
            if (i >= tokens.size()) {
                throw new LessonFormatException(file, lineNo, "expected a side ('client' or 'server') in '" + text + "'");
            }
            boolean negated = tokens.get(i).equals("not");
            if (negated) {
                i++;
                if (i >= tokens.size()) {
                    throw new LessonFormatException(file, lineNo, "'not' must be followed by an expectation");
                }
            }
            Side side = Side.byId(tokens.get(i));
            if (side == null) {
                throw new LessonFormatException(file, lineNo, "expected 'client' or 'server', got '" + tokens.get(i) + "'");
            }
            i++;
            if (i >= tokens.size()) {
                throw new LessonFormatException(file, lineNo, "'" + side.id() + "' must be followed by info/error/log \"text\" or a state such as registration=REGISTERED");
            }
            String kind = tokens.get(i++);
            int eq = kind.indexOf('=');
            Expectation parsed;
            if (eq > 0) {
                parsed = parseState(file, lineNo, side, kind.substring(0, eq), kind.substring(eq + 1));
            } else if (kind.equals("sent") || kind.equals("received")) {
                int[] at = {i};
                parsed = WireExpectations.parse(file, lineNo, side, kind, tokens, at);
                i = at[0];
            } else {
                ProgressLevel level = switch (kind) {
                    case "info" -> ProgressLevel.INFO;
                    case "error" -> ProgressLevel.ERROR;
                    case "log" -> null;
                    default -> throw new LessonFormatException(file, lineNo, "unknown expectation '" + kind
                            + "' (use info, error or log \"text\", registration=, session=, listening=, or sent/received)");
                };
                if (i >= tokens.size() || !tokens.get(i).startsWith("\"")) {
                    throw new LessonFormatException(file, lineNo, "'" + kind + "' must be followed by a quoted text");
                }
                String quoted = tokens.get(i++);
                String line = quoted.substring(1);
                if (line.isEmpty()) {
                    throw new LessonFormatException(file, lineNo, "the expected text is empty");
                }
                parsed = new Expectation.Line(side, level, line);
            }
            alternatives.add(negated ? new Expectation.Not(parsed) : parsed);
            if (i == tokens.size()) {
                return alternatives;
            }
            if (!tokens.get(i).equals("or")) {
                throw new LessonFormatException(file, lineNo, "expected 'or' between alternatives, got '" + tokens.get(i) + "'");
            }
            i++;
        }
    }

    private static Expectation parseState(String file, int lineNo, Side side, String key, String value) throws LessonFormatException {
        String upper = value.toUpperCase(Locale.ROOT);
        switch (key) {
            case "registration" -> {
                try {
                    RegistrationState.valueOf(upper);
                } catch (IllegalArgumentException e) {
                    throw new LessonFormatException(file, lineNo, "registration is one of UNREGISTERED, REGISTERING, REGISTERED, UNREGISTERING, not '" + value + "'");
                }
                return new Expectation.State(side, Expectation.StateKind.REGISTRATION, upper);
            }
            case "session" -> {
                if (!upper.equals("NONE")) {
                    try {
                        SignalingState.valueOf(upper);
                    } catch (IllegalArgumentException e) {
                        throw new LessonFormatException(file, lineNo, "session is NONE or a SignalingState such as CONNECTED, not '" + value + "'");
                    }
                }
                return new Expectation.State(side, Expectation.StateKind.SESSION, upper);
            }
            case "listening" -> {
                if (side != Side.SERVER) {
                    throw new LessonFormatException(file, lineNo, "only the server listens");
                }
                if (!value.equals("true") && !value.equals("false")) {
                    throw new LessonFormatException(file, lineNo, "listening is true or false, not '" + value + "'");
                }
                return new Expectation.State(side, Expectation.StateKind.LISTENING, value);
            }
            case "timeout" -> {
                // Stored as milliseconds so "1.5s" and "1500ms" are the same state.
                try {
                    Duration timeout = value.equalsIgnoreCase("default") ? SipEndpoint.DEFAULT_OPERATION_TIMEOUT : Durations.parse(value);
                    return new Expectation.State(side, Expectation.StateKind.TIMEOUT, timeout.toMillis() + "ms");
                } catch (IllegalArgumentException e) {
                    throw new LessonFormatException(file, lineNo, "timeout is a time such as 1500ms or 2s, or default, not '" + value + "'");
                }
            }
            case "ring-timeout" -> {
                if (side != Side.CLIENT) {
                    throw new LessonFormatException(file, lineNo, "only the client has a ring timeout");
                }
                if (value.equalsIgnoreCase("default")) {
                    return new Expectation.State(side, Expectation.StateKind.RING_TIMEOUT, "default");
                }
                try {
                    return new Expectation.State(side, Expectation.StateKind.RING_TIMEOUT, Durations.parse(value).toMillis() + "ms");
                } catch (IllegalArgumentException e) {
                    throw new LessonFormatException(file, lineNo, "ring-timeout is a time such as 3s, or default, not '" + value + "'");
                }
            }
            default -> throw new LessonFormatException(file, lineNo,
                    "unknown state '" + key + "' (known: registration, session, listening, timeout, ring-timeout)");
        }
    }

    /** Words, and quoted texts returned as {@code "text} (a leading quote marks them; \" escapes a quote). */
    private static List<String> tokenize(String file, int lineNo, String text) throws LessonFormatException {
        List<String> tokens = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '"') {
                StringBuilder quoted = new StringBuilder("\"");
                i++;
                boolean closed = false;
                while (i < text.length()) {
                    char q = text.charAt(i++);
                    if (q == '\\' && i < text.length()) {
                        quoted.append(text.charAt(i++));
                    } else if (q == '"') {
                        closed = true;
                        break;
                    } else {
                        quoted.append(q);
                    }
                }
                if (!closed) {
                    throw new LessonFormatException(file, lineNo, "a quoted text is not closed: " + text);
                }
                tokens.add(quoted.toString());
            } else {
                int start = i;
                while (i < text.length() && !Character.isWhitespace(text.charAt(i)) && text.charAt(i) != '"') {
                    i++;
                }
                tokens.add(text.substring(start, i));
            }
        }
        return tokens;
    }
}
