package io.github.ucmaworkbench.registrar;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ucmaworkbench.testing.MalformedSip;
import io.github.ucmaworkbench.testing.RawExchange;
import io.github.ucmaworkbench.testing.TestUa;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * A registrar on a free port, bob (a {@link TestUa}) signed in to it over UDP, and alice: a bare
 * UDP socket that sends hand-made requests through the proxy, for tests of what the proxy does
 * with their timing (order, retransmissions).
 */
final class BobBehindRegistrar implements AutoCloseable {
    final RegistrarService registrar;
    final InetSocketAddress address;
    final TestUa bob;
    final DatagramSocket alice;

    /** {@code configureBob} runs before bob signs in (e.g. how he answers an INVITE). */
    BobBehindRegistrar(Consumer<TestUa> configureBob) throws Exception {
        this(configureBob, null);
    }

    /** Bob signs in with {@code contact} (e.g. a bare socket's URI that answers by hand), or his own if null. */
    BobBehindRegistrar(Consumer<TestUa> configureBob, String contact) throws Exception {
        registrar = new RegistrarService(RegistrarConfig.builder().port(0).build());
        address = registrar.start();
        bob = TestUa.start("bob", "example.com", "udp");
        configureBob.accept(bob);
        String bound = contact != null ? contact : bob.contact();
        assertThat(bob.call(bob.register(address, 60, "<" + bound + ">")).getStatusCode()).isEqualTo(200);
        alice = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        alice.setSoTimeout((int) ALICE_WAITS.toMillis()); // a read of hers never hangs a test
    }

    /** How long alice reads before a test gives up on what it waits for. */
    static final Duration ALICE_WAITS = Duration.ofSeconds(10);

    /** Alice's INVITE to bob (a fresh Call-ID), as bytes to send and its Call-ID. */
    record Invite(byte[] bytes, String callId) {
    }

    Invite aliceInvite() {
        int n = (int) (System.nanoTime() & 0xffffff);
        return new Invite(MalformedSip.goodInvite("sip:bob@example.com", "127.0.0.1", alice.getLocalPort(), "UDP", n)
                .getBytes(StandardCharsets.ISO_8859_1), "fuzz-" + n + "@127.0.0.1");
    }

    /** Sends {@code message} from alice's socket to the registrar. */
    void aliceSends(byte[] message) throws java.io.IOException {
        alice.send(new DatagramPacket(message, message.length, address));
    }

    /**
     * Hands each datagram alice receives, as text, to {@code enough} until it says so; false when
     * {@link #ALICE_WAITS} pass first.
     */
    boolean aliceReadsUntil(Predicate<String> enough) throws java.io.IOException {
        return RawExchange.readUntil(alice, ALICE_WAITS, enough);
    }

    /** A message's first line (a response's status line). */
    static String firstLine(String text) {
        int end = text.indexOf("\r\n");
        return end < 0 ? text : text.substring(0, end);
    }

    @Override
    public void close() throws Exception {
        alice.close();
        bob.close();
        registrar.close();
    }
}
