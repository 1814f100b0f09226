package io.github.ucmaworkbench.registrar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.github.ucmaworkbench.sip.MalformedInputReporter;
import io.github.ucmaworkbench.testing.FreePorts;
import io.github.ucmaworkbench.testing.MalformedSip;
import io.github.ucmaworkbench.testing.RawSipPeer;
import io.github.ucmaworkbench.testing.TestUa;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

/**
 * Issue 7 at the registrar: malformed SIP over UDP and TCP (a fixed corpus, thousands of seeded
 * mutations, half-sent and oversized messages, retransmission floods). It answers 400 with a
 * reason where RFC 3261 asks for one, drops the rest with one log line per source and interval,
 * and afterwards still signs users in and proxies a call, with no runaway threads or memory.
 */
class RegistrarMalformedInputTest {
    private static final String TARGET = "sip:nobody@example.com";
    private static final Duration ANSWER = Duration.ofSeconds(5);
    private static final int UDP_MUTATIONS = 3000;
    private static final int UDP_REGISTER_MUTATIONS = 1000;
    private static final int TCP_MUTATIONS = 200;
    private static final int RETRANSMISSIONS = 500;

    private RegistrarService registrar;
    private InetSocketAddress address;
    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();

    @BeforeEach
    void start() throws Exception {
        lines.start();
        ((Logger) LoggerFactory.getLogger(MalformedInputReporter.LOGGER_NAME)).addAppender(lines);
        registrar = new RegistrarService(RegistrarConfig.builder().port(0).build());
        address = registrar.start();
    }

    @AfterEach
    void stop() {
        ((Logger) LoggerFactory.getLogger(MalformedInputReporter.LOGGER_NAME)).detachAppender(lines);
        registrar.close();
    }

    /** A corpus rule applied to a good INVITE from {@code host:port} over {@code transport}, numbered {@code n}. */
    private record Case(String label, String reason, boolean udpOnly, Broken broken) {
    }

    @FunctionalInterface
    private interface Broken {
        String apply(String good);
    }

    private static final List<Case> RFC_400_CASES = List.of(
            new Case("no Call-ID", "Missing Call-ID header", false, g -> g.replaceFirst("Call-ID: [^\r]*\r\n", "")),
            new Case("no From", "Missing From header", false, g -> g.replaceFirst("From: [^\r]*\r\n", "")),
            new Case("no To", "Missing To header", false, g -> g.replaceFirst("To: [^\r]*\r\n", "")),
            new Case("no Max-Forwards", "Missing Max-Forwards header", false,
                    g -> g.replaceFirst("Max-Forwards: [^\r]*\r\n", "")),
            new Case("an INVITE without Contact", "Missing Contact header", false,
                    g -> g.replaceFirst("Contact: [^\r]*\r\n", "")),
            new Case("CSeq method mismatch", "CSeq method BYE does not match the request method INVITE", false,
                    g -> g.replace("CSeq: 1 INVITE", "CSeq: 1 BYE")),
            // found by SipParserFuzzTest: the RI's Via parser looped on this until out of memory
            new Case("an unclosed Via comment", "Via header with '('", false,
                    g -> g.replaceFirst("(Via: SIP/2.0/\\w+ [^;]*)", "$1(unclosed")),
            new Case("bad CSeq number", "unreadable CSeq header", false, g -> g.replace("CSeq: 1 INVITE", "CSeq: one INVITE")),
            new Case("bad Via", "Via", false, g -> g.replaceFirst("Via: SIP/2.0/(UDP|TCP)", "Via: SIP/2.0/$1@@")),
            new Case("negative Content-Length", "unreadable Content-Length header", false,
                    g -> g.replaceFirst("Content-Length: \\d+", "Content-Length: -5")),
            // §18.3: over UDP a body shorter than its Content-Length is an error (400); over TCP
            // the rest may still come, so it is a half-sent message there.
            new Case("Content-Length beyond the datagram", "shorter than its Content-Length", true,
                    g -> g.replaceFirst("Content-Length: \\d+", "Content-Length: 99999")));

    @Test
    void aBodyOverTheSizeLimitIsRefused413AndTheConnectionClosed() throws Exception {
        int local = FreePorts.pick();
        byte[] huge = MalformedSip.oversizedBody(TARGET, "127.0.0.1", local, "TCP", 90, 2_000_000, 1000);

        assertThat(RawSipPeer.tcp(huge, address, local, ANSWER, null)).first().asString()
                .startsWith("SIP/2.0 413 ").contains("2000000 bytes is over the 1048576-byte limit");
        signInAndCall("tcp");
    }

