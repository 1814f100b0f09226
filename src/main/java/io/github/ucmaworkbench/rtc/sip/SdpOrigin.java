package io.github.ucmaworkbench.rtc.sip;

import java.net.Inet6Address;
import java.net.InetAddress;

/**
 * Who we are in our SDP: the address media and the {@code o=}/{@code c=} lines name, the held
 * RTP port, our SIP port (where an {@code m=message ... sip} stream's messages really arrive),
 * and the {@code o=} session id and version (RFC 4566 §5.2; RFC 3264 §8 wants the version one
 * higher in every new description of the same session).
 */
public record SdpOrigin(InetAddress address, int rtpPort, int sipPort, long sessionId, long version) {
    static final String SESSION_NAME = "UCMA Workbench";

    /** v=, o=, s=, c= and t= lines, CRLF-terminated (RFC 4566 §5: this order). */
    String sessionLines() {
        String net = (address instanceof Inet6Address ? "IP6 " : "IP4 ") + address.getHostAddress();
        return "v=0\r\n"
                + "o=- " + sessionId + " " + version + " IN " + net + "\r\n"
                + "s=" + SESSION_NAME + "\r\n"
                + "c=IN " + net + "\r\n"
                + "t=0 0\r\n";
    }
}
