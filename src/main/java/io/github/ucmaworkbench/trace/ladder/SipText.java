package io.github.ucmaworkbench.trace.ladder;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Just enough reading of a traced message's raw text for the views: header values, the topmost
 * Via, and where the start line, the header names and the body are (the inspector colours them).
 * Works on the text alone, so the views need no SIP stack classes.
 */
public final class SipText {
    private SipText() {
    }

    /** A part of the raw text: {@code [start, end)} character offsets. */
    public record Span(Kind kind, int start, int end) {
        public enum Kind { START_LINE, HEADER_NAME, HEADER_VALUE, BODY }
    }

    /** The topmost Via's facts. {@code port} is -1 when the sent-by had none. */
    public record Via(String transport, String host, int port, String branch) {
        /** {@code host:port}, with the transport's default port (RFC 3261 §18.2.2) when none was given. */
        public String sentBy() {
            int p = port >= 0 ? port : "TLS".equals(transport) ? 5061 : 5060;
            return host + ":" + p;
        }
    }

    /**
     * The first value of a header, by full or compact name (RFC 3261 §7.3.3), or null. A
     * comma-separated list is returned whole.
     */
    public static String header(String raw, String name, String compact) {
        int pos = lineEnd(raw, 0);
        while (pos < raw.length()) {
            int start = skipEol(raw, pos);
            int end = lineEnd(raw, start);
            if (end == start) {
                return null; // blank line: the body follows
            }
            int colon = raw.indexOf(':', start);
            if (colon > start && colon < end) {
                String n = raw.substring(start, colon).trim();
                if (n.equalsIgnoreCase(name) || (compact != null && n.equalsIgnoreCase(compact))) {
                    return raw.substring(colon + 1, end).trim();
                }
            }
            pos = end;
        }
        return null;
    }

    /** The topmost Via, or null when the message has none we can read. */
    public static Via topVia(String raw) {
        String value = header(raw, "Via", "v");
        if (value == null) {
            return null;
        }
        int comma = value.indexOf(',');
        if (comma >= 0) {
            value = value.substring(0, comma);
        }
        // SIP/2.0/UDP host[:port][;params]
        value = value.trim();
        int gap = 0;
        while (gap < value.length() && !Character.isWhitespace(value.charAt(gap))) {
            gap++;
        }
        if (gap == value.length()) {
            return null;
        }
        String protocol = value.substring(0, gap);
        String transport = protocol.substring(protocol.lastIndexOf('/') + 1).toUpperCase(Locale.ROOT);
        String rest = value.substring(gap).trim();
        int semi = rest.indexOf(';');
        String sentBy = (semi < 0 ? rest : rest.substring(0, semi)).trim();
        String branch = null;
        if (semi >= 0) {
            for (String param : rest.substring(semi + 1).split(";")) {
                String p = param.trim();
                if (p.regionMatches(true, 0, "branch=", 0, 7)) {
                    branch = p.substring(7);
                }
            }
        }
        String host = sentBy;
        int port = -1;
        int close = sentBy.lastIndexOf(']');
        int colon = sentBy.lastIndexOf(':');
        if (colon > close && (close >= 0 || sentBy.indexOf(':') == colon)) {
            host = sentBy.substring(0, colon);
            try {
                port = Integer.parseInt(sentBy.substring(colon + 1));
            } catch (NumberFormatException e) {
                port = -1;
            }
        }
        return new Via(transport, host.toLowerCase(Locale.ROOT), port, branch);
    }

    /**
     * Who a From or To header value names, as {@code user@host}: the URI without its scheme,
     * display name, tag or URI parameters; "" when the value holds no URI.
     */
    public static String addressOfRecord(String headerValue) {
        if (headerValue == null) {
            return "";
        }
        String v = headerValue.trim();
        int open = v.indexOf('<');
        if (open >= 0) {
            int close = v.indexOf('>', open);
            v = v.substring(open + 1, close < 0 ? v.length() : close);
        } else {
            int semi = v.indexOf(';');
            v = semi < 0 ? v : v.substring(0, semi); // without <>, parameters are the header's (RFC 3261 §20.10)
        }
        int colon = v.indexOf(':');
        String scheme = colon > 0 ? v.substring(0, colon) : "";
        // plain comparisons, not a regular expression: this runs for every call the ladder draws
        if (scheme.equalsIgnoreCase("sip") || scheme.equalsIgnoreCase("sips") || scheme.equalsIgnoreCase("tel")) {
            v = v.substring(colon + 1);
        }
        int semi = v.indexOf(';');
        if (semi >= 0) {
            v = v.substring(0, semi);
        }
        int query = v.indexOf('?');
        return (query < 0 ? v : v.substring(0, query)).trim().toLowerCase(Locale.ROOT);
    }

    /** The CSeq value with its whitespace normalised, e.g. {@code "2 INVITE"}, or "". */
    public static String cseq(String raw) {
        String value = header(raw, "CSeq", null);
        if (value == null) {
            return "";
        }
        StringBuilder normal = new StringBuilder(value.length());
        boolean space = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isWhitespace(c)) {
                space = normal.length() > 0;
            } else {
                if (space) {
                    normal.append(' ');
                    space = false;
                }
                normal.append(c);
            }
        }
        return normal.toString();
    }

    /** The parts of the message, in order: start line, each header's name and value, the body. */
    public static List<Span> spans(String raw) {
        List<Span> spans = new ArrayList<>();
        int end = lineEnd(raw, 0);
        spans.add(new Span(Span.Kind.START_LINE, 0, end));
        int pos = end;
        while (pos < raw.length()) {
            int start = skipEol(raw, pos);
            int lineEnd = lineEnd(raw, start);
            if (lineEnd == start) {
                int body = skipEol(raw, start);
                if (body < raw.length()) {
                    spans.add(new Span(Span.Kind.BODY, body, raw.length()));
                }
                break;
            }
            int colon = raw.indexOf(':', start);
            boolean folded = Character.isWhitespace(raw.charAt(start));
            if (!folded && colon > start && colon < lineEnd) {
                spans.add(new Span(Span.Kind.HEADER_NAME, start, colon));
                spans.add(new Span(Span.Kind.HEADER_VALUE, colon, lineEnd));
            } else {
                spans.add(new Span(Span.Kind.HEADER_VALUE, start, lineEnd));
            }
            pos = lineEnd;
        }
        return spans;
    }

    private static int lineEnd(String raw, int from) {
        int i = from;
        while (i < raw.length() && raw.charAt(i) != '\r' && raw.charAt(i) != '\n') {
            i++;
        }
        return i;
    }

    private static int skipEol(String raw, int at) {
        int i = at;
        if (i < raw.length() && raw.charAt(i) == '\r') {
            i++;
        }
        if (i < raw.length() && raw.charAt(i) == '\n') {
            i++;
        }
        return i;
    }
}
