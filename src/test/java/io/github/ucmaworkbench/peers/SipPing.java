package io.github.ucmaworkbench.peers;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

/**
 * A readiness probe that asks the peer itself: an OPTIONS over UDP to {@code sip:host:port},
 * repeated every 200 ms until any SIP response comes back. A bound port only says the socket
 * exists; an answer says the SIP stack behind it is up.
 */
final class SipPing {
    private SipPing() {
    }

    /**
     * @return the first line of the answer, or null when nothing answered within {@code limit}
     *         or {@code process} ended
     */
    static String awaitAnswer(InetSocketAddress peer, Process process, Duration limit) throws IOException {
        long deadline = System.nanoTime() + limit.toNanos();
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            socket.setSoTimeout(200);
            byte[] buffer = new byte[4096];
            while (System.nanoTime() < deadline && (process == null || process.isAlive())) {
                byte[] request = options(peer, socket.getLocalPort()).getBytes(StandardCharsets.US_ASCII);
                socket.send(new DatagramPacket(request, request.length, peer));
                try {
                    DatagramPacket answer = new DatagramPacket(buffer, buffer.length);
                    socket.receive(answer);
                    String text = new String(answer.getData(), 0, answer.getLength(), StandardCharsets.US_ASCII);
                    if (text.startsWith("SIP/2.0 ")) {
                        return text.lines().findFirst().orElse(text);
                    }
                } catch (SocketTimeoutException notYet) {
                    // the receive timeout paces the retries
                }
            }
        }
        return null;
    }

    private static String options(InetSocketAddress peer, int localPort) {
        String host = peer.getAddress().getHostAddress();
        String id = UUID.randomUUID().toString();
        return "OPTIONS sip:" + host + ":" + peer.getPort() + " SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:" + localPort + ";branch=z9hG4bK" + id.substring(0, 12) + ";rport\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: <sip:probe@127.0.0.1>;tag=" + id.substring(24) + "\r\n"
                + "To: <sip:" + host + ":" + peer.getPort() + ">\r\n"
                + "Call-ID: " + id + "@127.0.0.1\r\n"
                + "CSeq: 1 OPTIONS\r\n"
                + "Content-Length: 0\r\n\r\n";
    }
}
