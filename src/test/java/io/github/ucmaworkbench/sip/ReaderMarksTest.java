package io.github.ucmaworkbench.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A marker tells when our reader is past what the kernel held before it; the stack never sees one. */
class ReaderMarksTest {
    private CompactDatagramSocket socket;
    private DatagramSocket peer;
    private String host;
    private int port;

    @BeforeEach
    void open() throws Exception {
        socket = new CompactDatagramSocket(0, InetAddress.getLoopbackAddress());
        socket.setSoTimeout(10_000);
        peer = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        host = socket.getLocalAddress().getHostAddress();
        port = socket.getLocalPort();
    }

    @AfterEach
    void close() {
        socket.close();
        peer.close();
    }

    @Test
    void aMarkerIsReadOnlyOnceTheDatagramsBeforeItAreAndIsNeverHandedOn() throws Exception {
        send("OPTIONS sip:a@example.com SIP/2.0 (the datagram before the marker)");
        long ticket = InputBacklog.mark(host, port);
        send("OPTIONS sip:b@example.com SIP/2.0 (the datagram after the marker)");

        assertThat(ticket).isPositive();
        assertThat(receive()).contains("sip:a@");
        assertThat(InputBacklog.readUpTo(host, port, ticket)).isFalse();
        assertThat(receive()).contains("sip:b@"); // the marker in between was swallowed
        assertThat(InputBacklog.readUpTo(host, port, ticket)).isTrue();
    }

    @Test
    void aSocketThatIsNotOursHasNothingToWaitFor() throws Exception {
        long ticket = InputBacklog.mark(host, peer.getLocalPort());

        assertThat(ticket).isZero();
        assertThat(InputBacklog.readUpTo(host, peer.getLocalPort(), ticket)).isTrue();
    }

    @Test
    void sixteenBytesFromAStrangerAreAnOrdinaryDatagram() throws Exception {
        byte[] sixteen = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
        peer.send(new DatagramPacket(sixteen, sixteen.length, socket.getLocalSocketAddress()));

        assertThat(receive()).isEqualTo("0123456789abcdef");
    }

    private void send(String text) throws Exception {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        peer.send(new DatagramPacket(bytes, bytes.length, socket.getLocalSocketAddress()));
    }

    private String receive() throws Exception {
        DatagramPacket packet = new DatagramPacket(new byte[8], 8);
        socket.receive(packet);
        return new String(packet.getData(), 0, packet.getLength(), StandardCharsets.US_ASCII);
    }
}
