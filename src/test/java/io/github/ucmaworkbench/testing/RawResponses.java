package io.github.ucmaworkbench.testing;

import java.util.Locale;

/**
 * A response to a request's text as a peer with no stack writes it by hand: the request's Vias,
 * From, Call-ID, CSeq and Record-Routes copied in order (full or compact names), its To tagged
 * unless it already is, then any extra header lines and an empty body.
 */
public final class RawResponses {
    private RawResponses() {
    }

    /** {@code status} is the status line's tail ("200 OK"); {@code extra} are whole header lines. */
    public static String to(String request, String status, String toTag, String... extra) {
        StringBuilder out = new StringBuilder("SIP/2.0 ").append(status).append("\r\n");
        for (String line : request.split("\r\n")) {
            if (line.isEmpty()) {
                break; // the body
            }
            String name = line.contains(":") ? line.substring(0, line.indexOf(':')).trim().toLowerCase(Locale.ROOT) : "";
            switch (name) {
                case "via", "v", "from", "f", "call-id", "i", "cseq", "record-route" -> out.append(line).append("\r\n");
                case "to", "t" -> out.append(line).append(line.contains(";tag=") ? "" : ";tag=" + toTag).append("\r\n");
                default -> {
                }
            }
        }
        for (String line : extra) {
            out.append(line).append("\r\n");
        }
        return out.append("Content-Length: 0\r\n\r\n").toString();
    }
}
