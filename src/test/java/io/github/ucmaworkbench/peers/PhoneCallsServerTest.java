package io.github.ucmaworkbench.peers;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ucmaworkbench.rtc.SignalingState;
import io.github.ucmaworkbench.rtc.SipTransportType;
import io.github.ucmaworkbench.tutorial.AcceptPolicy;
import io.github.ucmaworkbench.tutorial.IncomingCall;
import io.github.ucmaworkbench.tutorial.ServerManager;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A student's softphone calls the teacher's workbench server (the tutorial's
 * {@link ServerManager}, as the window and the {@code server} command run it) through our
 * registrar, and each accept policy shows on both sides: the phone's own call states and SIP
 * trace, and the server's progress log.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class PhoneCallsServerTest {
    /** How long the teacher in the "Ask me" test takes to decide: longer than any operation timeout. */
    private static final Duration THINKING = Duration.ofSeconds(15);

    @TempDir
    Path workDir;

    private PhoneLab lab;

    @BeforeEach
    void setUp() {
        lab = new PhoneLab(workDir);
    }

    @AfterEach
    void tearDown() {
        lab.close();
    }

    @ParameterizedTest(name = "{0} over {1}")
    @MethodSource("io.github.ucmaworkbench.peers.PhoneKind#withTransports")
    void acceptedCallIsUpOnBothSidesAndThePhonesHangUpIsLogged(PhoneKind kind, SipTransportType transport) throws Exception {
        lab.startRegistrar(kind.digestAlgorithms());
        ServerManager server = lab.listeningServer(transport, new AcceptPolicy.AcceptAll());
        SoftPhone phone = lab.signedInPhone(kind, "alice", transport, false);

        phone.call(lab.serverUri());

        phone.awaitConnected();
        lab.awaitLine("server", "Invite arrived from sip:alice@" + PhoneLab.DOMAIN);
        lab.awaitLine("server", "Session established");
        lab.awaitChange(server, "server connected", () -> server.getSessionState() == SignalingState.CONNECTED);

        phone.hangUp();

        phone.awaitCallEnded();
        lab.awaitLine("server", "The session was closed");
        lab.awaitChange(server, "server disconnected", () -> server.getSessionState() == SignalingState.DISCONNECTED);
        assertThat(lab.errors("server")).as("server errors\n%s", lab.report()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(PhoneKind.class)
    void rejectedCallShowsTheCodeAndOurReasonOnBothSides(PhoneKind kind) throws Exception {
        lab.startRegistrar(kind.digestAlgorithms());
        lab.listeningServer(SipTransportType.UDP, new AcceptPolicy.Reject(486, "The teacher is busy"));
        SoftPhone phone = lab.signedInPhone(kind, "alice", SipTransportType.UDP, false);

        phone.call(lab.serverUri());

        phone.awaitCallRejected(486, "The teacher is busy");
        lab.awaitLine("server", "The invite was rejected with 486 The teacher is busy");
        assertThat(lab.errors("server")).as("server errors\n%s", lab.report()).isEmpty();
    }

    /** The phone rings while the teacher thinks; neither side gives up, and the late "yes" connects the call. */
    @ParameterizedTest
    @EnumSource(PhoneKind.class)
    void askMeAnsweredAfterFifteenSecondsConnects(PhoneKind kind) throws Exception {
        ScheduledExecutorService teacher = Executors.newSingleThreadScheduledExecutor();
        try {
            lab.startRegistrar(kind.digestAlgorithms());
            CompletableFuture<IncomingCall> asked = new CompletableFuture<>();
            CompletableFuture<Void> decided = new CompletableFuture<>();
            ServerManager server = lab.listeningServer(SipTransportType.UDP, new AcceptPolicy.Ask((call, accept) -> {
                asked.complete(call);
                teacher.schedule(() -> {
                    accept.accept(true);
                    decided.complete(null);
                }, THINKING.toMillis(), TimeUnit.MILLISECONDS);
            }, Duration.ofSeconds(40)));
            SoftPhone phone = lab.signedInPhone(kind, "alice", SipTransportType.UDP, false);

            phone.call(lab.serverUri());

            phone.awaitRinging();
            assertThat(asked.get(PhoneLab.WAIT.toSeconds(), TimeUnit.SECONDS).callerUri()).isEqualTo(phone.aor());
            decided.get(THINKING.plusSeconds(10).toSeconds(), TimeUnit.SECONDS);
            phone.awaitConnected();
            lab.awaitLine("server", "Session established");
            lab.awaitChange(server, "server connected", () -> server.getSessionState() == SignalingState.CONNECTED);
            assertThat(lab.errors("server")).as("server errors\n%s", lab.report()).isEmpty();
        } finally {
            teacher.shutdownNow();
        }
    }

    /**
     * The README's classroom recipe: the registrar's domain is its own address, so the phone's
     * account is only user, domain (that address) and password, with no proxy or route to set.
     */
    @ParameterizedTest
    @EnumSource(PhoneKind.class)
    void phoneWithOnlyUserDomainAndPasswordCallsTheServer(PhoneKind kind) throws Exception {
        lab.startRegistrarServingItsAddress(kind.digestAlgorithms());
        ServerManager server = lab.listeningServer(SipTransportType.UDP, new AcceptPolicy.AcceptAll());
        SoftPhone phone = lab.signedInPhone(kind, "alice", SipTransportType.UDP, false);

        phone.call(lab.serverUri());

        phone.awaitConnected();
        lab.awaitLine("server", "Session established");
        lab.awaitChange(server, "server connected", () -> server.getSessionState() == SignalingState.CONNECTED);
        assertThat(lab.errors("server")).as("server errors\n%s", lab.report()).isEmpty();
    }

    /** A phone's hold and resume are re-INVITEs: the server answers both and says so once each, and the call stays up. */
    @ParameterizedTest
    @EnumSource(PhoneKind.class)
    void phoneHoldsAndResumesTheCall(PhoneKind kind) throws Exception {
        lab.startRegistrar(kind.digestAlgorithms());
        ServerManager server = lab.listeningServer(SipTransportType.UDP, new AcceptPolicy.AcceptAll());
        SoftPhone phone = lab.signedInPhone(kind, "alice", SipTransportType.UDP, false);
        phone.call(lab.serverUri());
        phone.awaitConnected();
        lab.awaitLine("server", "Session established");

        phone.hold();
        lab.awaitLine("server", "put the call on hold");
        phone.awaitHeld();
        phone.resume();
        lab.awaitLine("server", "resumed the call");

        assertThat(server.getSessionState()).as("server session\n%s", lab.report()).isEqualTo(SignalingState.CONNECTED);
        phone.hangUp();
        phone.awaitCallEnded();
        lab.awaitLine("server", "The session was closed");
        assertThat(lab.errors("server")).as("server errors\n%s", lab.report()).isEmpty();
    }
}
