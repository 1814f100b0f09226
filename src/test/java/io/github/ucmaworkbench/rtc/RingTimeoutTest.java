package io.github.ucmaworkbench.rtc;

import static io.github.ucmaworkbench.rtc.RtcFixture.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.ucmaworkbench.testing.TestUa;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The operation timeout covers an outgoing INVITE until the callee rings; after 180 the caller
 * waits for a person, up to the ring timeout, then cancels. Through the embedded registrar's
 * proxy, which sends its own 100 Trying first: that must not count as ringing.
 */
class RingTimeoutTest {
    private static final RealTimeAddress SERVER = new RealTimeAddress("sip:server@example.com");
    private RtcFixture fixture;
    private final ScheduledExecutorService later = Executors.newSingleThreadScheduledExecutor();

    @BeforeEach
    void startRegistrar() throws Exception {
        fixture = new RtcFixture();
    }

    @AfterEach
    void tearDown() {
        later.shutdownNow();
        fixture.close();
    }

    private SipEndpoint signedInClient(Duration operationTimeout) throws Exception {
        SipEndpoint client = fixture.client(SipTransportType.UDP);
        client.register();
        client.setOperationTimeout(operationTimeout);
        return client;
    }

    @Test
    void aCalleeWhoRingsAndAnswersAfterTheOperationTimeoutIsConnected() throws Exception {
        SipEndpoint server = fixture.listeningServer(SipTransportType.UDP);
        CompletableFuture<SignalingSession> accepted = new CompletableFuture<>();
        // The person picks up 4 s after the phone starts ringing: twice the caller's operation timeout.
        server.sessionReceived().add((sender, e) -> later.schedule(() -> e.getSession().beginParticipate(ar -> {
            try {
                e.getSession().endParticipate(ar);
                accepted.complete(e.getSession());
            } catch (RealTimeException ex) {
                accepted.completeExceptionally(ex);
            }
        }, null), 4, TimeUnit.SECONDS));
        SipEndpoint client = signedInClient(Duration.ofSeconds(2));
        SignalingSession session = new SignalingSession(client, SERVER);
        List<SignalingState> states = new CopyOnWriteArrayList<>();
        session.stateChanged().add((sender, e) -> states.add(e.getState()));

        SipMessageData ok = session.participate();

        assertThat(((SipResponseData) ok).getResponseCode()).isEqualTo(200);
        assertThat(session.getState()).isEqualTo(SignalingState.CONNECTED);
        assertThat(await(accepted).getState()).isEqualTo(SignalingState.CONNECTED);
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> states.contains(SignalingState.CONNECTED));
        assertThat(states).containsSubsequence(SignalingState.CONNECTING, SignalingState.ALERTED, SignalingState.CONNECTED);
        session.terminate();
    }

    @Test
    void aCalleeWhoRingsPastTheRingTimeoutIsCancelledAndTheCallerIsToldWhy() throws Exception {
        SipEndpoint server = fixture.listeningServer(SipTransportType.UDP);
        CompletableFuture<String> calleeEnded = new CompletableFuture<>();
        server.sessionReceived().add((sender, e) -> e.getSession().stateChanged().add((s, change) -> {
            if (change.getState() == SignalingState.DISCONNECTED) {
                calleeEnded.complete(change.getReason());
            }
        }));
        SipEndpoint client = signedInClient(Duration.ofSeconds(2));
        client.setRingTimeout(Duration.ofSeconds(3));
        SignalingSession session = new SignalingSession(client, SERVER);

        assertThatThrownBy(session::participate).isInstanceOf(OperationTimeoutException.class)
                .hasMessageContaining("the callee did not answer within 3 s");

        assertThat(session.getState()).isEqualTo(SignalingState.DISCONNECTED);
        // The callee heard our CANCEL (its INVITE ended with 487), so it stopped ringing.
        assertThat(await(calleeEnded)).contains("CANCEL");
    }

    @Test
    void aCalleeWhoSendsNothingTimesOutAtTheOperationTimeoutDespiteTheProxys100() throws Exception {
        try (DatagramSocket silent = new DatagramSocket(0, InetAddress.getLoopbackAddress());
                TestUa registering = TestUa.start("server", "example.com", "udp")) {
            // sip:server@example.com is bound to a socket that reads nothing and answers nothing.
            assertThat(registering.call(registering.register(fixture.registrarAddress, 60,
                    "<sip:server@127.0.0.1:" + silent.getLocalPort() + ";transport=udp>")).getStatusCode()).isEqualTo(200);
            SipEndpoint client = signedInClient(Duration.ofSeconds(2));
            SignalingSession session = new SignalingSession(client, SERVER);
            List<SignalingState> states = new CopyOnWriteArrayList<>();
            session.stateChanged().add((sender, e) -> states.add(e.getState()));

            assertThatThrownBy(session::participate).isInstanceOf(OperationTimeoutException.class)
                    .hasMessageContaining("no final response to INVITE within 2 s");

            assertThat(session.getState()).isEqualTo(SignalingState.DISCONNECTED);
            assertThat(states).doesNotContain(SignalingState.ALERTED);
        }
    }

    @Test
    void theRingTimeoutMustBePositive() {
        SipEndpoint client = fixture.client(SipTransportType.UDP);
        assertThat(client.getRingTimeout()).isEqualTo(SipEndpoint.DEFAULT_RING_TIMEOUT);
        assertThatThrownBy(() -> client.setRingTimeout(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> client.setRingTimeout(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
