package io.github.ucmaworkbench.registrar;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ucmaworkbench.testing.Closer;
import io.github.ucmaworkbench.testing.RawSipPeer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A forward that must first open a TCP connection (a phone signed in over TCP) may wait up to
 * the stack's connection timeout when that host drops our SYN. That wait must not hold up the
 * registrar's UDP input: the stack reads every datagram on one thread, and a quiet registrar
 * runs a call's work right there (CallLanes), so a blocked send there stalled everybody's
 * REGISTER and calls for seconds.
 */
class RegistrarBlockedForwardTest {
    private static final Duration WAIT = Duration.ofSeconds(15);
    private final Closer closer = new Closer();

    @AfterEach
    void stop() {
        closer.close();
    }

    @Test
    void aUdpRegisterIsAnsweredWhileAForwardWaitsForATcpConnection() throws Exception {
        ServerSocket blackhole = closer.add(silentTcpPort());
        RegistrarService registrar = closer.add(new RegistrarService(RegistrarConfig.builder().port(0).build()));
        InetSocketAddress at = registrar.start();
        RawSipPeer bob = closer.add(new RawSipPeer());
        RawSipPeer alice = closer.add(new RawSipPeer());
        RawSipPeer carol = closer.add(new RawSipPeer());
        // bob signed in over TCP from a host that now drops every SYN (its accept queue is full)
        bob.sendUdp(register("bob", bob.udpPort(), "<sip:bob@127.0.0.1:" + blackhole.getLocalPort() + ";transport=tcp>"), at);
        awaitStatus(bob, "SIP/2.0 200");

        alice.sendUdp(invite(alice.udpPort()), at);
        awaitStatus(alice, "SIP/2.0 100"); // the proxy has the INVITE and is forwarding it over TCP
        carol.sendUdp(register("carol", carol.udpPort(), "<sip:carol@127.0.0.1:" + carol.udpPort() + ">"), at);
        awaitStatus(carol, "SIP/2.0 200");

        assertThat(alice.udpStatusLines()).as("alice's INVITE when carol's REGISTER was answered: still being forwarded")
                .allMatch(line -> line.startsWith("SIP/2.0 1"));
        Awaitility.await().atMost(WAIT).until(() -> alice.udpStatusLines().stream().anyMatch(l -> !l.startsWith("SIP/2.0 1")));
        assertThat(alice.udpStatusLines()).as("the forward failed after all: the connection never opened")
                .anyMatch(line -> line.matches("SIP/2\\.0 [4-6]\\d\\d .*"));
    }

    private static void awaitStatus(RawSipPeer peer, String prefix) {
        Awaitility.await().atMost(WAIT).until(() -> peer.udpStatusLines().stream().anyMatch(l -> l.startsWith(prefix)));
    }

    /**
     * A TCP port that never completes a connection: a listener that never accepts, its accept
     * queue filled, so the kernel drops every further SYN (a host behind a dead link looks so).
     */
    private ServerSocket silentTcpPort() throws IOException {
        ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        for (int i = 0; i < 16; i++) {
            Socket filler = new Socket();
            try {
                filler.connect(server.getLocalSocketAddress(), 300);
                closer.add(filler);
            } catch (SocketTimeoutException full) {
                filler.close();
                return server;
            }
        }
        server.close();
        throw new IllegalStateException("could not fill a listener's accept queue: no silent TCP port here");
    }

    private static byte[] register(String user, int port, String contact) {
        return sip("REGISTER sip:example.com SIP/2.0", port, "<sip:" + user + "@example.com>", "<sip:" + user + "@example.com>",
                "1 REGISTER", List.of("Contact: " + contact, "Expires: 3600"));
    }

    private static byte[] invite(int port) {
        return sip("INVITE sip:bob@example.com SIP/2.0", port, "<sip:alice@example.com>", "<sip:bob@example.com>",
                "1 INVITE", List.of("Contact: <sip:alice@127.0.0.1:" + port + ">"));
    }

    private static byte[] sip(String requestLine, int port, String from, String to, String cseq, List<String> more) {
        StringBuilder m = new StringBuilder(requestLine).append("\r\n")
                .append("Via: SIP/2.0/UDP 127.0.0.1:").append(port).append(";branch=z9hG4bK").append(UUID.randomUUID()).append("\r\n")
                .append("Max-Forwards: 70\r\n")
                .append("From: ").append(from).append(";tag=").append(port).append("\r\n")
                .append("To: ").append(to).append("\r\n")
                .append("Call-ID: ").append(UUID.randomUUID()).append("\r\n")
                .append("CSeq: ").append(cseq).append("\r\n");
        for (String header : more) {
            m.append(header).append("\r\n");
        }
        return m.append("Content-Length: 0\r\n\r\n").toString().getBytes(StandardCharsets.US_ASCII);
    }
}
