package io.github.ucmaworkbench.rtc.sip;

import java.util.List;
import java.util.Locale;

/**
 * Answers an SDP offer by RFC 3264 §6: one {@code m=} line per offered line, in the same order
 * and with the same media type. Audio over plain RTP is accepted with a codec from the offer,
 * {@code a=inactive} (§6.1 allows inactive whatever the offer's direction, and the workbench
 * carries no media, so hold and resume are answered alike); {@code m=message ... sip} is
 * accepted on our SIP port; anything else is refused with port 0 and one of its formats.
 */
public final class SdpAnswerer {
    /** G.711 first: every phone has it; then whatever the phone offered first. */
    private static final List<String> PREFERRED = List.of("0", "8");

    private SdpAnswerer() {
    }

    /**
     * @throws IllegalArgumentException if {@code offer} is no SDP we can read, with one sentence
     *                                  fit for a 488's Warning (RFC 3261 §13.3.1.3)
     */
    public static String answer(String offer, SdpOrigin origin) {
        Sdp parsed = Sdp.parse(offer);
        StringBuilder out = new StringBuilder(origin.sessionLines());
        for (Sdp.Media m : parsed.media()) {
            out.append(answerLine(m, origin));
        }
        return out.toString();
    }

    private static String answerLine(Sdp.Media m, SdpOrigin origin) {
        if (m.port() != 0 && "audio".equalsIgnoreCase(m.type()) && plainRtp(m.proto())) {
            String codec = chooseCodec(m);
            if (codec != null) {
                return audio(m, codec, origin.rtpPort());
            }
        }
        if (m.port() != 0 && "message".equalsIgnoreCase(m.type()) && "sip".equalsIgnoreCase(m.proto())) {
            return "m=message " + origin.sipPort() + " " + m.proto() + " " + String.join(" ", m.formats()) + "\r\n"
                    + "a=accept-types:text/plain\r\n";
        }
        // RFC 3264 §6: refused, port 0; the line still needs one format (RFC 4566 §5.14).
        return "m=" + m.type() + " 0 " + m.proto() + " " + m.formats().get(0) + "\r\n";
    }

    /** RTP/AVP and RTP/AVPF need nothing we lack; SAVP needs keys and DTLS a handshake we cannot do. */
    private static boolean plainRtp(String proto) {
        String p = proto.toUpperCase(Locale.ROOT);
        return p.equals("RTP/AVP") || p.equals("RTP/AVPF");
    }

    private static String chooseCodec(Sdp.Media m) {
        for (String pt : PREFERRED) {
            if (m.formats().contains(pt)) {
                return pt;
            }
        }
        for (String pt : m.formats()) {
            String rtpmap = m.formatAttribute("rtpmap", pt);
            boolean isStatic = isOneOrTwoDigits(pt) && Integer.parseInt(pt) < 96; // RFC 3551: 0-95 are static
            // A dynamic type without rtpmap names nothing; telephone-event alone is no codec.
            if ((isStatic || rtpmap != null) && (rtpmap == null || !isTelephoneEvent(rtpmap))) {
                return pt;
            }
        }
        return null;
    }

    private static boolean isOneOrTwoDigits(String pt) {
        int n = pt.length();
        return (n == 1 || n == 2) && isAsciiDigit(pt.charAt(0)) && isAsciiDigit(pt.charAt(n - 1));
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isTelephoneEvent(String rtpmap) {
        return rtpmap.toLowerCase(Locale.ROOT).contains("telephone-event/8000");
    }

    private static String audio(Sdp.Media m, String codec, int port) {
        String events = null;
        for (String pt : m.formats()) {
            String rtpmap = m.formatAttribute("rtpmap", pt);
            if (rtpmap != null && isTelephoneEvent(rtpmap)) {
                events = pt;
                break;
            }
        }
        StringBuilder line = new StringBuilder("m=audio " + port + " " + m.proto() + " " + codec);
        if (events != null) {
            line.append(' ').append(events);
        }
        line.append("\r\n");
        appendFormat(line, m, codec);
        if (events != null) {
            appendFormat(line, m, events);
        }
        return line.append("a=inactive\r\n").toString();
    }

    /** Copies the offer's rtpmap and fmtp for {@code pt}: the answer uses the offer's payload numbers (RFC 3264 §6.1). */
    private static void appendFormat(StringBuilder line, Sdp.Media m, String pt) {
        String rtpmap = m.formatAttribute("rtpmap", pt);
        if (rtpmap == null && pt.equals("0")) {
            rtpmap = "0 PCMU/8000";
        } else if (rtpmap == null && pt.equals("8")) {
            rtpmap = "8 PCMA/8000";
        }
        if (rtpmap != null) {
            line.append("a=rtpmap:").append(rtpmap).append("\r\n");
        }
        String fmtp = m.formatAttribute("fmtp", pt);
        if (fmtp != null) {
            line.append("a=fmtp:").append(fmtp).append("\r\n");
        }
    }
}
