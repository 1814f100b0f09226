package io.github.ucmaworkbench.testing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A bounded generator of bad SIP: a fixed corpus of known-bad messages plus seeded random
 * mutations of a good one, so a failure reproduces from its seed.
 */
public final class MalformedSip {
    private MalformedSip() {
    }

    /** A well-formed INVITE to {@code target} from a peer at {@code host:port}. */
    public static String goodInvite(String target, String host, int port, String transport, int n) {
        String body = "v=0\r\no=- 1 1 IN IP4 " + host + "\r\ns=-\r\nc=IN IP4 " + host + "\r\nt=0 0\r\nm=message 5060 sip null\r\n";
        return "INVITE " + target + " SIP/2.0\r\n"
                + "Via: SIP/2.0/" + transport + " " + host + ":" + port + ";branch=z9hG4bK-fuzz-" + n + "\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: <sip:fuzzer@example.com>;tag=f" + n + "\r\n"
                + "To: <" + target + ">\r\n"
                + "Call-ID: fuzz-" + n + "@" + host + "\r\n"
                + "CSeq: 1 INVITE\r\n"
                + "Contact: <sip:fuzzer@" + host + ":" + port + ">\r\n"
                + "Content-Type: application/sdp\r\n"
                + "Content-Length: " + body.length() + "\r\n\r\n" + body;
    }

    /** A well-formed REGISTER of {@code user@domain} binding the peer at {@code host:port}. */
    public static String goodRegister(String user, String domain, String host, int port, String transport, int n) {
        return "REGISTER sip:" + domain + " SIP/2.0\r\n"
                + "Via: SIP/2.0/" + transport + " " + host + ":" + port + ";branch=z9hG4bK-fuzz-" + n + "\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: <sip:" + user + "@" + domain + ">;tag=f" + n + "\r\n"
                + "To: <sip:" + user + "@" + domain + ">\r\n"
                + "Call-ID: fuzz-" + n + "@" + host + "\r\n"
                + "CSeq: 1 REGISTER\r\n"
                + "Contact: <sip:" + user + "@" + host + ":" + port + ";transport=" + transport.toLowerCase(java.util.Locale.ROOT) + ">\r\n"
                + "Expires: 60\r\n"
                + "Content-Length: 0\r\n\r\n";
    }

    /**
     * The same message with its Via branch, Call-ID and From tag numbered {@code n}: corpus entries
     * all start from message 0, and a stack takes a second copy of one as a retransmission.
     */
    public static byte[] numbered(byte[] message, int n) {
        String text = new String(message, StandardCharsets.ISO_8859_1);
        return text.replace("z9hG4bK-fuzz-0", "z9hG4bK-fuzz-" + n).replace("fuzz-0@", "fuzz-" + n + "@")
                .replace(";tag=f0", ";tag=f" + n).getBytes(StandardCharsets.ISO_8859_1);
    }

    /** The corpus rules applied to a REGISTER instead of an INVITE (the registrar's own requests). */
    public static List<byte[]> registerCorpus(String user, String domain, String host, int port, String transport) {
        String good = goodRegister(user, domain, host, port, transport, 0);
        List<String> texts = List.of(
                good.replaceFirst("Call-ID: [^\r]*\r\n", ""),
                good.replaceFirst("CSeq: [^\r]*\r\n", ""),
                good.replaceFirst("From: [^\r]*\r\n", ""),
                good.replace("CSeq: 1 REGISTER", "CSeq: 1 INVITE"),
                good.replace("Expires: 60", "Expires: forever"),
                good.replaceFirst("Contact: [^\r]*", "Contact: <sip:" + user + "@" + host + ":99999999>"),
                good.replaceFirst("Contact: [^\r]*", "Contact: *"),
                good.replace("REGISTER sip:" + domain, "REGISTER sip:"),
                good.replaceFirst("Content-Length: 0", "Content-Length: 5"));
        List<byte[]> out = new ArrayList<>();
        for (String t : texts) {
            out.add(t.getBytes(StandardCharsets.ISO_8859_1));
        }
        return out;
    }

    /** A good INVITE with {@code size} bytes of one extra header: beyond what a stack should hold. */
    public static byte[] oversizedHeader(String target, String host, int port, String transport, int n, int size) {
        String good = goodInvite(target, host, port, transport, n);
        return good.replaceFirst("Max-Forwards: 70\r\n", "Max-Forwards: 70\r\nX-Huge: " + "h".repeat(size) + "\r\n")
                .getBytes(StandardCharsets.ISO_8859_1);
    }

