package io.github.ucmaworkbench.sip;

import java.nio.charset.StandardCharsets;

/**
 * What {@link DatagramPartitions} reads in a raw datagram before the parser sees it: whether it
 * is a REGISTER, and its Call-ID. Byte scans that allocate only the Call-ID's string: they run on
 * the socket's reader for every datagram.
 */
final class RawSipHeads {
    private RawSipHeads() {
    }

    /** A REGISTER request starts with its method, case-sensitively (RFC 3261 §7.1). */
    static boolean isRegister(byte[] datagram) {
        byte[] method = {'R', 'E', 'G', 'I', 'S', 'T', 'E', 'R', ' '};
        if (datagram.length < method.length) {
            return false;
        }
        for (int i = 0; i < method.length; i++) {
            if (datagram[i] != method[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * The Call-ID header's value in a raw SIP message, as the parsed header gives it (long or
     * compact name, any case, spaces around the colon); null when the headers have none.
     */
    static String callIdOf(byte[] m) {
        int line = nextLine(m, 0); // past the start line
        while (line >= 0 && line < m.length && m[line] != '\r' && m[line] != '\n') {
            int colon = headerColon(m, line);
            if (colon > 0) {
                int start = colon + 1;
                while (start < m.length && (m[start] == ' ' || m[start] == '\t')) {
                    start++;
                }
                int end = start;
                while (end < m.length && m[end] != '\r' && m[end] != '\n') {
                    end++;
                }
                while (end > start && (m[end - 1] == ' ' || m[end - 1] == '\t')) {
                    end--;
                }
                return new String(m, start, end - start, StandardCharsets.ISO_8859_1);
            }
            line = nextLine(m, line);
        }
        return null;
    }

    /** Where the colon of a Call-ID header starting at {@code at} is; -1 for any other line. */
    private static int headerColon(byte[] m, int at) {
        int i = at;
        if (startsWithIgnoreCase(m, at, "call-id")) {
            i += "call-id".length();
        } else if ((m[at] | 0x20) == 'i') {
            i++;
        } else {
            return -1;
        }
        while (i < m.length && (m[i] == ' ' || m[i] == '\t')) {
            i++;
        }
        return i < m.length && m[i] == ':' ? i : -1;
    }

    private static boolean startsWithIgnoreCase(byte[] m, int at, String lower) {
        if (at + lower.length() > m.length) {
            return false;
        }
        for (int i = 0; i < lower.length(); i++) {
            if ((m[at + i] | 0x20) != lower.charAt(i)) { // '-' is unchanged by the case bit
                return false;
            }
        }
        return true;
    }

    /** The first byte after the line break that ends the line at {@code from}; -1 when none. */
    private static int nextLine(byte[] m, int from) {
        for (int i = from; i < m.length; i++) {
            if (m[i] == '\n') {
                return i + 1;
            }
        }
        return -1;
    }
}
