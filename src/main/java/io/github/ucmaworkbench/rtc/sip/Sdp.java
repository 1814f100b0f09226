package io.github.ucmaworkbench.rtc.sip;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A parsed SDP body (RFC 4566): what offer/answer needs of it, the session-level connection and
 * attributes and the media lines in order. Our own small parser rather than JAIN-SIP's
 * {@code javax.sdp}: the RI's parser accepts plain garbage ("hello world" parses as an empty
 * description), prints stack traces to stderr on errors, and its messages carry Java object ids
 * ({@code [C@41cf53f9}), none of which may reach a phone or the progress log.
 */
public final class Sdp {
    /** One {@code m=} line with its {@code c=} and {@code a=} lines. */
    public record Media(String type, int port, String proto, List<String> formats, String connection,
            List<String> attributes) {
        /** The value of {@code a=name:value} or {@code a=name} (empty), or null when absent. */
        public String attribute(String name) {
            return Sdp.attribute(attributes, name);
        }

        /** The {@code a=rtpmap} / {@code a=fmtp} value for payload type {@code format}, or null. */
        public String formatAttribute(String name, String format) {
            for (String a : attributes) {
                if (a.startsWith(name + ":" + format + " ")) {
                    return a.substring(name.length() + 1);
                }
            }
            return null;
        }

        public boolean isRtp() {
            return proto.toUpperCase(Locale.ROOT).contains("RTP/");
        }
    }

    private final String origin;
    private final String connection;
    private final List<String> attributes;
    private final List<Media> media;

    private Sdp(String origin, String connection, List<String> attributes, List<Media> media) {
        this.origin = origin;
        this.connection = connection;
        this.attributes = List.copyOf(attributes);
        this.media = List.copyOf(media);
    }

    /**
     * Parses {@code text}. Lines end in CRLF or, leniently (RFC 4566 §5), a bare LF; each is
     * {@code <letter>=<value>}; the first is {@code v=0} and an {@code o=} line is required.
     *
     * @throws IllegalArgumentException with one sentence saying what is wrong
     */
    public static Sdp parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("the SDP body is empty");
        }
        String[] lines = lines(text);
        int end = lines.length;
        while (end > 0 && lines[end - 1].isEmpty()) {
            end--;
        }
        if (!"v=0".equals(lines[0].strip())) {
            throw new IllegalArgumentException("the SDP does not start with v=0");
        }
        String origin = null;
        String sessionConnection = null;
        List<String> sessionAttributes = new ArrayList<>();
        List<Media> media = new ArrayList<>();
        MediaBuilder current = null;
        for (int i = 1; i < end; i++) {
            String line = lines[i];
            if (line.length() < 2 || line.charAt(1) != '=' || line.charAt(0) < 'a' || line.charAt(0) > 'z') {
                throw new IllegalArgumentException("SDP line " + (i + 1) + " is not of the form x=value");
            }
            if (line.indexOf('\r') >= 0 || line.indexOf('\0') >= 0) {
                // RFC 4566 §9: no field holds CR or NUL; a stray one would reach our answer's copied lines.
                throw new IllegalArgumentException("SDP line " + (i + 1) + " holds a stray CR or NUL");
            }
            String value = line.substring(2).strip();
            switch (line.charAt(0)) {
                case 'o' -> origin = value;
                case 'm' -> {
                    if (current != null) {
                        media.add(current.build());
                    }
                    current = MediaBuilder.of(value, i + 1);
                }
                case 'c' -> {
                    String address = connectionAddress(value, i + 1);
                    if (current == null) {
                        sessionConnection = address;
                    } else {
                        current.connection = address;
                    }
                }
                case 'a' -> (current == null ? sessionAttributes : current.attributes).add(value);
                default -> {
                    // s=, t=, b=, i=, k=...: nothing offer/answer needs from them here.
                }
            }
        }
        if (current != null) {
            media.add(current.build());
        }
        if (origin == null) {
            throw new IllegalArgumentException("the SDP has no o= line (RFC 4566 §5.2)");
        }
        return new Sdp(origin, sessionConnection, sessionAttributes, media);
    }

    /**
     * {@code text.split("\r?\n", -1)} without a regular expression: the split ran for every
     * answered INVITE (a pattern compiled and matched per call, 7 % of a worker's time under load).
     */
    static String[] lines(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', start)) {
            lines.add(text.substring(start, nl > start && text.charAt(nl - 1) == '\r' ? nl - 1 : nl));
            start = nl + 1;
        }
        lines.add(text.substring(start));
        return firstOf(lines, lines.size());
    }

    /**
     * The first {@code n} strings of {@code list}, copied by hand: {@code toArray(String[]::new)}
     * goes through a default method every collection in the process shares, whose type checks
     * then failed in our compiled parse (JFR: deoptimized and compiled again, per server run).
     */
    private static String[] firstOf(List<String> list, int n) {
        String[] out = new String[n];
        for (int k = 0; k < n; k++) {
            out[k] = list.get(k);
        }
        return out;
    }

    /** {@code value.split(" +")} without a regular expression (trailing empty fields dropped, as split does). */
    static String[] fields(String value) {
        if (value.indexOf(' ') < 0) {
            return new String[] {value};
        }
        List<String> fields = new ArrayList<>();
        int start = 0;
        int i = 0;
        while (i < value.length()) {
            if (value.charAt(i) == ' ') {
                fields.add(value.substring(start, i));
                while (i < value.length() && value.charAt(i) == ' ') {
                    i++;
                }
                start = i;
            } else {
                i++;
            }
        }
        fields.add(value.substring(start));
        int size = fields.size();
        while (size > 0 && fields.get(size - 1).isEmpty()) {
            size--;
        }
        return firstOf(fields, size);
    }

    private static String connectionAddress(String value, int lineNumber) {
        String[] parts = fields(value);
        if (parts.length != 3 || !"IN".equals(parts[0])) {
            throw new IllegalArgumentException("SDP line " + lineNumber + " is not a valid c= line (c=IN IP4 address)");
        }
        int slash = parts[2].indexOf('/');
        return slash < 0 ? parts[2] : parts[2].substring(0, slash);
    }

    static String attribute(List<String> attributes, String name) {
        for (String a : attributes) {
            if (a.equals(name)) {
                return "";
            }
            if (a.startsWith(name + ":")) {
                return a.substring(name.length() + 1);
            }
        }
        return null;
    }

    public String origin() {
        return origin;
    }

    /** The session-level {@code c=} address, or null. */
    public String connection() {
        return connection;
    }

    public List<String> attributes() {
        return attributes;
    }

    public List<Media> media() {
        return media;
    }

    /** sendrecv, sendonly, recvonly or inactive: the media line's own, else the session's, else sendrecv (RFC 3264 §5.1). */
    public String direction(Media m) {
        for (String d : List.of("sendrecv", "sendonly", "recvonly", "inactive")) {
            if (m.attribute(d) != null) {
                return d;
            }
        }
        for (String d : List.of("sendrecv", "sendonly", "recvonly", "inactive")) {
            if (attribute(attributes, d) != null) {
                return d;
            }
        }
        return "sendrecv";
    }

    /**
     * Why this offer puts us on hold, or null when it does not: it has at least one live RTP
     * stream and none of them would send to us, by direction ({@code a=sendonly} or
     * {@code a=inactive}, RFC 3264 §8.4) or by the older RFC 2543 way of a {@code c=} address
     * of 0.0.0.0, which phones still send.
     */
    public String holdReason() {
        String reason = null;
        for (Media m : media) {
            if (m.port() == 0 || !m.isRtp()) {
                continue;
            }
            String address = m.connection() != null ? m.connection() : connection;
            String direction = direction(m);
            if ("0.0.0.0".equals(address)) {
                reason = "c=IN IP4 0.0.0.0";
            } else if ("sendonly".equals(direction) || "inactive".equals(direction)) {
                reason = "a=" + direction;
            } else {
                return null;
            }
        }
        return reason;
    }

    /** {@link #holdReason()} of {@code text}, or null when it is no SDP we can read. */
    public static String holdReasonOf(String text) {
        try {
            return parse(text).holdReason();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static final class MediaBuilder {
        final String type;
        final int port;
        final String proto;
        final List<String> formats;
        final List<String> attributes = new ArrayList<>();
        String connection;

        private MediaBuilder(String type, int port, String proto, List<String> formats) {
            this.type = type;
            this.port = port;
            this.proto = proto;
            this.formats = formats;
        }

        /** {@code m=<media> <port>[/<count>] <proto> <fmt> ...} (RFC 4566 §5.14). */
        static MediaBuilder of(String value, int lineNumber) {
            String[] parts = fields(value);
            if (parts.length < 4) {
                throw new IllegalArgumentException("SDP line " + lineNumber + " is not a valid m= line (m=media port proto format...)");
            }
            for (String part : parts) {
                // RFC 4566 §9: media, proto and fmt are tokens; they come back in our answer.
                if (!printableAscii(part)) {
                    throw new IllegalArgumentException("SDP line " + lineNumber + " has characters an m= line cannot have");
                }
            }
            String portText = parts[1];
            int slash = portText.indexOf('/');
            int port;
            try {
                port = Integer.parseInt(slash < 0 ? portText : portText.substring(0, slash));
            } catch (NumberFormatException e) {
                port = -1;
            }
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("SDP line " + lineNumber + " has no valid port: " + portText);
            }
            return new MediaBuilder(parts[0], port, parts[2], List.of(parts).subList(3, parts.length));
        }

        /** Visible ASCII only; a plain loop, not a stream per field of every offer's m= line. */
        private static boolean printableAscii(String part) {
            for (int k = 0; k < part.length(); k++) {
                char c = part.charAt(k);
                if (c <= 0x20 || c >= 0x7f) {
                    return false;
                }
            }
            return true;
        }

        Media build() {
            return new Media(type, port, proto, List.copyOf(formats), connection, List.copyOf(attributes));
        }
    }
}