    /** An INVITE announcing a {@code declared}-byte body and carrying {@code sent} bytes of it. */
    public static byte[] oversizedBody(String target, String host, int port, String transport, int n, int declared, int sent) {
        String good = goodInvite(target, host, port, transport, n);
        String head = good.substring(0, good.indexOf("\r\n\r\n") + 4).replaceFirst("Content-Length: \\d+",
                "Content-Length: " + declared);
        return (head + "b".repeat(sent)).getBytes(StandardCharsets.ISO_8859_1);
    }

    /** The fixed corpus: each entry breaks one rule of RFC 3261 §7 / §8.1.1 / §20. */
    public static List<byte[]> corpus(String target, String host, int port, String transport) {
        String good = goodInvite(target, host, port, transport, 0);
        List<String> texts = new ArrayList<>();
        texts.add(good.replaceFirst("Call-ID: [^\r]*\r\n", ""));                          // no Call-ID
        texts.add(good.replaceFirst("CSeq: [^\r]*\r\n", ""));                             // no CSeq
        texts.add(good.replaceFirst("Via: [^\r]*\r\n", ""));                              // no Via
        texts.add(good.replaceFirst("From: [^\r]*\r\n", ""));                             // no From
        texts.add(good.replaceFirst("To: [^\r]*\r\n", "To: <" + target + ">\r\nTo: <sip:x@y>\r\n")); // two To
        texts.add(good.replace("CSeq: 1 INVITE", "CSeq: one INVITE"));                     // bad CSeq number
        texts.add(good.replace("CSeq: 1 INVITE", "CSeq: 1 BYE"));                          // CSeq method mismatch
        texts.add(good.replace("SIP/2.0/" + transport, "SIP/2.0/" + transport + "@@"));      // bad Via
        texts.add(good.replaceFirst("Content-Length: \\d+", "Content-Length: -5"));       // negative length
        texts.add(good.replaceFirst("Content-Length: \\d+", "Content-Length: 99999"));    // length beyond body
        texts.add(good.replaceFirst("INVITE " + target.replace(".", "\\.") + " SIP/2.0", "INVITE SIP/2.0")); // no URI
        texts.add(good.replace("SIP/2.0\r\n", "SIP/7.3\r\n"));                             // wrong version
        texts.add(good.replace("Max-Forwards: 70", "Max-Forwards: -1"));
        texts.add(good.replace("Subject", "") + "X-Long: " + "a".repeat(70_000) + "\r\n"); // oversized header after body
        texts.add("X-Only-Headers: yes\r\n\r\n");
        texts.add("\r\n\r\n\r\n");
        texts.add("SIP/2.0 200 OK\r\nVia: garbage\r\n\r\n");                              // stray response
        texts.add(good.substring(0, good.length() / 2));                                    // half a message
        List<byte[]> bytes = new ArrayList<>();
        for (String text : texts) {
            bytes.add(text.getBytes(StandardCharsets.ISO_8859_1));
        }
        Random random = new Random(7);
        byte[] garbage = new byte[1500];
        random.nextBytes(garbage);
        bytes.add(garbage);
        return bytes;
    }

    /** {@code count} seeded mutations of a good INVITE: flipped, deleted, duplicated and inserted bytes. */
    public static List<byte[]> mutations(String target, String host, int port, String transport, long seed, int count) {
        return mutationsOf(n -> goodInvite(target, host, port, transport, n), seed, count);
    }

    /** {@code count} seeded mutations of the good messages {@code good} numbers 1, 2, ... */
    public static List<byte[]> mutationsOf(java.util.function.IntFunction<String> good, long seed, int count) {
        Random random = new Random(seed);
        List<byte[]> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            byte[] base = good.apply(i + 1).getBytes(StandardCharsets.ISO_8859_1);
            StringBuilder s = new StringBuilder(new String(base, StandardCharsets.ISO_8859_1));
            int edits = 1 + random.nextInt(4);
            for (int e = 0; e < edits && s.length() > 2; e++) {
                int at = random.nextInt(s.length());
                switch (random.nextInt(4)) {
                    case 0 -> s.setCharAt(at, (char) random.nextInt(256));
                    case 1 -> s.deleteCharAt(at);
                    case 2 -> s.insert(at, s.substring(at, Math.min(s.length(), at + 1 + random.nextInt(40))));
                    default -> s.insert(at, "\r\n");
                }
            }
            out.add(s.toString().getBytes(StandardCharsets.ISO_8859_1));
        }
        return out;
    }
}
