package io.github.ucmaworkbench.rtc;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A caller that is a plain UDP socket writing SIP by hand: it does exactly what a test says
 * (never an ACK it was not told to send), and nothing of ours shares the server's threads with it.
 */
final class UdpCaller implements AutoCloseable {
    private static final Pattern TO_TAG = Pattern.compile("(?im)^To:.*;tag=([^;\\s]+)");
    private final DatagramSocket socket;
    private final InetSocketAddress server;

    UdpCaller(InetSocketAddress server) throws Exception {
        this.server = server;
        socket = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        socket.setSoTimeout(10_000);
    }

    void send(String text) throws Exception {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        socket.send(new DatagramPacket(bytes, bytes.length, server));
    }

    /** The first response whose status line has {@code code}; others are skipped. */
    String awaitResponse(String code) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            String text = receive();
            if (text == null) {
                break;
            }
            if (text.startsWith("SIP/2.0 " + code)) {
                return text;
            }
        }
        throw new AssertionError("no " + code + " response within 10 s");
    }

    /** How many responses with {@code code} arrive during {@code period}. */
    int countResponses(String code, Duration period) throws Exception {
        int count = 0;
        long deadline = System.nanoTime() + period.toNanos();
        for (long left = period.toMillis(); left > 0; left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())) {
            socket.setSoTimeout((int) left);
            String text = receive();
            if (text != null && text.startsWith("SIP/2.0 " + code)) {
                count++;
            }
        }
        socket.setSoTimeout(10_000);
        return count;
    }

    /** The next datagram as text, or null when none came within the socket's timeout. */
    private String receive() throws Exception {
        byte[] buffer = new byte[8192];
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        try {
            socket.receive(packet);
        } catch (SocketTimeoutException e) {
            return null;
        }
        return new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8);
    }

    String invite(String callId) {
        int ourPort = socket.getLocalPort();
        String sdp = "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
                + "m=audio 9 RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\n";
        return "INVITE sip:server@" + hostPort() + " SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:" + ourPort + ";branch=z9hG4bK-inv-" + callId.hashCode() + "\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: <sip:caller@example.com>;tag=caller1\r\n"
                + "To: <sip:server@example.com>\r\n"
                + "Call-ID: " + callId + "\r\n"
                + "CSeq: 1 INVITE\r\n"
                + "Contact: <sip:caller@127.0.0.1:" + ourPort + ">\r\n"
                + "Content-Type: application/sdp\r\n"
                + "Content-Length: " + sdp.length() + "\r\n\r\n" + sdp;
    }

    /** The To tag the callee put in {@code response}: what our ACK must name. */
    static String toTag(String response) {
        Matcher tag = TO_TAG.matcher(response);
        assertThat(tag.find()).as("200 OK with a To tag:%n%s", response).isTrue();
        return tag.group(1);
    }

    String ack(String callId, String toTag) {
        return "ACK sip:server@" + hostPort() + " SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:" + socket.getLocalPort() + ";branch=z9hG4bK-ack-" + callId.hashCode() + "\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: <sip:caller@example.com>;tag=caller1\r\n"
                + "To: <sip:server@example.com>;tag=" + toTag + "\r\n"
                + "Call-ID: " + callId + "\r\n"
                + "CSeq: 1 ACK\r\n"
                + "Content-Length: 0\r\n\r\n";
    }

    private String hostPort() {
        return server.getAddress().getHostAddress() + ":" + server.getPort();
    }

    @Override
    public void close() {
        socket.close();
    }
}
