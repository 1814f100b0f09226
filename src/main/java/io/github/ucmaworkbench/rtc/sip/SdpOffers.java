package io.github.ucmaworkbench.rtc.sip;

/**
 * Our offer (RFC 3264 §5): audio first, so softphones find a stream they take (Linphone and
 * baresip answer 488 to an offer with only {@code m=message}), then the {@code m=message} line
 * that says "SIP MESSAGEs, plain text" for part 11. Audio is G.711 (PCMU, PCMA: every phone has
 * them) and {@code a=inactive}: the workbench sends and plays no media, and says so.
 */
public final class SdpOffers {
    private SdpOffers() {
    }

    public static String audioAndMessages(SdpOrigin origin) {
        return origin.sessionLines()
                + "m=audio " + origin.rtpPort() + " RTP/AVP 0 8\r\n"
                + "a=rtpmap:0 PCMU/8000\r\n"
                + "a=rtpmap:8 PCMA/8000\r\n"
                + "a=inactive\r\n"
                + "m=message " + origin.sipPort() + " sip null\r\n"
                + "a=accept-types:text/plain\r\n";
    }
}
