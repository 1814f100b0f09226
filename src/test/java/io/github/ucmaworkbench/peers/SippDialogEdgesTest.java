package io.github.ucmaworkbench.peers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.ucmaworkbench.registrar.RegistrarConfig;
import io.github.ucmaworkbench.registrar.RegistrarService;
import io.github.ucmaworkbench.rtc.RealTimeServerConnectionManager;
import io.github.ucmaworkbench.rtc.RegistrationState;
import io.github.ucmaworkbench.rtc.SipTransportType;
import io.github.ucmaworkbench.tutorial.EndpointSettings;
import io.github.ucmaworkbench.tutorial.ProgressEventArgs;
import io.github.ucmaworkbench.tutorial.ProgressLevel;
import io.github.ucmaworkbench.tutorial.ServerManager;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dialog edges a phone produces, played by SIPp against the tutorial's server (signed in to
 * our registrar, called straight at its listening address as a phone on the LAN would): each
 * must show in the server's progress log exactly once, with what happened, and never as a
 * failure that did not happen. SIPp's exit code 0 says the phone saw the answers it expects.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class SippDialogEdgesTest {
    private static final Duration WAIT = Duration.ofSeconds(15);
    /** A short wait for the ACK, so the test can outlast it and prove no late "timed out" comes. */
    private Duration ackWindow = Duration.ofMillis(1500);

    @TempDir
    Path workDir;

    private final List<ProgressEventArgs> serverLog = new CopyOnWriteArrayList<>();
    private RegistrarService registrar;
    private ServerManager server;

    @AfterEach
    void tearDown() {
        System.clearProperty("ucma.ackTimeoutMs");
        if (server != null) {
            server.close();
        }
        if (registrar != null) {
            registrar.close();
        }
    }

    /** The tutorial's server, signed in over UDP and listening; returns where a phone reaches it. */
    private String serverListening() throws Exception {
        System.setProperty("ucma.ackTimeoutMs", String.valueOf(ackWindow.toMillis()));
        registrar = new RegistrarService(RegistrarConfig.builder().port(0).build());
        InetSocketAddress at = registrar.start();
        server = new ServerManager(new EndpointSettings("sip:server@example.com", "127.0.0.1", at.getPort(),
                SipTransportType.UDP, null, null));
        server.progress().add((sender, e) -> serverLog.add(e));
        server.signIn();
        await().atMost(WAIT).until(() -> server.getRegistrationState() == RegistrationState.REGISTERED);
        server.startListening();
        await().atMost(WAIT).until(server::isListening);
        InetSocketAddress listening = ((RealTimeServerConnectionManager) server.getEndpoint().getConnectionManager())
                .getListeningAddress();
        return listening.getAddress().getHostAddress() + ":" + listening.getPort();
    }

    private void phoneRuns(String scenario, String target) throws Exception {
        InProcessTrace trace = InProcessTrace.mark();
        try (SippRun sipp = SippRun.scenario(scenario).transport("udp").remote(target).service("server")
                .key("domain", "example.com").start(workDir)) {
            int exit = sipp.awaitExit(SippRun.SIPP_TIMEOUT.plusSeconds(5));
            assertThat(exit).as("SIPp exit code (0 = the phone got what it expects)\n%s%s\nserver log: %s",
                    sipp.report(), trace.ladder(), serverLog).isZero();
        }
    }

    private long lines(String text) {
        return serverLog.stream().filter(e -> e.message().contains(text)).count();
    }

    private int indexOf(String text) {
        for (int i = 0; i < serverLog.size(); i++) {
            if (serverLog.get(i).message().contains(text)) {
                return i;
            }
        }
        return -1;
    }

    private List<String> errors() {
        return serverLog.stream().filter(e -> e.level() == ProgressLevel.ERROR).map(ProgressEventArgs::message).toList();
    }

    /** How many copies of the INVITE's 200 OK SIPp received (its -trace_msg log in the work directory). */
    private long okCopiesSippReceived() throws IOException {
        try (Stream<Path> files = Files.list(workDir)) {
            Path log = files.filter(f -> f.getFileName().toString().endsWith("_messages.log")).findFirst().orElseThrow();
            return Arrays.stream(Files.readString(log, StandardCharsets.ISO_8859_1).split("-{40,}"))
                    .filter(m -> m.contains("message received") && m.contains("\nSIP/2.0 200 ") && m.contains("\nCSeq: 1 INVITE"))
                    .count();
        }
    }

    /** Waits past the ACK window: no failure line may appear in it, nor a second report. */
    private void nothingFalseComesLater(String... onceEach) {
        await().pollDelay(Duration.ZERO).during(ackWindow.plusSeconds(1)).atMost(ackWindow.plusSeconds(10))
                .until(() -> errors().isEmpty() && Arrays.stream(onceEach).allMatch(t -> lines(t) == 1));
    }

    @Test
    void byeBeforeAckIsReportedOnceAsAcceptedThenClosedWithoutAFalseTimeout() throws Exception {
        SippRun.scenario("uac-bye-before-ack.xml"); // skips (or fails in CI) before any setup if SIPp is missing
        String target = serverListening();

        phoneRuns("uac-bye-before-ack.xml", target);

        String accepted = "Session established (BYE ";
        String closed = "The session was closed by the other side (the caller hung up (BYE) before acknowledging our 200 OK";
        await().atMost(WAIT).until(() -> lines(closed) == 1);
        nothingFalseComesLater("Invite arrived from sip:phone@example.com", accepted, closed);
        assertThat(indexOf(accepted)).as("accepted before closed, never after: %s", serverLog).isLessThan(indexOf(closed));
        assertThat(lines("The session was closed")).isEqualTo(1);
        assertThat(lines("Session established")).isEqualTo(1);
    }

    @Test
    void aLostAckIsRecoveredByTheRetransmitted200WithoutAFailureLine() throws Exception {
        SippRun.scenario("uac-lost-ack.xml");
        ackWindow = Duration.ofSeconds(5); // longer than the phone's 1.2 s without an ACK, even on a busy machine
        String target = serverListening();

        phoneRuns("uac-lost-ack.xml", target);

        String accepted = "Session established (ACK ";
        String closed = "The session was closed by the other side (the remote participant ended the session (BYE)";
        await().atMost(WAIT).until(() -> lines(closed) == 1);
        nothingFalseComesLater("Invite arrived from sip:phone@example.com", accepted, closed);
        assertThat(okCopiesSippReceived()).as("the 200 OK, then its copy sent again for want of an ACK (RFC 3261 §13.3.1.4)")
                .isGreaterThanOrEqualTo(2);
    }

    @Test
    void cancelCrossingTheOkIsAnswered200AndTheCallEndsByByeWithoutAFailure() throws Exception {
        SippRun.scenario("uac-cancel-crossing-200.xml");
        String target = serverListening();

        phoneRuns("uac-cancel-crossing-200.xml", target);

        String accepted = "Session established (ACK ";
        String closed = "The session was closed by the other side (the remote participant ended the session (BYE)";
        await().atMost(WAIT).until(() -> lines(closed) == 1);
        nothingFalseComesLater("Invite arrived from sip:phone@example.com", accepted, closed);
        assertThat(lines("cancel")).as("the CANCEL changed nothing: %s", serverLog).isZero();
    }

    @Test
    void optionsIsAnsweredWithCapabilitiesAndInfoAndUpdateAreAnsweredAndLoggedOnce() throws Exception {
        SippRun.scenario("uac-options-info-update.xml");
        String target = serverListening();

        phoneRuns("uac-options-info-update.xml", target);

        String info = "INFO received in the session (application/dtmf-relay, ";
        String plainUpdate = "UPDATE received in the session (without SDP); answered 200 OK.";
        String offerUpdate = "UPDATE received in the session (with a new offer); answered 200 OK with our answer.";
        String closed = "The session was closed by the other side (the remote participant ended the session (BYE)";
        await().atMost(WAIT).until(() -> lines(closed) == 1);
        nothingFalseComesLater(info, plainUpdate, offerUpdate, closed);
        assertThat(lines("Message received")).as("OPTIONS is no message: %s", serverLog).isZero();
        assertThat(lines("Invite arrived")).isEqualTo(1);
    }
}
