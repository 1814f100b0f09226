package io.github.ucmaworkbench.rtc;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ucmaworkbench.testing.MalformedSip;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * A classroom is hostile: a listening endpoint gets thousands of malformed messages over UDP and
 * TCP, and afterwards a normal call through the registrar still completes.
 */
class MalformedInputTest {
    private static final int MUTATIONS = 1500;

    @Test
    void aListeningEndpointSurvivesMalformedSipOverUdpAndTcp() throws Exception {
        try (RtcFixture fixture = new RtcFixture()) {
            SipEndpoint server = fixture.listeningServer(SipTransportType.UDP);
            InetSocketAddress target = ((RealTimeServerConnectionManager) server.getConnectionManager()).getListeningAddress();
            List<byte[]> inputs = new ArrayList<>(MalformedSip.corpus("sip:server@example.com", "127.0.0.1", 5999, "UDP"));
            inputs.addAll(MalformedSip.mutations("sip:server@example.com", "127.0.0.1", 5999, "UDP", 42, MUTATIONS));

            try (DatagramSocket udp = new DatagramSocket()) {
                for (byte[] input : inputs) {
                    udp.send(new DatagramPacket(input, Math.min(input.length, 65_000), target));
                }
            }
            for (byte[] input : inputs.subList(0, 60)) {
                try (Socket tcp = new Socket(target.getAddress(), target.getPort())) {
                    OutputStream out = tcp.getOutputStream();
                    out.write(input);
                    out.flush();
                } catch (java.io.IOException closedByPeer) {
                    // the stack may drop the connection: that is an acceptable answer to garbage
                }
            }

            // Some mutations are still valid INVITEs and may arrive late: decline those, accept
            // only the real client's call, which must still go through.
            CompletableFuture<SignalingSession> accepted = new CompletableFuture<>();
            server.sessionReceived().add((sender, e) -> {
                SignalingSession incoming = e.getSession();
                if (!incoming.getRemoteParticipant().getUri().equals("sip:client@example.com")) {
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
            SipEndpoint client = fixture.client(SipTransportType.UDP);
            client.register();
            SignalingSession session = new SignalingSession(client, new RealTimeAddress("sip:server@example.com"));
            assertThat(((SipResponseData) session.participate()).getResponseCode()).isEqualTo(200);
            assertThat(RtcFixture.await(accepted).getState()).isEqualTo(SignalingState.CONNECTED);
        }
    }

    @Test
    void aPeerThatVanishesMidCallMakesByeTimeOut() throws Exception {
        try (RtcFixture fixture = new RtcFixture()) {
            SipEndpoint server = fixture.listeningServer(SipTransportType.UDP);
            CompletableFuture<SignalingSession> accepted = RtcFixture.acceptNext(server);
            SipEndpoint client = fixture.client(SipTransportType.UDP);
            client.register();
            client.setOperationTimeout(java.time.Duration.ofMillis(1500));
            SignalingSession session = new SignalingSession(client, new RealTimeAddress("sip:server@example.com"));
            session.participate();
            RtcFixture.await(accepted);

            server.getConnectionManager().close(); // the server's process "dies": no BYE, no answers

            org.assertj.core.api.Assertions.assertThatThrownBy(session::terminate)
                    .isInstanceOf(OperationTimeoutException.class);
            assertThat(session.getState()).isEqualTo(SignalingState.DISCONNECTED);
        }
    }
}