    @Test
    void aViaNamingATransportWeDoNotServeIsDroppedAndCountedNotAStackFailure() throws Exception {
        ListAppender<ILoggingEvent> listener = new ListAppender<>();
        listener.start();
        Logger listenerLog = (Logger) LoggerFactory.getLogger(RegistrarListener.class);
        listenerLog.addAppender(listener);
        try (RawSipPeer peer = new RawSipPeer()) {
            for (String transport : List.of("SCTP", "TLS", "XYZ")) {
                String good = MalformedSip.goodInvite(TARGET, "127.0.0.1", peer.udpPort(), "UDP", 300);
                peer.sendUdp(good.replaceFirst("Via: SIP/2.0/UDP", "Via: SIP/2.0/" + transport)
                        .getBytes(StandardCharsets.ISO_8859_1), address);
            }
            await().atMost(ANSWER).until(() -> registrarLines().stream().anyMatch(l -> l.contains("does not serve")));
            signInAndCall("udp");
            assertThat(peer.udpStatusLines()).as("nothing can be answered over a transport we lack").isEmpty();
        } finally {
            listenerLog.detachAppender(listener);
        }
        assertThat(listener.list).extracting(ILoggingEvent::getFormattedMessage)
                .noneMatch(l -> l.contains("cannot handle"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"UDP", "TCP"})
    void requestsRfc3261RejectsGetA400ThatSaysWhy(String transport) throws Exception {
        int n = 100;
        for (Case c : RFC_400_CASES) {
            if (c.udpOnly() && transport.equals("TCP")) {
                continue;
            }
            n++;
            List<String> answers;
            if (transport.equals("UDP")) {
                try (RawSipPeer peer = new RawSipPeer()) {
                    String good = MalformedSip.goodInvite(TARGET, "127.0.0.1", peer.udpPort(), transport, n);
                    peer.sendUdp(c.broken().apply(good).getBytes(StandardCharsets.ISO_8859_1), address);
                    await().atMost(ANSWER).until(() -> !peer.udpStatusLines().isEmpty());
                    answers = peer.udpStatusLines();
                }
            } else {
                int local = FreePorts.pick();
                String good = MalformedSip.goodInvite(TARGET, "127.0.0.1", local, transport, n);
                answers = RawSipPeer.tcp(c.broken().apply(good).getBytes(StandardCharsets.ISO_8859_1), address, local,
                        ANSWER, null);
            }
            assertThat(answers).as(c.label() + " over " + transport).first().asString()
                    .startsWith("SIP/2.0 400 ").containsIgnoringCase(c.reason());
        }
        // and the log told the user, once per source and interval, not once per message
        await().atMost(ANSWER).until(() -> registrarLines().size() >= 1);
        assertThat(registrarLines()).hasSizeLessThanOrEqualTo(3).first().asString()
                .contains("registrar: ignored a malformed SIP message from 127.0.0.1");
    }

    @Test
    void thousandsOfMalformedMessagesLeaveTheRegistrarServing() throws Exception {
        System.gc();
        long heapBefore = usedHeap();
        int threadsBefore = Thread.activeCount();
        int udpSent = 0;
        int tcpSent = 0;
        try (RawSipPeer peer = new RawSipPeer()) {
            int port = peer.udpPort();
            List<byte[]> udp = new ArrayList<>();
            List<byte[]> corpus = MalformedSip.corpus(TARGET, "127.0.0.1", port, "UDP");
            for (int i = 0; i < corpus.size(); i++) {
                udp.add(MalformedSip.numbered(corpus.get(i), 10_000 + i));
            }
            List<byte[]> registers = MalformedSip.registerCorpus("mallory", "example.com", "127.0.0.1", port, "UDP");
            for (int i = 0; i < registers.size(); i++) {
                udp.add(MalformedSip.numbered(registers.get(i), 20_000 + i));
            }
            udp.addAll(MalformedSip.mutations(TARGET, "127.0.0.1", port, "UDP", 42, UDP_MUTATIONS));
            IntFunction<String> register = n -> MalformedSip.goodRegister("mallory", "example.com", "127.0.0.1", port, "UDP",
                    30_000 + n);
            udp.addAll(MalformedSip.mutationsOf(register, 43, UDP_REGISTER_MUTATIONS));
            udp.add(MalformedSip.oversizedHeader(TARGET, "127.0.0.1", port, "UDP", 40_000, 60_000));
            for (int i = 0; i < udp.size(); i++) {
                peer.sendUdp(udp.get(i), address);
                if (i % 200 == 0) {
                    Thread.sleep(5); // pacing, not waiting for an outcome: let one UDP reader keep up
                }
            }
            udpSent += udp.size();
            // A retransmission flood of one valid INVITE and one valid REGISTER (§17.2: absorbed).
            byte[] invite = MalformedSip.goodInvite(TARGET, "127.0.0.1", port, "UDP", 50_000).getBytes(StandardCharsets.ISO_8859_1);
            byte[] reg = MalformedSip.goodRegister("flood", "example.com", "127.0.0.1", port, "UDP", 50_001)
                    .getBytes(StandardCharsets.ISO_8859_1);
            for (int i = 0; i < RETRANSMISSIONS; i++) {
                peer.sendUdp(invite, address);
                peer.sendUdp(reg, address);
            }
            udpSent += 2 * RETRANSMISSIONS;
            tcpSent += sendOverTcp();

            // the RI answered the parseable ones 400 by itself, we the ones missing a header
            await().atMost(Duration.ofSeconds(15)).until(() -> count400(peer) >= corpusFours());
            long fourHundreds = count400(peer);

            List<Socket> halfOpen = new ArrayList<>();
            try {
                for (int i = 0; i < 5; i++) {
                    byte[] half = MalformedSip.goodInvite(TARGET, "127.0.0.1", 6000 + i, "TCP", 60_000 + i)
                            .substring(0, 150).getBytes(StandardCharsets.ISO_8859_1);
                    RawSipPeer.tcp(half, address, 0, Duration.ZERO, halfOpen);
                }
                tcpSent += 5;
                // While half-sent connections hang on, a normal sign-in and call still complete.
                signInAndCall("udp");
                signInAndCall("tcp");
            } finally {
                for (Socket s : halfOpen) {
                    s.close();
                }
            }

            System.gc();
            long heapGrowth = usedHeap() - heapBefore;
            await().atMost(Duration.ofSeconds(20)).until(() -> Thread.activeCount() <= threadsBefore + 15);
            System.out.printf("registrar malformed input: %d UDP + %d TCP messages sent, %d answered 400 over UDP,"
                    + " %d log lines, heap growth %d KB, threads %d -> %d%n", udpSent, tcpSent, fourHundreds,
                    registrarLines().size(), heapGrowth / 1024, threadsBefore, Thread.activeCount());
            assertThat(heapGrowth).as("heap growth").isLessThan(128L * 1024 * 1024);
            assertThat(registrarLines()).as("one line per source and interval").isNotEmpty().hasSizeLessThanOrEqualTo(8);
        }
    }

    /** The corpus entries whose 400 the UDP test above pins down, at the least. */
    private static int corpusFours() {
        return 5;
    }

    private static long count400(RawSipPeer peer) {
        return peer.udpStatusLines().stream().filter(l -> l.startsWith("SIP/2.0 400 ")).count();
    }

    private int sendOverTcp() throws Exception {
        List<byte[]> tcp = new ArrayList<>();
        List<byte[]> corpus = MalformedSip.corpus(TARGET, "127.0.0.1", 5999, "TCP");
        for (int i = 0; i < corpus.size(); i++) {
            tcp.add(MalformedSip.numbered(corpus.get(i), 70_000 + i));
        }
        tcp.addAll(MalformedSip.mutations(TARGET, "127.0.0.1", 5999, "TCP", 44, TCP_MUTATIONS));
        tcp.add(MalformedSip.oversizedHeader(TARGET, "127.0.0.1", 5999, "TCP", 71_000, 200_000));
        // MAX_MESSAGE_SIZE is 1 MiB: a 2 MB body must be refused, not buffered
        tcp.add(MalformedSip.oversizedBody(TARGET, "127.0.0.1", 5999, "TCP", 71_001, 2_000_000, 1_100_000));
        for (int i = 0; i < 20; i++) {
            String good = MalformedSip.goodInvite(TARGET, "127.0.0.1", 5999, "TCP", 72_000 + i);
            tcp.add(good.substring(0, 40 + i * 17).getBytes(StandardCharsets.ISO_8859_1)); // half-sent, then closed
        }
        for (byte[] message : tcp) {
            RawSipPeer.tcp(message, address, 0, Duration.ZERO, null);
        }
        // one connection carrying a retransmission flood of one valid REGISTER
        StringBuilder flood = new StringBuilder();
        String reg = MalformedSip.goodRegister("tcpflood", "example.com", "127.0.0.1", 5999, "TCP", 73_000);
        for (int i = 0; i < 100; i++) {
            flood.append(reg);
        }
        RawSipPeer.tcp(flood.toString().getBytes(StandardCharsets.ISO_8859_1), address, 0, Duration.ZERO, null);
        return tcp.size() + 100;
    }

    private void signInAndCall(String transport) throws Exception {
        try (TestUa alice = TestUa.start("alice", "example.com", transport);
                TestUa bob = TestUa.start("bob", "example.com", transport)) {
            assertThat(bob.call(bob.register(address, 60, "<" + bob.contact() + ">")).getStatusCode())
                    .as("sign-in over " + transport).isEqualTo(Response.OK);
            var call = alice.send(alice.request(Request.INVITE, "sip:bob@example.com", "sip:bob@example.com", address));
            assertThat(call.finalResponse().getStatusCode()).as("proxied INVITE over " + transport).isEqualTo(Response.OK);
            call.ack();
            assertThat(call.bye().getStatusCode()).as("BYE over " + transport).isEqualTo(Response.OK);
        }
    }

    private List<String> registrarLines() {
        return lines.list.stream().map(ILoggingEvent::getFormattedMessage).filter(m -> m.startsWith("registrar:")).toList();
    }

    private static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }
}
