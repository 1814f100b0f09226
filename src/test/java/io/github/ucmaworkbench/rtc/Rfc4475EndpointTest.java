package io.github.ucmaworkbench.rtc;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ucmaworkbench.testing.RawExchange;
import io.github.ucmaworkbench.testing.Rfc4475;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Issue 11: a listening endpoint (the `server`) refuses what it cannot honour, as RFC 3261 §8.2
 * asks and RFC 4475's torture messages probe, over UDP and TCP from a raw socket; every answer
 * has a well-formed status line; no refused INVITE reaches sessionReceived; and a normal call
 * still completes afterwards.
 */
class Rfc4475EndpointTest {
    private static final Duration ANSWER = Duration.ofSeconds(10);
    private static final List<String> ALLOWED = List.of("INVITE", "ACK", "CANCEL", "BYE", "OPTIONS", "MESSAGE");

    /** What the endpoint must answer, by message; the 400s are the parser's, checked for a clean status line. */
    private static Map<String, Integer> expected() {
        Map<String, Integer> m = new LinkedHashMap<>();
        m.put("badvers", 505);
        m.put("intmeth", 501);
        m.put("esc02", 501);
        m.put("subscribe", 405);
        m.put("regreq", 405); // §8.2: the method is judged before its Require
        m.put("unkscm", 416);
        m.put("novelsc", 416);
        m.put("bext01", 420);
        m.put("invut", 415);
        m.put("sdp01", 406);
        for (String bad : List.of("multi01", "mcl01", "mismatch01", "mismatch02", "insuf", "ncl", "scalar02", "ltgtruri",
                "lwsruri", "quotbal")) {
            m.put(bad, 400);
        }
        return m;
    }

    @ParameterizedTest
    @ValueSource(strings = {"UDP", "TCP"})
    void aListeningEndpointRefusesWhatItCannotHonour(String transport) throws Exception {
        try (RtcFixture fixture = new RtcFixture()) {
            SipEndpoint server = fixture.listeningServer(SipTransportType.UDP);
            Set<String> tortureSessions = ConcurrentHashMap.newKeySet();
            CompletableFuture<SignalingSession> accepted = acceptOnlyOurClient(server, tortureSessions);
            InetSocketAddress target = ((RealTimeServerConnectionManager) server.getConnectionManager()).getListeningAddress();
            AtomicInteger n = new AtomicInteger(transport.equals("UDP") ? 1000 : 2000);

            for (Map.Entry<String, Integer> e : expected().entrySet()) {
                String answer = send(Rfc4475.template(e.getKey()), transport, target, n.incrementAndGet());
                assertThat(answer).as(e.getKey() + " over " + transport + " gets an answer").isNotNull();
                assertThat(Rfc4475.code(answer)).as(e.getKey() + " over " + transport + ": " + Rfc4475.statusLine(answer))
                        .isEqualTo(e.getValue());
                switch (e.getKey()) {
                    case "bext01" -> assertThat(Rfc4475.headerValues(answer, "Unsupported"))
                            .containsExactly("nothingSupportsThis", "nothingSuppportsThisEither");
                    case "invut" -> assertThat(Rfc4475.headerValues(answer, "Accept")).containsExactly("application/sdp");
                    case "subscribe", "regreq" -> assertThat(Rfc4475.headerValues(answer, "Allow")).containsAll(ALLOWED)
                            .doesNotContain("SUBSCRIBE", "REGISTER");
                    default -> {
                    }
                }
            }
            for (String header : Rfc4475.SINGLE_VALUE_HEADERS) {
                String answer = send(Rfc4475.withTwice(Rfc4475.template("unreason"), header), transport, target,
                        n.incrementAndGet());
                assertThat(answer).as("two " + header + " over " + transport).isNotNull();
                assertThat(Rfc4475.code(answer)).as("two " + header + " over " + transport + ": " + Rfc4475.statusLine(answer))
                        .isEqualTo(400);
            }

            SipEndpoint client = fixture.client(SipTransportType.valueOf(transport));
            client.register();
            SignalingSession call = new SignalingSession(client, new RealTimeAddress("sip:server@example.com"));
            assertThat(((SipResponseData) call.participate()).getResponseCode()).isEqualTo(200);
            assertThat(RtcFixture.await(accepted).getState()).isEqualTo(SignalingState.CONNECTED);
            assertThat(tortureSessions).as("refused INVITEs never reach sessionReceived").isEmpty();
        }
    }

