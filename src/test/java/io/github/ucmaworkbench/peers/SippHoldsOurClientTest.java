package io.github.ucmaworkbench.peers;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ucmaworkbench.rtc.RealTimeAddress;
import io.github.ucmaworkbench.rtc.RemoteHoldChangedEventArgs;
import io.github.ucmaworkbench.rtc.SignalingSession;
import io.github.ucmaworkbench.rtc.SignalingState;
import io.github.ucmaworkbench.rtc.SipAuthenticationProtocols;
import io.github.ucmaworkbench.rtc.SipEndpoint;
import io.github.ucmaworkbench.rtc.SipTransportType;
import io.github.ucmaworkbench.testing.FreePorts;
import io.github.ucmaworkbench.tutorial.TextMessagingOfferAnswer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Our client calls a SIPp "phone" with the tutorial's offer; the phone checks it, answers, then
 * holds and resumes the call by re-INVITE. Our side must answer each with matching SDP (SIPp
 * checks), stay CONNECTED, and raise hold and resume once each.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SippHoldsOurClientTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path workDir;

    private SipEndpoint client;

    @AfterEach
    void tearDown() {
        if (client != null) {
            client.close();
        }
    }

    @ParameterizedTest(name = "over {0}")
    @EnumSource(value = SipTransportType.class, names = {"UDP", "TCP"})
    void phoneHoldsAndResumesOurCall(SipTransportType transport) throws Exception {
        SippRun.scenario("uas-answer-hold-resume.xml"); // skips (or fails in CI) before any setup if SIPp is missing
        int port = FreePorts.pick();
        String name = transport.name().toLowerCase(Locale.ROOT);
        InProcessTrace trace = InProcessTrace.mark();
        try (SippRun sipp = SippRun.scenario("uas-answer-hold-resume.xml").transport(name).localPort(port)
                .mediaPort(FreePorts.pick()).start(workDir)) {
            assertThat(BoundPorts.awaitBound(port, name, sipp.process(), Duration.ofSeconds(5)))
                    .as("SIPp bound its port\n%s", sipp.report()).isTrue();
            client = new SipEndpoint("sip:client@example.com", SipAuthenticationProtocols.NONE, transport,
                    "127.0.0.1", port, true, null, null);
            client.setOperationTimeout(Duration.ofSeconds(5));
            SignalingSession session = new SignalingSession(client, new RealTimeAddress("sip:phone@127.0.0.1:" + port));
            session.setOfferAnswerNegotiation(new TextMessagingOfferAnswer());
            List<RemoteHoldChangedEventArgs> holds = new CopyOnWriteArrayList<>();
            List<SignalingState> states = new CopyOnWriteArrayList<>();
            session.remoteHoldChanged().add((sender, e) -> holds.add(e));
            session.stateChanged().add((sender, e) -> states.add(e.getState()));

            session.participate();
            Awaitility.await().atMost(WAIT).until(() -> holds.size() == 2);
            assertThat(session.getState()).isEqualTo(SignalingState.CONNECTED);
            session.terminate();

            int exit = sipp.awaitExit(SippRun.SIPP_TIMEOUT.plusSeconds(5));
            assertThat(exit).as("SIPp exit code (0 = our offer and answers matched)\n%s%s", sipp.report(), trace.ladder()).isZero();
            assertThat(holds).extracting(RemoteHoldChangedEventArgs::isOnHold).containsExactly(true, false);
            assertThat(holds.get(0).getReason()).isEqualTo("a=sendonly");
            assertThat(states).containsExactly(SignalingState.CONNECTING, SignalingState.ALERTED,
                    SignalingState.CONNECTED, SignalingState.DISCONNECTED);
        }
    }
}
