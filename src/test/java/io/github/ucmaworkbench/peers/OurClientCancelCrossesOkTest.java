package io.github.ucmaworkbench.peers;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ucmaworkbench.rtc.RealTimeAddress;
import io.github.ucmaworkbench.rtc.RealTimeException;
import io.github.ucmaworkbench.rtc.SignalingSession;
import io.github.ucmaworkbench.rtc.SignalingState;
import io.github.ucmaworkbench.rtc.SignalingStateChangedEventArgs;
import io.github.ucmaworkbench.rtc.SipAuthenticationProtocols;
import io.github.ucmaworkbench.rtc.SipEndpoint;
import io.github.ucmaworkbench.rtc.SipTransportType;
import io.github.ucmaworkbench.testing.FreePorts;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our caller hangs up while the callee rings, and the callee's 200 OK crosses the CANCEL
 * (SIPp plays that callee). RFC 3261 §9.1: the caller must still acknowledge the 200 and then
 * end the call with BYE; SIPp's exit code 0 says both came. The session reports it once.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class OurClientCancelCrossesOkTest {
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

    @Test
    void terminateWhileRingingAcknowledgesAndHangsUpAnOkThatCrossedTheCancel() throws Exception {
        SippRun.scenario("uas-200-crossing-cancel.xml"); // skips (or fails in CI) before any setup if SIPp is missing
        int port = FreePorts.pick();
        InProcessTrace trace = InProcessTrace.mark();
        try (SippRun sipp = SippRun.scenario("uas-200-crossing-cancel.xml").transport("udp").localPort(port).start(workDir)) {
            assertThat(BoundPorts.awaitBound(port, "udp", sipp.process(), Duration.ofSeconds(5))).as("SIPp bound").isTrue();
            client = new SipEndpoint("sip:client@example.com", SipAuthenticationProtocols.NONE, SipTransportType.UDP,
                    "127.0.0.1", port, true, null, null);
            client.setOperationTimeout(Duration.ofSeconds(5));
            SignalingSession session = new SignalingSession(client, new RealTimeAddress("sip:service@127.0.0.1:" + port));
            List<SignalingStateChangedEventArgs> changes = new CopyOnWriteArrayList<>();
            session.stateChanged().add((sender, e) -> changes.add(e));
            CompletableFuture<Throwable> participated = new CompletableFuture<>();
            session.beginParticipate(ar -> {
                try {
                    session.endParticipate(ar);
                    participated.complete(null);
                } catch (RealTimeException e) {
                    participated.complete(e);
                }
            }, null);
            Awaitility.await().atMost(WAIT).until(() -> session.getState() == SignalingState.ALERTED);

            session.terminate();

            int exit = sipp.awaitExit(SippRun.SIPP_TIMEOUT.plusSeconds(5));
            assertThat(exit).as("SIPp exit code (0 = it got the ACK and the BYE)\n%s%s", sipp.report(), trace.ladder()).isZero();
            Throwable outcome = participated.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(outcome).as("participate ends once, saying what happened").isNotNull();
            assertThat(outcome.getMessage()).contains("answered (200 OK) as the invitation was cancelled")
                    .contains("acknowledged (ACK) and ended (BYE)");
            assertThat(changes).filteredOn(e -> e.getState() == SignalingState.DISCONNECTED).hasSize(1);
            assertThat(changes).noneMatch(e -> e.getState() == SignalingState.CONNECTED);
        }
    }
}