    @Test
    void anInviteWhoseConnectionClosesMidBodyIsDiscarded() throws Exception {
        try (RtcFixture fixture = new RtcFixture()) {
            SipEndpoint server = fixture.listeningServer(SipTransportType.TCP);
            Set<String> tortureSessions = ConcurrentHashMap.newKeySet();
            CompletableFuture<SignalingSession> accepted = acceptOnlyOurClient(server, tortureSessions);
            InetSocketAddress target = ((RealTimeServerConnectionManager) server.getConnectionManager()).getListeningAddress();

            // Content-Length 500, 100 bytes of body, then the connection closes.
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), target.getPort())) {
                String head = fill(Rfc4475.template("unreason"), "TCP", target, socket.getLocalPort(), 3001);
                head = head.substring(0, head.indexOf("\r\n\r\n") + 4).replaceFirst("Content-Length: \\d+", "Content-Length: 500");
                socket.getOutputStream().write((head + "v=0\r\n" + "a=x\r\n".repeat(19)).substring(0, head.length() + 100)
                        .getBytes(StandardCharsets.ISO_8859_1));
                socket.getOutputStream().flush();
            }

            // A whole call after it, on a connection of its own: by its end the cut one was long read.
            SipEndpoint client = fixture.client(SipTransportType.TCP);
            client.register();
            SignalingSession call = new SignalingSession(client, new RealTimeAddress("sip:server@example.com"));
            assertThat(((SipResponseData) call.participate()).getResponseCode()).isEqualTo(200);
            RtcFixture.await(accepted);
            assertThat(tortureSessions).as("an INVITE cut off mid-body is not processed").isEmpty();
        }
    }

    /** Accepts the real client's call; notes any other INVITE that got through (the torture messages' From). */
    private static CompletableFuture<SignalingSession> acceptOnlyOurClient(SipEndpoint server, Set<String> others) {
        CompletableFuture<SignalingSession> accepted = new CompletableFuture<>();
        server.sessionReceived().add((sender, e) -> {
            SignalingSession incoming = e.getSession();
            if (!incoming.getRemoteParticipant().getUri().equals("sip:client@example.com")) {
                others.add(incoming.getRemoteParticipant().getUri());
                incoming.beginTerminate(null, null);
                return;
            }
            incoming.beginParticipate(ar -> {
                try {
                    incoming.endParticipate(ar);
                    accepted.complete(incoming);
                } catch (RealTimeException ex) {
                    accepted.completeExceptionally(ex);
                }
            }, null);
        });
        return accepted;
    }

    private static String send(String template, String transport, InetSocketAddress target, int n) throws Exception {
        return transport.equals("UDP")
                ? RawExchange.udp(port -> bytes(template, transport, target, port, n), target, ANSWER)
                : RawExchange.tcp(port -> bytes(template, transport, target, port, n), target, ANSWER);
    }

    private static byte[] bytes(String template, String transport, InetSocketAddress target, int port, int n) {
        return fill(template, transport, target, port, n).getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String fill(String template, String transport, InetSocketAddress target, int port, int n) {
        return new String(Rfc4475.fill(template, Map.of("ruri", "sip:server@127.0.0.1:" + target.getPort(),
                "to", "sip:server@example.com", "via", "SIP/2.0/" + transport + " 127.0.0.1:" + port,
                "host", "127.0.0.1", "port", String.valueOf(port), "n", String.valueOf(n),
                "registrar", "sip:example.com", "domain", "example.com")), StandardCharsets.ISO_8859_1);
    }
}
