package io.github.ucmaworkbench.tutorial;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ucmaworkbench.registrar.RegistrarConfig;
import io.github.ucmaworkbench.registrar.RegistrarService;
import io.github.ucmaworkbench.rtc.RegistrationState;
import io.github.ucmaworkbench.rtc.SignalingHeader;
import io.github.ucmaworkbench.rtc.SignalingState;
import io.github.ucmaworkbench.rtc.SipTransportType;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The tutorial's client and server, driven as the window drives them, reporting as the series does. */
class TutorialManagersTest {
    private RegistrarService registrar;
    private ClientManager client;
    private ServerManager server;
    private final List<ProgressEventArgs> clientLog = new CopyOnWriteArrayList<>();
    private final List<ProgressEventArgs> serverLog = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        registrar = new RegistrarService(RegistrarConfig.builder().port(0).build());
        InetSocketAddress address = registrar.start();
        server = new ServerManager(new EndpointSettings("sip:server@example.com", "127.0.0.1", address.getPort(),
                SipTransportType.TCP, null, null));
        client = new ClientManager(new ClientSettings(new EndpointSettings("sip:client@example.com", "127.0.0.1",
                address.getPort(), SipTransportType.TCP, null, null), "sip:server@example.com"));
        client.progress().add((sender, e) -> clientLog.add(e));
        server.progress().add((sender, e) -> serverLog.add(e));
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
        registrar.close();
    }

    private void signInBoth() {
        server.signIn();
        client.signIn();
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() ->
                server.getRegistrationState() == RegistrationState.REGISTERED
                        && client.getRegistrationState() == RegistrationState.REGISTERED);
    }

    private static void awaitLine(List<ProgressEventArgs> log, ProgressLevel level, String text) {
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(log).anySatisfy(e -> {
                    assertThat(e.level()).isEqualTo(level);
                    assertThat(e.message()).contains(text);
                }));
    }

    @Test
    void lessonSixFlowReportsTheTutorialsMessages() {
        signInBoth();
        server.startListening();
        awaitLine(serverLog, ProgressLevel.INFO, "Listening on 127.0.0.1:");

        client.sendInvite(List.of(new SignalingHeader("X-Lesson", "6")), false);

        awaitLine(serverLog, ProgressLevel.INFO, "Invite arrived");
        awaitLine(serverLog, ProgressLevel.INFO, "Session established");
        awaitLine(clientLog, ProgressLevel.INFO, "Session established");
        assertThat(client.getSessionState()).isEqualTo(SignalingState.CONNECTED);

        client.sendMessage("Hello from the client");
        awaitLine(serverLog, ProgressLevel.INFO, "Message received: Hello from the client");

        server.hangUp();
        awaitLine(clientLog, ProgressLevel.INFO, "The session was closed");
    }

    @Test
    void onlyTheSideThatDidNotHangUpReportsTheClose() {
        signInBoth();
        server.startListening();
        client.sendInvite(List.of(), false);
        awaitLine(serverLog, ProgressLevel.INFO, "Session established");

        client.hangUp();
        awaitLine(serverLog, ProgressLevel.INFO, "The session was closed by the other side");
        awaitLine(clientLog, ProgressLevel.INFO, "The session was ended");
        // Progress lines are delivered in order: once this refusal is in, any close line of ours came before it.
        client.hangUp();
        awaitLine(clientLog, ProgressLevel.ERROR, "no session to hang up");
        assertThat(clientLog).noneMatch(e -> e.message().contains("closed by the other side"));

        client.sendInvite(List.of(), false);
        awaitLine(clientLog, ProgressLevel.INFO, "Session established");
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> server.getSessionState() == SignalingState.CONNECTED);
        server.hangUp();
        awaitLine(clientLog, ProgressLevel.INFO, "The session was closed by the other side");
        awaitLine(serverLog, ProgressLevel.INFO, "The session was ended");
        server.hangUp();
        awaitLine(serverLog, ProgressLevel.ERROR, "no session to hang up");
        assertThat(serverLog).filteredOn(e -> e.message().contains("closed by the other side")).hasSize(1);
    }

    @Test
    void rejectPolicyShowsCodeAndTextAtTheCaller() {
        signInBoth();
        server.startListening();
        server.setAcceptPolicy(new AcceptPolicy.Reject(486, "Busy Here"));

        client.sendInvite(List.of(), true);

        awaitLine(serverLog, ProgressLevel.INFO, "The invite was rejected with 486 Busy Here");
        awaitLine(clientLog, ProgressLevel.ERROR, "refused with 486 Busy Here");
    }

    @Test
    void dontAnswerLetsTheCallerTimeOut() {
        client.setOperationTimeout(Duration.ofMillis(1500));
        signInBoth();
        client.setRingTimeout(Duration.ofSeconds(2)); // the server rings (180) at once, then stays silent
        server.startListening();
        server.setAcceptPolicy(new AcceptPolicy.DontAnswer());

        client.sendInvite(List.of(), false);

        awaitLine(clientLog, ProgressLevel.INFO, "The callee is ringing; waiting up to 2 s for an answer.");
        awaitLine(clientLog, ProgressLevel.ERROR, "no final answer came in time (Participate: the callee did not answer within 2 s");
        assertThat(client.getPending()).isNull();
    }

    @Test
    void askMeDeclinesThroughTheDecider() {
        signInBoth();
        server.startListening();
        List<IncomingCall> asked = new CopyOnWriteArrayList<>();
        server.setAcceptPolicy(new AcceptPolicy.Ask((call, accept) -> {
            asked.add(call);
            accept.accept(false);
        }, Duration.ofSeconds(5)));

        client.sendInvite(List.of(new SignalingHeader("Subject", "homework")), false);

        awaitLine(clientLog, ProgressLevel.ERROR, "refused with 603 Decline");
        assertThat(asked).singleElement().satisfies(call -> {
            assertThat(call.callerUri()).isEqualTo("sip:client@example.com");
            assertThat(call.headers()).contains(new SignalingHeader("Subject", "homework"));
        });
    }

    @Test
    void askMeWithdrawsTheQuestionWhenTheCallerCancels() throws Exception {
        signInBoth();
        server.startListening();
        client.setRingTimeout(Duration.ofSeconds(1)); // the caller gives up (CANCEL) after 1 s of ringing
        List<IncomingCall> asked = new CopyOnWriteArrayList<>();
        server.setAcceptPolicy(new AcceptPolicy.Ask((call, accept) -> asked.add(call), Duration.ofSeconds(30)));
        awaitLine(serverLog, ProgressLevel.INFO, "ask me (decline after 30 s)");

        client.sendInvite(List.of(), false);

        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> asked.size() == 1);
        IncomingCall call = asked.get(0);
        assertThat(call.timeout()).as("the person gets the policy's own number").isEqualTo(Duration.ofSeconds(30));
        assertThat(call.gone().toCompletableFuture().get(10, java.util.concurrent.TimeUnit.SECONDS))
                .contains("CANCEL");
        awaitLine(serverLog, ProgressLevel.INFO, "The question is withdrawn: the caller cancelled the invitation (CANCEL)");
        assertThat(serverLog).noneSatisfy(e -> assertThat(e.message()).contains("Too late"));
    }

    @Test
    void callingBeforeTheServerListensFailsWith480AndBothSidesSayWhy() {
        signInBoth();

        client.sendInvite(List.of(), false);

        awaitLine(clientLog, ProgressLevel.ERROR, "refused with 480");
        awaitLine(serverLog, ProgressLevel.ERROR, "not listening");
    }

    @Test
    void signingOutWithASessionOpenEndsTheSessionFirst() {
        signInBoth();
        server.startListening();
        client.sendInvite(List.of(), false);
        awaitLine(clientLog, ProgressLevel.INFO, "Session established");

        client.signOut();

        awaitLine(clientLog, ProgressLevel.INFO, "Ending the open session before signing out");
        awaitLine(clientLog, ProgressLevel.INFO, "Signed out successfully");
        awaitLine(serverLog, ProgressLevel.INFO, "The session was closed");
        assertThat(client.getRegistrationState()).isEqualTo(RegistrationState.UNREGISTERED);
    }

    @Test
    void signingInToADeadServerIsReportedNotThrown() throws Exception {
        ClientManager lonely = new ClientManager(new ClientSettings(new EndpointSettings("sip:client@example.com",
                "127.0.0.1", io.github.ucmaworkbench.testing.FreePorts.pick(), SipTransportType.TCP, null, null),
                "sip:server@example.com"));
        List<ProgressEventArgs> log = new CopyOnWriteArrayList<>();
        lonely.progress().add((sender, e) -> log.add(e));
        try {
            lonely.signIn();
            awaitLine(log, ProgressLevel.ERROR, "Signing in failed: no connection to the server");
        } finally {
            lonely.close();
        }
    }
}
