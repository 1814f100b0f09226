package io.github.ucmaworkbench.rtc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A client that sends straight to a listening server endpoint (no registrar in between). */
class DirectSessionTest {
    private final RealTimeServerConnectionManager serverManager = new RealTimeServerConnectionManager();
    private SipEndpoint server;
    private SipEndpoint client;

    @AfterEach
    void tearDown() {
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.close();
        }
        serverManager.close();
    }

    private InetSocketAddress startServer(SipTransportType transport) throws Exception {
        server = new SipEndpoint("sip:server@example.com", SipAuthenticationProtocols.NONE, transport,
                "127.0.0.1", 9, true, serverManager, null);
        return serverManager.startListening(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    }

    @Test
    void listeningReportsARealPort() throws Exception {
        InetSocketAddress bound = startServer(SipTransportType.TCP);
        assertThat(bound.getPort()).isPositive();
        assertThat(bound.getAddress().isAnyLocalAddress()).isFalse();
        assertThat(serverManager.isListening()).isTrue();
        assertThatThrownBy(() -> serverManager.startListening(bound)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void inviteIsAcceptedWithHeadersOverTcpAndUdp() throws Exception {
        for (SipTransportType transport : List.of(SipTransportType.TCP, SipTransportType.UDP)) {
            tearDown();
            RealTimeServerConnectionManager manager = new RealTimeServerConnectionManager();
            server = new SipEndpoint("sip:server@example.com", SipAuthenticationProtocols.NONE, transport,
                    "127.0.0.1", 9, true, manager, null);
            InetSocketAddress bound = manager.startListening(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            CompletableFuture<SessionReceivedEventArgs> received = new CompletableFuture<>();
            CompletableFuture<SipMessageData> accepted = new CompletableFuture<>();
            server.sessionReceived().add((sender, e) -> {
                received.complete(e);
                e.getSession().beginParticipate(ar -> {
                    try {
                        accepted.complete(((SignalingSession) ar.getAsyncState()).endParticipate(ar));
                    } catch (RealTimeException ex) {
                        accepted.completeExceptionally(ex);
                    }
                }, e.getSession());
            });
            client = new SipEndpoint("sip:client@example.com", SipAuthenticationProtocols.NONE, transport,
                    "127.0.0.1", bound.getPort(), true, null, null);
            SignalingSession session = new SignalingSession(client, new RealTimeAddress("sip:server@example.com"));
            SipMessageData ok = session.participate(List.of(new SignalingHeader("X-Lesson", "6")));

            assertThat(((SipResponseData) ok).getResponseCode()).isEqualTo(200);
            assertThat(received.get(5, TimeUnit.SECONDS).getRequestData().getHeaderValue("X-Lesson")).isEqualTo("6");
            assertThat(accepted.get(5, TimeUnit.SECONDS).getMethod()).isEqualTo("ACK");
            assertThat(session.getState()).isEqualTo(SignalingState.CONNECTED);

            SignalingSession serverSide = received.get().getSession();
            CompletableFuture<SignalingStateChangedEventArgs> hungUp = new CompletableFuture<>();
            serverSide.stateChanged().add((s, e) -> {
                if (e.getState() == SignalingState.DISCONNECTED) {
                    hungUp.complete(e);
                }
            });
            session.terminate();
            assertThat(hungUp.get(5, TimeUnit.SECONDS).getReason()).contains("BYE");
            manager.close();
        }
    }

    /**
     * A handler that accepts synchronously ({@code participate()} inside {@code sessionReceived},
     * the lesson's sync form) gets the ACK, and an asynchronous accept still calls back on an rtc
     * worker: since the 200 OK goes out on the handler's own worker, neither may depend on a
     * second worker being woken for it.
     */
    @Test
    void anAcceptFromTheHandlerWorksSyncAndCallsBackOnAWorker() throws Exception {
        InetSocketAddress bound = startServer(SipTransportType.UDP);
        CompletableFuture<String> syncAck = new CompletableFuture<>();
        CompletableFuture<String> asyncCallbackThread = new CompletableFuture<>();
        server.sessionReceived().add((sender, e) -> {
            if (!syncAck.isDone()) {
                try {
                    syncAck.complete(e.getSession().participate().getMethod() + " on " + Thread.currentThread().getName());
                } catch (RealTimeException ex) {
                    syncAck.completeExceptionally(ex);
                }
            } else {
                e.getSession().beginParticipate(ar -> asyncCallbackThread.complete(Thread.currentThread().getName()), null);
            }
        });
        client = new SipEndpoint("sip:client@example.com", SipAuthenticationProtocols.NONE, SipTransportType.UDP,
                "127.0.0.1", bound.getPort(), true, null, null);
        for (int call = 0; call < 2; call++) {
            SignalingSession session = new SignalingSession(client, new RealTimeAddress("sip:server@example.com"));
            assertThat(((SipResponseData) session.participate()).getResponseCode()).isEqualTo(200);
            session.terminate();
        }

        assertThat(syncAck.get(5, TimeUnit.SECONDS)).startsWith("ACK on ucma-worker-");
        assertThat(asyncCallbackThread.get(5, TimeUnit.SECONDS)).startsWith("ucma-worker-");
    }
}
