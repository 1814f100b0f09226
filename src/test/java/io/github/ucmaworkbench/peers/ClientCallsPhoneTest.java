package io.github.ucmaworkbench.peers;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ucmaworkbench.rtc.SignalingHeader;
import io.github.ucmaworkbench.rtc.SignalingState;
import io.github.ucmaworkbench.rtc.SipTransportType;
import io.github.ucmaworkbench.tutorial.ClientManager;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The workbench client (the tutorial's {@link ClientManager}) calls a student's softphone that
 * answers by itself: the call is up on both sides, the INVITE's custom headers arrive as sent
 * (the phone's own SIP trace shows them), and the client's hang-up ends it on the phone; a phone
 * that rings 15 s before someone picks it up is waited for.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ClientCallsPhoneTest {
    /** Longer than the client's operation timeout (8 s here), shorter than its ring timeout (60 s). */
    private static final Duration PICK_UP_AFTER = Duration.ofSeconds(15);

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
    void clientCallsAnAnsweringPhoneWithCustomHeadersThenHangsUp(PhoneKind kind, SipTransportType transport)
            throws Exception {
        lab.startRegistrar(kind.digestAlgorithms());
        SoftPhone phone = lab.signedInPhone(kind, "bob", transport, true);
        ClientManager client = lab.signedInClient(transport, phone.aor());

        client.sendInvite(List.of(new SignalingHeader("X-Student-Id", "s-4242"), new SignalingHeader("X-Lesson", "5")), false);

        lab.awaitLine("client", "Session established");
        lab.awaitChange(client, "client connected", () -> client.getSessionState() == SignalingState.CONNECTED);
        phone.awaitConnected();
        phone.awaitText("X-Student-Id in the received INVITE", "X-Student-Id: s-4242");
        phone.awaitText("X-Lesson in the received INVITE", "X-Lesson: 5");

        client.hangUp();

        lab.awaitLine("client", "The session was ended.");
        phone.awaitCallEnded();
        assertThat(lab.errors("client")).as("client errors\n%s", lab.report()).isEmpty();
    }

    /** The person picks up after 15 s, well past the client's operation timeout: ringing is not a failure. */
    @ParameterizedTest
    @EnumSource(PhoneKind.class)
    void clientWaitsForThePersonWhileThePhoneRings(PhoneKind kind) throws Exception {
        ScheduledExecutorService person = Executors.newSingleThreadScheduledExecutor();
        try {
            lab.startRegistrar(kind.digestAlgorithms());
            SoftPhone phone = lab.signedInPhone(kind, "bob", SipTransportType.UDP, false);
            ClientManager client = lab.signedInClient(SipTransportType.UDP, phone.aor());

            client.sendInvite(List.of(), false);

            phone.awaitIncomingCall();
            lab.awaitLine("client", "The callee is ringing");
            ScheduledFuture<?> pickedUp = person.schedule(() -> {
                phone.answer();
                return null;
            }, PICK_UP_AFTER.toMillis(), TimeUnit.MILLISECONDS);
            pickedUp.get(PICK_UP_AFTER.plusSeconds(10).toMillis(), TimeUnit.MILLISECONDS);
            phone.awaitConnected();
            lab.awaitLine("client", "Session established");
            lab.awaitChange(client, "client connected", () -> client.getSessionState() == SignalingState.CONNECTED);
            assertThat(lab.errors("client")).as("client errors\n%s", lab.report()).isEmpty();
        } finally {
            person.shutdownNow();
        }
    }
}
