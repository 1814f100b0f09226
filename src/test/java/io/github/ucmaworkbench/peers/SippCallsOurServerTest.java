package io.github.ucmaworkbench.peers;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ucmaworkbench.registrar.RegistrarConfig;
import io.github.ucmaworkbench.registrar.RegistrarService;
import io.github.ucmaworkbench.rtc.RealTimeException;
import io.github.ucmaworkbench.rtc.RealTimeServerConnectionManager;
import io.github.ucmaworkbench.rtc.SessionReceivedEventArgs;
import io.github.ucmaworkbench.rtc.SignalingSession;
import io.github.ucmaworkbench.rtc.SignalingState;
import io.github.ucmaworkbench.rtc.SignalingStateChangedEventArgs;
import io.github.ucmaworkbench.rtc.SipAuthenticationProtocols;
import io.github.ucmaworkbench.rtc.SipEndpoint;
import io.github.ucmaworkbench.rtc.SipMessageData;
import io.github.ucmaworkbench.rtc.SipTransportType;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * SIPp plays the tutorial's client against our server endpoint, through our embedded registrar:
 * our {@link SipEndpoint} signs in and listens (lesson 6), SIPp sends an INVITE with custom
 * headers to {@code sip:server@example.com} via the registrar, and our server accepts it (SIPp
 * then ACKs along the record-routed path and hangs up with BYE) or rejects it with 486. SIPp's
 * exit code 0 says every message it expected came, in order.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SippCallsOurServerTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path workDir;

    private RegistrarService registrar;
    private RealTimeServerConnectionManager connectionManager;
    private SipEndpoint server;

    @AfterEach
    void tearDown() {
        if (server != null) {
            server.close();
        }
        if (connectionManager != null) {
            connectionManager.close();
        }
        if (registrar != null) {
            registrar.close();
        }
    }

    /** Starts the registrar, then our server: listening first, so the registered Contact is the listening address. */
    private InetSocketAddress serverSignedInAndListening(SipTransportType transport) throws Exception {
        registrar = new RegistrarService(RegistrarConfig.builder().port(0).build());
        InetSocketAddress registrarAddress = registrar.start();
        connectionManager = new RealTimeServerConnectionManager();
        server = new SipEndpoint("sip:server@example.com", SipAuthenticationProtocols.NONE, transport,
                registrarAddress.getAddress().getHostAddress(), registrarAddress.getPort(), true, connectionManager, null);
        server.setOperationTimeout(Duration.ofSeconds(5));
        connectionManager.startListening(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        assertThat(server.register().getResponseCode()).isEqualTo(200);
        return registrarAddress;
    }

    private SippRun.Builder sippCaller(String scenario, SipTransportType transport, InetSocketAddress registrarAddress) {
        return SippRun.scenario(scenario)
                .transport(transport.name().toLowerCase(Locale.ROOT))
                .remote(registrarAddress.getAddress().getHostAddress() + ":" + registrarAddress.getPort())
                .service("server")
                .key("domain", "example.com")
                .key("lesson", "6")
                .key("student", "ada");
    }

    @ParameterizedTest(name = "over {0}")
    @EnumSource(value = SipTransportType.class, names = {"UDP", "TCP"})
    void sippCallIsAcceptedWithItsCustomHeadersAndEndedByBye(SipTransportType transport) throws Exception {
        SippRun.scenario("uac-invite-accepted.xml"); // skips (or fails in CI) before any setup if SIPp is missing
        InetSocketAddress registrarAddress = serverSignedInAndListening(transport);
        CompletableFuture<SessionReceivedEventArgs> received = new CompletableFuture<>();
        CompletableFuture<SipMessageData> acknowledged = new CompletableFuture<>();
        CompletableFuture<SignalingStateChangedEventArgs> hungUp = new CompletableFuture<>();
        server.sessionReceived().add((sender, e) -> {
            received.complete(e);
            SignalingSession session = e.getSession();
            session.stateChanged().add((s, change) -> {
                if (change.getState() == SignalingState.DISCONNECTED) {
                    hungUp.complete(change);
                }
            });
            session.beginParticipate(ar -> {
                try {
                    acknowledged.complete(((SignalingSession) ar.getAsyncState()).endParticipate(ar));
                } catch (RealTimeException ex) {
                    acknowledged.completeExceptionally(ex);
                }
            }, session);
        });

        InProcessTrace trace = InProcessTrace.mark();
        try (SippRun sipp = sippCaller("uac-invite-accepted.xml", transport, registrarAddress).start(workDir)) {
            int exit = sipp.awaitExit(SippRun.SIPP_TIMEOUT.plusSeconds(5));
            assertThat(exit).as("SIPp exit code (0 = the call went as scripted)\n%s%s", sipp.report(), trace.ladder()).isZero();
        }

        SessionReceivedEventArgs invite = received.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(invite.getRequestData().getHeaderValue("X-Lesson")).isEqualTo("6");
        assertThat(invite.getRequestData().getHeaderValue("X-Student")).isEqualTo("ada");
        assertThat(invite.getSession().getRemoteParticipant().getUri()).isEqualTo("sip:sipp@example.com");
        assertThat(acknowledged.get(WAIT.toMillis(), TimeUnit.MILLISECONDS).getMethod()).isEqualTo("ACK");
        SignalingStateChangedEventArgs end = hungUp.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(end.getPreviousState()).isEqualTo(SignalingState.CONNECTED);
        assertThat(end.getReason()).contains("BYE");
    }

    @ParameterizedTest(name = "over {0}")
    @EnumSource(value = SipTransportType.class, names = {"UDP", "TCP"})
    void sippCallIsRejectedWithBusyHere(SipTransportType transport) throws Exception {
        SippRun.scenario("uac-invite-busy.xml");
        InetSocketAddress registrarAddress = serverSignedInAndListening(transport);
        CompletableFuture<SessionReceivedEventArgs> received = new CompletableFuture<>();
        CompletableFuture<Throwable> rejected = new CompletableFuture<>();
        server.sessionReceived().add((sender, e) -> {
            received.complete(e);
            try {
                e.getSession().terminateWithRejection(486, "Busy Here", null);
                rejected.complete(null);
            } catch (RealTimeException | RuntimeException ex) {
                rejected.complete(ex);
            }
        });

        InProcessTrace trace = InProcessTrace.mark();
        try (SippRun sipp = sippCaller("uac-invite-busy.xml", transport, registrarAddress).start(workDir)) {
            int exit = sipp.awaitExit(SippRun.SIPP_TIMEOUT.plusSeconds(5));
            assertThat(exit).as("SIPp exit code (0 = the call went as scripted)\n%s%s", sipp.report(), trace.ladder()).isZero();
        }

        SessionReceivedEventArgs invite = received.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(rejected.get(WAIT.toMillis(), TimeUnit.MILLISECONDS)).as("terminateWithRejection threw").isNull();
        assertThat(invite.getRequestData().getHeaderValue("X-Lesson")).isEqualTo("6");
        assertThat(invite.getSession().getState()).isEqualTo(SignalingState.DISCONNECTED);
    }
}
