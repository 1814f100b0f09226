package io.github.ucmaworkbench.rtc.sip;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.util.HashMap;
import java.util.Map;

/**
 * The RTP port our SDP names for audio: an even UDP port and the odd one above it for RTCP
 * (RFC 3550 §11), bound and held open but never read, so what a phone sends there is dropped by
 * the kernel instead of drawing ICMP "port unreachable" replies. The workbench carries no media
 * (every audio stream is {@code a=inactive}), yet a phone may still send RTCP, and naming a port
 * nobody holds, or our SIP port, would be a lie. One pair per local address, kept for the life
 * of the process: two file descriptors, shared by every call, which never exchange media.
 */
public final class DiscardPorts {
    private static final int ATTEMPTS = 50;
    private static final Map<InetAddress, DatagramSocket[]> HELD = new HashMap<>();

    private DiscardPorts() {
    }

    /** The even RTP port held on {@code address}, binding the pair on first use. */
    public static synchronized int rtpPort(InetAddress address) throws IOException {
        DatagramSocket[] pair = HELD.get(address);
        if (pair == null) {
            pair = bindPair(address);
            HELD.put(address, pair);
        }
        return pair[0].getLocalPort();
    }

    private static DatagramSocket[] bindPair(InetAddress address) throws IOException {
        for (int i = 0; i < ATTEMPTS; i++) {
            DatagramSocket rtp = new DatagramSocket(new InetSocketAddress(address, 0));
            int port = rtp.getLocalPort();
            if (port % 2 == 0 && port < 65535) {
                try {
                    return new DatagramSocket[] {rtp, new DatagramSocket(new InetSocketAddress(address, port + 1))};
                } catch (SocketException taken) {
                    // The RTCP port is someone else's: try another pair.
                }
            }
            rtp.close();
        }
        throw new IOException("no free even/odd UDP port pair on " + address.getHostAddress());
    }
}
