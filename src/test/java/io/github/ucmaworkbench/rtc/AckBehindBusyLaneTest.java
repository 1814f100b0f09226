package io.github.ucmaworkbench.rtc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.ucmaworkbench.sip.CallLanes;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An ACK that reached the server in time but waited in the server's own queue (its call's lane
 * busy) must end the accept as acknowledged, not as "the caller's ACK never came". Under load
 * that race turned thousands of answered calls into false failure lines. An ACK that never comes
 * still ends it as a timeout. Real SIP on loopback: the caller is a plain UDP socket, so nothing
 * of ours shares the server's lanes with it.
 */
class AckBehindBusyLaneTest {
    private static final long ACK_WINDOW_MS = 400;

    private final RealTimeServerConnectionManager manager = new RealTimeServerConnectionManager();
    private SipEndpoint server;
    private CompletableFuture<SipMessageData> accepted;

    @AfterEach
    void tearDown() {
        System.clearProperty("ucma.ackTimeoutMs");
        if (server != null) {
            server.close();
        }
        manager.close();
    }

    /** Our server endpoint listening on UDP, accepting every invite; the accept's outcome goes to {@link #accepted}. */
    private InetSocketAddress serverAccepting() throws Exception {
        System.setProperty("ucma.ackTimeoutMs", String.valueOf(ACK_WINDOW_MS));
        server = new SipEndpoint("sip:server@example.com", SipAuthenticationProtocols.NONE, SipTransportType.UDP,
                "127.0.0.1", 9, true, manager, null);
        InetSocketAddress at = manager.startListening(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        CompletableFuture<SipMessageData> outcome = new CompletableFuture<>();
        accepted = outcome;
        server.sessionReceived().add((sender, e) -> e.getSession().beginParticipate(ar -> {
            try {
                outcome.complete(((SignalingSession) ar.getAsyncState()).endParticipate(ar));
            } catch (RealTimeException ex) {
                outcome.completeExceptionally(ex);
            }
        }, e.getSession()));
        return at;
    }

    @Test
    void anAckThatNeverComesStillEndsTheAcceptAsATimeout() throws Exception {
        InetSocketAddress at = serverAccepting();
        try (DatagramSocket caller = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            caller.setSoTimeout(10_000);
            String callId = "no-ack-" + System.nanoTime() + "@127.0.0.1";
            send(caller, at, invite(caller.getLocalPort(), at, callId));
            awaitResponse(caller, "200");

            assertThatThrownBy(() -> accepted.get(15, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(OperationTimeoutException.class);
        }
    }

    @Test
    void ackQueuedBehindABusyLaneStillAcknowledges() throws Exception {
        InetSocketAddress at = serverAccepting();
        try (DatagramSocket caller = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            caller.setSoTimeout(10_000);
            String callId = "busy-lane-" + System.nanoTime() + "@127.0.0.1";
            send(caller, at, invite(caller.getLocalPort(), at, callId));
            String ok = awaitResponse(caller, "200");
            Matcher toTag = Pattern.compile("(?im)^To:.*;tag=([^;\\s]+)").matcher(ok);
            assertThat(toTag.find()).as("200 OK with a To tag:%n%s", ok).isTrue();

            // The call's lane is busy for three ACK windows; the ACK arrives at once and waits behind it.
            CountDownLatch laneBusy = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            CallLanes.shared().execute(callId, () -> {
                laneBusy.countDown();
                try {
                    release.await(3 * ACK_WINDOW_MS, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            assertThat(laneBusy.await(5, TimeUnit.SECONDS)).isTrue();
            send(caller, at, ack(caller.getLocalPort(), at, callId, toTag.group(1)));

            assertThat(accepted.get(10, TimeUnit.SECONDS).getMethod()).isEqualTo("ACK");
        }
    }

    private static void send(DatagramSocket socket, InetSocketAddress to, String text) throws Exception {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        socket.send(new DatagramPacket(bytes, bytes.length, to));
    }

    /** The first response whose status line has {@code code}; provisional ones are skipped. */
    private static String awaitResponse(DatagramSocket socket, String code) throws Exception {
        byte[] buffer = new byte[8192];
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(packet);
            } catch (SocketTimeoutException e) {
                break;
            }
            String text = new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8);
            if (text.startsWith("SIP/2.0 " + code)) {
                return text;
            }
        }
        throw new AssertionError("no " + code + " response within 10 s");
    }

    private static String invite(int ourPort, InetSocketAddress server, String callId) {
        String sdp = "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
                + "m=audio 9 RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\n";
        return "INVITE sip:server@" + hostPort(server) + " SIP/2.0\r\n"
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

    private static String ack(int ourPort, InetSocketAddress server, String callId, String toTag) {
        return "ACK sip:server@" + hostPort(server) + " SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:" + ourPort + ";branch=z9hG4bK-ack-" + callId.hashCode() + "\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: <sip:caller@example.com>;tag=caller1\r\n"
                + "To: <sip:server@example.com>;tag=" + toTag + "\r\n"
                + "Call-ID: " + callId + "\r\n"
                + "CSeq: 1 ACK\r\n"
                + "Content-Length: 0\r\n\r\n";
    }

    private static String hostPort(InetSocketAddress at) {
        return at.getAddress().getHostAddress() + ":" + at.getPort();
    }
}
