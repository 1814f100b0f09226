package io.github.ucmaworkbench.peers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.ucmaworkbench.rtc.AsyncResult;
import io.github.ucmaworkbench.rtc.FailureResponseException;
import io.github.ucmaworkbench.rtc.OperationTimeoutException;
import io.github.ucmaworkbench.rtc.RealTimeAddress;
import io.github.ucmaworkbench.rtc.SignalingHeader;
import io.github.ucmaworkbench.rtc.SignalingSession;
import io.github.ucmaworkbench.rtc.SignalingState;
import io.github.ucmaworkbench.rtc.SipAuthenticationProtocols;
import io.github.ucmaworkbench.rtc.SipEndpoint;
import io.github.ucmaworkbench.rtc.SipMessageData;
import io.github.ucmaworkbench.rtc.SipResponseData;
import io.github.ucmaworkbench.rtc.SipTransportType;
import io.github.ucmaworkbench.testing.FreePorts;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Our client endpoint calls a SIPp UAS (lesson 5 against a server that is not ours): SIPp
 * listens on its own loopback port and is the endpoint's "server", so the INVITE's preloaded
 * Route leads straight to it — no registrar, no REGISTER. SIPp accepts (and later takes our BYE)
 * or declines with 603; its exit code 0 says it saw exactly the messages it scripted.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class OurClientCallsSippTest {
    private static final Duration BIND_LIMIT = Duration.ofSeconds(5);

    @TempDir
    Path workDir;

    private SipEndpoint client;

    @AfterEach
    void tearDown() {
        if (client != null) {
            client.close();
        }
    }

    /** Starts SIPp on a free port and waits until its socket is bound (so TCP can connect at once). */
    private SippRun sippAnswering(String scenario, SipTransportType transport, int port) throws Exception {
        return sippAnswering(scenario, transport, port, SippRun.SIPP_TIMEOUT);
    }

    private SippRun sippAnswering(String scenario, SipTransportType transport, int port, Duration limit) throws Exception {
        String name = transport.name().toLowerCase(Locale.ROOT);
        SippRun sipp = SippRun.scenario(scenario).transport(name).localPort(port).timeout(limit).start(workDir);
        if (!BoundPorts.awaitBound(port, name, sipp.process(), BIND_LIMIT)) {
            String report = sipp.report();
            sipp.close();
            throw new AssertionError("SIPp did not bind " + name + " port " + port + " within "
                    + BIND_LIMIT.toSeconds() + " s\n" + report);
        }
        return sipp;
    }

    private SignalingSession sessionTo(SipTransportType transport, int port) {
        client = new SipEndpoint("sip:client@example.com", SipAuthenticationProtocols.NONE, transport,
                "127.0.0.1", port, true, null, null);
        client.setOperationTimeout(Duration.ofSeconds(5));
        return new SignalingSession(client, new RealTimeAddress("sip:service@127.0.0.1:" + port));
    }

    @ParameterizedTest(name = "over {0}")
    @EnumSource(value = SipTransportType.class, names = {"UDP", "TCP"})
    void sippAcceptsOurInviteAndOurByeEndsTheCall(SipTransportType transport) throws Exception {
        SippRun.scenario("uas-answer-then-bye.xml"); // skips (or fails in CI) before any setup if SIPp is missing
        int port = FreePorts.pick();
        InProcessTrace trace = InProcessTrace.mark();
        try (SippRun sipp = sippAnswering("uas-answer-then-bye.xml", transport, port)) {
            SignalingSession session = sessionTo(transport, port);
            CompletableFuture<SignalingState> alerted = new CompletableFuture<>();
            session.stateChanged().add((sender, e) -> {
                if (e.getState() == SignalingState.ALERTED) {
                    alerted.complete(e.getState());
                }
            });

            SipMessageData ok = session.participate(List.of(new SignalingHeader("X-Lesson", "5")));

            assertThat(ok).isInstanceOf(SipResponseData.class);
            assertThat(((SipResponseData) ok).getResponseCode()).isEqualTo(200);
            // SIPp copied the header it found in our INVITE into its 200 OK.
            assertThat(ok.getHeaderValue("X-Lesson-Seen")).isEqualTo("5");
            assertThat(alerted.get(5, TimeUnit.SECONDS)).isEqualTo(SignalingState.ALERTED);
            assertThat(session.getState()).isEqualTo(SignalingState.CONNECTED);

            session.terminate();

            assertThat(session.getState()).isEqualTo(SignalingState.DISCONNECTED);
            int exit = sipp.awaitExit(SippRun.SIPP_TIMEOUT.plusSeconds(5));
            assertThat(exit).as("SIPp exit code (0 = the call went as scripted)\n%s%s", sipp.report(), trace.ladder()).isZero();
        }
    }

    @ParameterizedTest(name = "over {0}")
    @EnumSource(value = SipTransportType.class, names = {"UDP", "TCP"})
    void sippDeclinesAndEndParticipateReportsCodeAndReason(SipTransportType transport) throws Exception {
        SippRun.scenario("uas-decline.xml");
        int port = FreePorts.pick();
        InProcessTrace trace = InProcessTrace.mark();
        try (SippRun sipp = sippAnswering("uas-decline.xml", transport, port)) {
            SignalingSession session = sessionTo(transport, port);
            CompletableFuture<AsyncResult> done = new CompletableFuture<>();

            AsyncResult started = session.beginParticipate(done::complete, session);
            AsyncResult completed = done.get(10, TimeUnit.SECONDS);
            Throwable failure = catchThrowable(() -> session.endParticipate(completed));

            assertThat(completed).isSameAs(started);
            assertThat(failure).isInstanceOf(FailureResponseException.class);
            SipResponseData response = ((FailureResponseException) failure).getResponseData();
            assertThat(response.getResponseCode()).isEqualTo(603);
            assertThat(response.getResponseText()).isEqualTo("Decline");
            assertThat(session.getState()).isEqualTo(SignalingState.DISCONNECTED);
            int exit = sipp.awaitExit(SippRun.SIPP_TIMEOUT.plusSeconds(5));
            assertThat(exit).as("SIPp exit code (0 = our ACK completed the declined INVITE)\n%s%s", sipp.report(), trace.ladder()).isZero();
        }
    }

    /**
     * A person who lets it ring 15 s: three times the caller's operation timeout. From the 180 on
     * the caller waits for the person (the ring timeout, 60 s), so the call is answered, not
     * cancelled; a CANCEL would make SIPp fail.
     */
    @Test
    void aCalleeWhoRingsFifteenSecondsBeforeAnsweringIsConnected() throws Exception {
        SippRun.scenario("uas-ring-15s-then-answer.xml");
        int port = FreePorts.pick();
        InProcessTrace trace = InProcessTrace.mark();
        Duration sippLimit = Duration.ofSeconds(30);
        try (SippRun sipp = sippAnswering("uas-ring-15s-then-answer.xml", SipTransportType.UDP, port, sippLimit)) {
            SignalingSession session = sessionTo(SipTransportType.UDP, port);
            assertThat(client.getOperationTimeout()).isLessThan(Duration.ofSeconds(15));

            SipMessageData ok = session.participate();

            assertThat(((SipResponseData) ok).getResponseCode()).as(trace.ladder()).isEqualTo(200);
            assertThat(session.getState()).isEqualTo(SignalingState.CONNECTED);
            session.terminate();
            int exit = sipp.awaitExit(sippLimit.plusSeconds(5));
            assertThat(exit).as("SIPp exit code (0 = answered after 15 s of ringing, ACK and BYE)\n%s%s", sipp.report(),
                    trace.ladder()).isZero();
        }
    }

    /**
     * The callee picks up just as the ring timeout cancels (the 200 crosses the CANCEL, RFC 3261
     * §9.1): the caller's participate still fails as a timeout, but the call the callee now has
     * is acknowledged and hung up, so no one is left in a half-open call.
     */
    @Test
    void anAnswerThatCrossesTheRingTimeoutsCancelIsAcknowledgedAndHungUp() throws Exception {
        SippRun.scenario("uas-answer-crossing-cancel.xml");
        int port = FreePorts.pick();
        InProcessTrace trace = InProcessTrace.mark();
        try (SippRun sipp = sippAnswering("uas-answer-crossing-cancel.xml", SipTransportType.UDP, port)) {
            SignalingSession session = sessionTo(SipTransportType.UDP, port);
            client.setRingTimeout(Duration.ofSeconds(2));

            Throwable failure = catchThrowable(session::participate);

            assertThat(failure).as(trace.ladder()).isInstanceOf(OperationTimeoutException.class)
                    .hasMessageContaining("did not answer within 2 s");
            assertThat(session.getState()).isEqualTo(SignalingState.DISCONNECTED);
            int exit = sipp.awaitExit(SippRun.SIPP_TIMEOUT.plusSeconds(5));
            assertThat(exit).as("SIPp exit code (0 = our ACK and BYE ended the call that crossed our CANCEL)\n%s%s",
                    sipp.report(), trace.ladder()).isZero();
        }
    }
}
