package io.github.ucmaworkbench.rtc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.ucmaworkbench.registrar.RegistrarConfig;
import io.github.ucmaworkbench.trace.SipTrace;
import io.github.ucmaworkbench.trace.SipTraceEvent;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Our client's digest answers (RFC 8760 / RFC 7616) against the embedded registrar and a raw one. */
class DigestSignInTest {
    private RtcFixture fixture;

    @AfterEach
    void tearDown() {
        if (fixture != null) {
            fixture.close();
        }
    }

    private static List<String> sent(String method, String header) {
        return SipTrace.global().snapshot().stream().map(SipTraceEvent::rawText)
                .filter(t -> t.startsWith(method + " ") && t.contains(header + ":")).toList();
    }

    @Test
    void endpointPicksSha256WhenTheRegistrarOffersBoth() throws Exception {
        fixture = new RtcFixture(RegistrarConfig.builder().port(0).user("client", "s3cret").build());
        SipEndpoint client = fixture.client(SipTransportType.UDP);
        client.getCredentialCache().add(SipCredentialCache.ANY_REALM, new NetworkCredential("client", "s3cret"));
        List<String> authorizations = new CopyOnWriteArrayList<>();
        try (AutoCloseable watch = SipTrace.global().subscribe(e -> {
            if (e.rawText().startsWith("REGISTER ") && e.rawText().contains("Authorization:")) {
                authorizations.add(e.rawText());
            }
        })) {
            assertThat(client.register().getResponseCode()).isEqualTo(200);
        }

        assertThat(authorizations).isNotEmpty().allSatisfy(t -> assertThat(t).contains("algorithm=SHA-256"));
    }

    @Test
    void unregisteredCallerAnswersTheProxyChallengeAndTheCallIsAccepted() throws Exception {
        fixture = new RtcFixture(RegistrarConfig.builder().port(0).user("client", "c-pass").user("server", "s-pass")
                .authenticateCalls(true).build());
        SipEndpoint server = fixture.endpoint("sip:server@example.com", SipTransportType.TCP,
                new RealTimeServerConnectionManager());
        server.getCredentialCache().add(SipCredentialCache.ANY_REALM, new NetworkCredential("server", "s-pass"));
        server.register();
        ((RealTimeServerConnectionManager) server.getConnectionManager())
                .startListening(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        CompletableFuture<SignalingSession> accepted = RtcFixture.acceptNext(server);
        SipEndpoint client = fixture.client(SipTransportType.TCP);
        client.getCredentialCache().add(SipCredentialCache.ANY_REALM, new NetworkCredential("client", "c-pass"));

        SignalingSession session = new SignalingSession(client, new RealTimeAddress("sip:server@example.com"));
        session.participate();

        assertThat(RtcFixture.await(accepted).getState()).isEqualTo(SignalingState.CONNECTED);
        assertThat(sent("INVITE", "Proxy-Authorization")).isNotEmpty();
    }

    @Test
    void unregisteredCallerWithoutCredentialsGetsAnAuthenticationFailure() throws Exception {
        fixture = new RtcFixture(RegistrarConfig.builder().port(0).user("server", "s-pass").authenticateCalls(true).build());
        SipEndpoint client = fixture.client(SipTransportType.UDP);
        SignalingSession session = new SignalingSession(client, new RealTimeAddress("sip:server@example.com"));

        assertThatThrownBy(session::participate).isInstanceOfSatisfying(FailureResponseException.class,
                e -> assertThat(e.getResponseData().getResponseCode()).isEqualTo(407));
    }

    @Test
    void staleNonceIsAnsweredAgainWithoutBotheringTheUser() throws Exception {
        try (StaleRegistrar raw = new StaleRegistrar()) {
            SipEndpoint client = new SipEndpoint("sip:client@example.com", SipAuthenticationProtocols.DIGEST,
                    SipTransportType.UDP, "127.0.0.1", raw.port(), true, null, null);
            try {
                client.getCredentialCache().add(SipCredentialCache.ANY_REALM, new NetworkCredential("client", "pw"));

                assertThat(client.register().getResponseCode()).isEqualTo(200);
                assertThat(raw.nonces).containsExactly("none", "n1", "n2");
            } finally {
                client.close();
            }
        }
    }

    /**
     * A raw UDP registrar: the first answer is a challenge, the answer to it is declared stale
     * with a new nonce, and only the answer to that one is accepted.
     */
    private static final class StaleRegistrar implements AutoCloseable {
        final List<String> nonces = new CopyOnWriteArrayList<>();
        private final DatagramSocket socket;
        private final Thread thread;

        StaleRegistrar() throws SocketException {
            socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            thread = new Thread(this::serve, "stale-registrar");
            thread.setDaemon(true);
            thread.start();
        }

        int port() {
            return socket.getLocalPort();
        }

        private void serve() {
            byte[] buffer = new byte[8192];
            while (!socket.isClosed()) {
                try {
                    DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                    socket.receive(packet);
                    String request = new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8);
                    if (!request.startsWith("REGISTER")) {
                        continue;
                    }
                    String nonce = request.contains("nonce=\"n2\"") ? "n2" : request.contains("nonce=\"n1\"") ? "n1" : "none";
                    if (!nonces.contains(nonce)) {
                        nonces.add(nonce); // once each: a UDP retransmission is no new answer
                    }
                    String status = switch (nonce) {
                        case "none" -> "401 Unauthorized\r\nWWW-Authenticate: Digest realm=\"example.com\", nonce=\"n1\", algorithm=MD5, qop=\"auth\"";
                        case "n1" -> "401 Unauthorized\r\nWWW-Authenticate: Digest realm=\"example.com\", nonce=\"n2\", algorithm=MD5, qop=\"auth\", stale=true";
                        default -> "200 OK\r\n" + header(request, "Contact") + ";expires=60";
                    };
                    String response = "SIP/2.0 " + status + "\r\n" + header(request, "Via") + "\r\n" + header(request, "From")
                            + "\r\n" + header(request, "To") + ";tag=raw1\r\n" + header(request, "Call-ID") + "\r\n"
                            + header(request, "CSeq") + "\r\nContent-Length: 0\r\n\r\n";
                    byte[] bytes = response.getBytes(StandardCharsets.UTF_8);
                    socket.send(new DatagramPacket(bytes, bytes.length, packet.getSocketAddress()));
                } catch (java.io.IOException e) {
                    return; // closed
                }
            }
        }

        private static String header(String message, String name) {
            for (String line : message.split("\r\n")) {
                if (line.regionMatches(true, 0, name + ":", 0, name.length() + 1)) {
                    return line;
                }
            }
            throw new AssertionError("no " + name + " in\n" + message);
        }

        @Override
        public void close() {
            socket.close();
            try {
                thread.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
