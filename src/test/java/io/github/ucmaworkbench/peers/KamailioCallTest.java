package io.github.ucmaworkbench.peers;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ucmaworkbench.rtc.RealTimeAddress;
import io.github.ucmaworkbench.rtc.RealTimeConnectionManager;
import io.github.ucmaworkbench.rtc.RealTimeException;
import io.github.ucmaworkbench.rtc.RealTimeServerConnectionManager;
import io.github.ucmaworkbench.rtc.RegistrationState;
import io.github.ucmaworkbench.rtc.SessionReceivedEventArgs;
import io.github.ucmaworkbench.rtc.SignalingHeader;
import io.github.ucmaworkbench.rtc.SignalingSession;
import io.github.ucmaworkbench.rtc.SignalingState;
import io.github.ucmaworkbench.rtc.SignalingStateChangedEventArgs;
import io.github.ucmaworkbench.rtc.SipAuthenticationProtocols;
import io.github.ucmaworkbench.rtc.SipEndpoint;
import io.github.ucmaworkbench.rtc.SipMessageData;
import io.github.ucmaworkbench.rtc.SipResponseData;
import io.github.ucmaworkbench.rtc.SipTransportType;
import io.github.ucmaworkbench.testing.Closer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The classroom's "real server" setting: both our endpoints sign in to a Kamailio (started by the
 * test, on its own loopback port, with {@code src/test/resources/kamailio/kamailio.cfg}) instead
 * of the embedded registrar, and the tutorial's call goes through it — INVITE found via
 * Kamailio's location table, accepted, record-routed ACK and BYE, then both sign out.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class KamailioCallTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path workDir;

    private final Closer closing = new Closer();
    private KamailioProcess kamailio;
    private RealTimeServerConnectionManager serverConnections;
    private SipEndpoint server;
    private SipEndpoint client;

    @AfterEach
    void tearDown() {
        closing.close();
    }

    private SipEndpoint endpoint(String uri, SipTransportType transport, RealTimeConnectionManager manager) {
        SipEndpoint endpoint = new SipEndpoint(uri, SipAuthenticationProtocols.NONE, transport, "127.0.0.1",
                kamailio.port(), true, manager, null);
        endpoint.setOperationTimeout(Duration.ofSeconds(5));
        return endpoint;
    }

    @ParameterizedTest(name = "over {0}")
    @EnumSource(value = SipTransportType.class, names = {"UDP", "TCP"})
    void bothSignInToKamailioAndCompleteACallThroughIt(SipTransportType transport) throws Exception {
        kamailio = closing.add(KamailioProcess.start(workDir));
        InProcessTrace trace = InProcessTrace.mark();
        String why = "Kamailio log:\n%s%s";

        // Server side (lesson 6): listen first, so the Contact we register is the listening address.
        serverConnections = closing.add(new RealTimeServerConnectionManager());
        server = closing.add(endpoint("sip:server@example.com", transport, serverConnections));
        serverConnections.startListening(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        CompletableFuture<SessionReceivedEventArgs> received = new CompletableFuture<>();
        CompletableFuture<SipMessageData> acknowledged = new CompletableFuture<>();
        CompletableFuture<SignalingStateChangedEventArgs> hungUp = new CompletableFuture<>();
        server.sessionReceived().add((sender, e) -> {
            received.complete(e);
            SignalingSession incoming = e.getSession();
            incoming.stateChanged().add((s, change) -> {
                if (change.getState() == SignalingState.DISCONNECTED) {
                    hungUp.complete(change);
                }
            });
            incoming.beginParticipate(ar -> {
                try {
                    acknowledged.complete(((SignalingSession) ar.getAsyncState()).endParticipate(ar));
                } catch (RealTimeException ex) {
                    acknowledged.completeExceptionally(ex);
                }
            }, incoming);
        });
        SipResponseData serverSignedIn = server.register();
        assertThat(serverSignedIn.getResponseCode()).as(why, kamailio.log(), trace.ladder()).isEqualTo(200);
        assertThat(server.getRegistrationState()).isEqualTo(RegistrationState.REGISTERED);

        // Client side (lessons 3 and 5).
        client = closing.add(endpoint("sip:client@example.com", transport, null));
        assertThat(client.register().getResponseCode()).isEqualTo(200);

        SignalingSession call = new SignalingSession(client, new RealTimeAddress("sip:server@example.com"));
        SipMessageData ok = call.participate(List.of(new SignalingHeader("X-Lesson", "6")));

        assertThat(((SipResponseData) ok).getResponseCode()).as(why, kamailio.log(), trace.ladder()).isEqualTo(200);
        assertThat(call.getState()).isEqualTo(SignalingState.CONNECTED);
        SessionReceivedEventArgs invite = received.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        // Kamailio relayed our custom header, and record-routed itself into the dialog.
        assertThat(invite.getRequestData().getHeaderValue("X-Lesson")).isEqualTo("6");
        assertThat(invite.getRequestData().getHeaderValue("Record-Route")).contains("127.0.0.1:" + kamailio.port());
        assertThat(invite.getSession().getRemoteParticipant().getUri()).isEqualTo("sip:client@example.com");
        assertThat(acknowledged.get(WAIT.toMillis(), TimeUnit.MILLISECONDS).getMethod()).isEqualTo("ACK");
        assertThat(invite.getSession().getState()).isEqualTo(SignalingState.CONNECTED);

        call.terminate(); // BYE along the route set, through Kamailio

        assertThat(call.getState()).isEqualTo(SignalingState.DISCONNECTED);
        SignalingStateChangedEventArgs end = hungUp.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(end.getPreviousState()).isEqualTo(SignalingState.CONNECTED);
        assertThat(end.getReason()).contains("BYE");

        // Signing out (lesson 4) is answered by Kamailio's registrar too.
        assertThat(client.unregister().getResponseCode()).isEqualTo(200);
        assertThat(server.unregister().getResponseCode()).isEqualTo(200);
        assertThat(kamailio.log()).contains("INVITE sip:server@example.com").contains("BYE sip:server@");
    }
}
