package io.github.ucmaworkbench.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The RFC 4475 torture messages we keep under {@code src/test/resources/rfc4475/}, our own
 * versions of the RFC's cases (named after them), with CRLF line ends as sent on the wire.
 * Placeholders in braces ({@code {ruri}}, {@code {to}}, {@code {via}}, {@code {host}},
 * {@code {port}}, {@code {n}}, {@code {registrar}}, {@code {domain}}) are filled in per send, so a
 * message names our raw socket (the answer comes back to it) and is a new transaction each time.
 */
public final class Rfc4475 {
    private Rfc4475() {
    }

    /** The message named {@code name} (without {@code .sip}) as its file holds it. */
    public static String template(String name) {
        try (InputStream in = Rfc4475.class.getResourceAsStream("/rfc4475/" + name + ".sip")) {
            if (in == null) {
                throw new IllegalArgumentException("no RFC 4475 message " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code text} with every {@code {key}} replaced by its value. */
    public static byte[] fill(String text, Map<String, String> values) {
        String out = text;
        for (Map.Entry<String, String> e : values.entrySet()) {
            out = out.replace("{" + e.getKey() + "}", e.getValue());
        }
        return out.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** The names of our messages (file names without {@code .sip}) that are refused for one header appearing twice. */
    public static final List<String> SINGLE_VALUE_HEADERS = List.of("Call-ID", "CSeq", "From", "To", "Max-Forwards",
            "Content-Length", "Content-Type");

    /** A status line as RFC 3261 §25.1 has it: version, three digits, a phrase without control characters, CRLF. */
    private static final Pattern STATUS_LINE = Pattern.compile("SIP/2\\.0 [1-6]\\d\\d [^\\p{Cntrl}]*\r\n");

    /**
     * {@code text} with a second copy of {@code header}'s line (a value of its own) right after
     * the first: a request that breaks the single-value rule of RFC 3261 §7.3.1 and nothing else.
     */
    public static String withTwice(String text, String header) {
        String name = header.toLowerCase(Locale.ROOT) + ":";
        int at = text.toLowerCase(Locale.ROOT).indexOf("\r\n" + name);
        if (at < 0) {
            throw new IllegalArgumentException(header + " is not in the message");
        }
        int end = text.indexOf("\r\n", at + 2);
        String line = text.substring(at + 2, end);
        String copy = switch (header) {
            case "Call-ID" -> "Call-ID: another-{n}@example.net";
            case "CSeq" -> line.replaceFirst("CSeq: 1 ", "CSeq: 2 ");
            case "From" -> "From: <sip:someone.else@example.net>;tag=other{n}";
            case "To" -> "To: <sip:someone.else@example.org>";
            case "Max-Forwards" -> "Max-Forwards: 69";
            default -> line; // Content-Length and Content-Type: the same value twice is still two headers
        };
        return text.substring(0, end) + "\r\n" + copy + text.substring(end);
    }

    /** The first line of {@code response} if it is a well-formed status line (ending in CRLF), else an error saying why. */
    public static String statusLine(String response) {
        int end = response.indexOf("\r\n");
        String line = end < 0 ? response : response.substring(0, end + 2);
        if (!STATUS_LINE.matcher(line).matches()) {
            throw new AssertionError("malformed status line: " + line.replace("\r", "<CR>").replace("\n", "<LF>"));
        }
        return line.substring(0, line.length() - 2);
    }

    /** The status code of a well-formed {@code response}. */
    public static int code(String response) {
        return Integer.parseInt(statusLine(response).substring(8, 11));
    }

    /** Every value of header {@code name} in {@code response} (one per header line, comma lists split). */
    public static List<String> headerValues(String response, String name) {
        List<String> values = new ArrayList<>();
        for (String line : response.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).strip().equalsIgnoreCase(name)) {
                for (String v : line.substring(colon + 1).split(",")) {
                    values.add(v.strip());
                }
            }
        }
        return values;
    }
}
