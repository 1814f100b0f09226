package io.github.ucmaworkbench.lessons;

import io.github.ucmaworkbench.trace.Direction;
import io.github.ucmaworkbench.trace.SipTraceEvent;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads and matches {@link Expectation.Wire}: what a log line cannot show (a status code, a
 * header, a body) is checked on the message itself, as the trace recorded it.
 */
final class WireExpectations {
    private static final Pattern METHOD = Pattern.compile("[A-Z]+");
    private static final Pattern STATUS = Pattern.compile("[1-6][0-9][0-9]");

    private WireExpectations() {
    }

    /**
     * {@code sent|received [CODE] [METHOD] [header "..."] [body "..."] [reason "..."]}, reading
     * from {@code at[0]} (just after the direction) and leaving it at the first token not read.
     */
    static Expectation.Wire parse(String file, int lineNo, Side side, String direction, List<String> tokens, int[] at)
            throws LessonFormatException {
        int i = at[0];
        int status = 0;
        String method = null;
        if (i < tokens.size() && STATUS.matcher(tokens.get(i)).matches()) {
            status = Integer.parseInt(tokens.get(i++));
        }
        if (i < tokens.size() && METHOD.matcher(tokens.get(i)).matches()) {
            method = tokens.get(i++);
        }
        if (status == 0 && method == null) {
            throw new LessonFormatException(file, lineNo, "'" + direction + "' must be followed by a method (INVITE) or a code (403)");
        }
        String header = null;
        String body = null;
        String reason = null;
        while (i + 1 < tokens.size() && List.of("header", "body", "reason").contains(tokens.get(i))) {
            String key = tokens.get(i);
            String quoted = tokens.get(i + 1);
            if (!quoted.startsWith("\"") || quoted.length() < 2) {
                throw new LessonFormatException(file, lineNo, "'" + key + "' must be followed by a quoted, non-empty text");
            }
            switch (key) {
                case "header" -> header = quoted.substring(1);
                case "body" -> body = quoted.substring(1);
                default -> {
                    if (status == 0) {
                        throw new LessonFormatException(file, lineNo, "only a response (a code) has a reason");
                    }
                    reason = quoted.substring(1);
                }
            }
            i += 2;
        }
        if (i < tokens.size() && List.of("header", "body", "reason").contains(tokens.get(i))) {
            throw new LessonFormatException(file, lineNo, "'" + tokens.get(i) + "' must be followed by a quoted text");
        }
        at[0] = i;
        return new Expectation.Wire(side, direction.equals("sent") ? Direction.SENT : Direction.RECEIVED, status, method,
                header, body, reason);
    }

    /** Whether {@code event}, seen by {@code party}, is the message {@code wire} describes. */
    static boolean matches(Expectation.Wire wire, String party, SipTraceEvent event) {
        if (!event.party().equalsIgnoreCase(party) || event.direction() != wire.direction()) {
            return false;
        }
        if (wire.status() == 0 ? !event.isRequest() : event.statusCode() != wire.status()) {
            return false;
        }
        if (wire.method() != null && !wire.method().equals(event.method())) {
            return false;
        }
        String raw = event.rawText() == null ? "" : event.rawText().replace("\r\n", "\n");
        int blank = raw.indexOf("\n\n");
        String head = blank < 0 ? raw : raw.substring(0, blank);
        String body = blank < 0 ? "" : raw.substring(blank + 2);
        if (wire.header() != null && !hasHeader(head, wire.header())) {
            return false;
        }
        if (wire.body() != null && !body.contains(wire.body())) {
            return false;
        }
        if (wire.reason() != null) {
            String[] status = event.firstLine().split(" ", 3);
            return status.length == 3 && status[2].toLowerCase(Locale.ROOT).contains(wire.reason().toLowerCase(Locale.ROOT));
        }
        return true;
    }

    private static boolean hasHeader(String head, String wanted) {
        int colon = wanted.indexOf(':');
        String name = (colon < 0 ? wanted : wanted.substring(0, colon)).strip();
        String part = colon < 0 ? null : wanted.substring(colon + 1).strip().toLowerCase(Locale.ROOT);
        String[] lines = head.split("\n");
        for (int i = 1; i < lines.length; i++) {
            int c = lines[i].indexOf(':');
            if (c > 0 && lines[i].substring(0, c).strip().equalsIgnoreCase(name)
                    && (part == null || lines[i].substring(c + 1).toLowerCase(Locale.ROOT).contains(part))) {
                return true;
            }
        }
        return false;
    }
}
