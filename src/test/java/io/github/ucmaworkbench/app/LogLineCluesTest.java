package io.github.ucmaworkbench.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ucmaworkbench.registrar.RegistrarConfig;
import io.github.ucmaworkbench.registrar.RegistrarService;
import io.github.ucmaworkbench.rtc.RegistrationState;
import io.github.ucmaworkbench.rtc.SignalingState;
import io.github.ucmaworkbench.rtc.SipTransportType;
import io.github.ucmaworkbench.trace.SipTrace;
import io.github.ucmaworkbench.trace.SipTraceEvent;
import io.github.ucmaworkbench.trace.ladder.LadderArrow;
import io.github.ucmaworkbench.trace.ladder.LadderModel;
import io.github.ucmaworkbench.trace.ladder.MessageClue;
import io.github.ucmaworkbench.tutorial.ClientManager;
import io.github.ucmaworkbench.tutorial.ClientSettings;
import io.github.ucmaworkbench.tutorial.EndpointSettings;
import io.github.ucmaworkbench.tutorial.ProgressEventArgs;
import io.github.ucmaworkbench.tutorial.ServerManager;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every progress-log line of a real call (sign in, listen, INVITE, MESSAGE, BYE through the
 * embedded registrar on loopback) finds the message it reports, on its own side of the ladder.
 */
class LogLineCluesTest {
    private static final String CLIENT = "sip:client@example.com";
    private static final String SERVER = "sip:server@example.com";
    private static final Duration PATIENCE = Duration.ofSeconds(15);

    private static final List<ProgressEventArgs> clientLog = new CopyOnWriteArrayList<>();
    private static final List<ProgressEventArgs> serverLog = new CopyOnWriteArrayList<>();
    private static final LadderModel model = new LadderModel();

    @BeforeAll
    static void runARealCall() throws Exception {
        List<SipTraceEvent> events = new CopyOnWriteArrayList<>();
        RegistrarService registrar = new RegistrarService(RegistrarConfig.builder().port(0).build());
        try (AutoCloseable subscription = SipTrace.global().subscribe(events::add)) {
            InetSocketAddress address = registrar.start();
            try (ServerManager server = new ServerManager(new EndpointSettings(SERVER, "127.0.0.1", address.getPort(),
                    SipTransportType.TCP, null, null));
                    ClientManager client = new ClientManager(new ClientSettings(new EndpointSettings(CLIENT, "127.0.0.1",
                            address.getPort(), SipTransportType.TCP, null, null), SERVER))) {
                server.progress().add((sender, e) -> serverLog.add(e));
                client.progress().add((sender, e) -> clientLog.add(e));
                server.signIn();
                client.signIn();
                Awaitility.await().atMost(PATIENCE).until(() -> server.getRegistrationState() == RegistrationState.REGISTERED
                        && client.getRegistrationState() == RegistrationState.REGISTERED);
                server.startListening();
                Awaitility.await().atMost(PATIENCE).until(server::isListening);
                client.sendInvite(List.of(), false);
                Awaitility.await().atMost(PATIENCE).until(() -> client.getSessionState() == SignalingState.CONNECTED
                        && has(serverLog, "Session established"));
                client.sendMessage("hello");
                Awaitility.await().atMost(PATIENCE).until(() -> has(clientLog, "The message was delivered")
                        && has(serverLog, "Message received"));
                client.hangUp();
                Awaitility.await().atMost(PATIENCE).until(() -> has(clientLog, "The session was ended")
                        && has(serverLog, "closed by the other side"));
                Awaitility.await().atMost(PATIENCE).until(() -> events.stream()
                        .filter(e -> e.statusCode() == 200 && e.method().equals("BYE")).count() >= 2);
            }
        } finally {
            registrar.close();
        }
        events.stream().filter(e -> e.party().equals(CLIENT) || e.party().equals(SERVER) || e.party().equals("registrar"))
                .forEach(model::add);
    }

    private static boolean has(List<ProgressEventArgs> log, String text) {
        return log.stream().anyMatch(e -> e.message().contains(text));
    }

    /** What the line's arrow is, as the party saw it: "SERVER received INVITE", "CLIENT received 200 REGISTER". */
    private static String found(List<ProgressEventArgs> log, String party, String lineStart) {
        ProgressEventArgs line = log.stream().filter(e -> e.message().startsWith(lineStart)).findFirst()
                .orElseThrow(() -> new AssertionError("no line \"" + lineStart + "\" in " + log));
        MessageClue clue = LogLineClues.clueFor(line.message());
        assertThat(clue).as("a clue for \"%s\"", line.message()).isNotNull();
        int index = clue.findIn(model, party, line.time());
        assertThat(index).as("an arrow for \"%s\"", line.message()).isNotNegative();
        LadderArrow arrow = model.arrow(index);
        boolean sent = arrow.sent() != null && arrow.sent().party().equals(party);
        String side = (party.equals(CLIENT) ? "CLIENT" : "SERVER") + (sent ? " sent " : " received ");
        return side + (arrow.isRequest() ? arrow.method() : arrow.statusCode() + " " + arrow.method());
    }

    @Test
    void serverLinesFindTheServersOwnMessages() {
        assertThat(Map.of(
                "Signing in as", found(serverLog, SERVER, "Signing in as"),
                "Signed in", found(serverLog, SERVER, "Signed in successfully"),
                "Invite arrived", found(serverLog, SERVER, "Invite arrived"),
                "Session established", found(serverLog, SERVER, "Session established"),
                "Message received", found(serverLog, SERVER, "Message received"),
                "closed", found(serverLog, SERVER, "The session was closed by the other side")))
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "Signing in as", "SERVER sent REGISTER",
                        "Signed in", "SERVER received 200 REGISTER",
                        "Invite arrived", "SERVER received INVITE",
                        "Session established", "SERVER received ACK",
                        "Message received", "SERVER received MESSAGE",
                        "closed", "SERVER received BYE"));
    }

    @Test
    void clientLinesFindTheClientsOwnMessages() {
        assertThat(Map.of(
                "Signing in as", found(clientLog, CLIENT, "Signing in as"),
                "Signed in", found(clientLog, CLIENT, "Signed in successfully"),
                "Sending an invite", found(clientLog, CLIENT, "Sending an invite"),
                "Session established", found(clientLog, CLIENT, "Session established"),
                "Sending the message", found(clientLog, CLIENT, "Sending the message"),
                "delivered", found(clientLog, CLIENT, "The message was delivered"),
                "Ending", found(clientLog, CLIENT, "Ending the session"),
                "ended", found(clientLog, CLIENT, "The session was ended")))
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "Signing in as", "CLIENT sent REGISTER",
                        "Signed in", "CLIENT received 200 REGISTER",
                        "Sending an invite", "CLIENT sent INVITE",
                        "Session established", "CLIENT received 200 INVITE",
                        "Sending the message", "CLIENT sent MESSAGE",
                        "delivered", "CLIENT received 200 MESSAGE",
                        "Ending", "CLIENT sent BYE",
                        "ended", "CLIENT received 200 BYE"));
    }

    @Test
    void everyLineThatReportsAMessageFindsOne() {
        for (ProgressEventArgs line : clientLog) {
            MessageClue clue = LogLineClues.clueFor(line.message());
            if (clue != null) {
                assertThat(clue.findIn(model, CLIENT, line.time())).as("client: %s", line.message()).isNotNegative();
            }
        }
        for (ProgressEventArgs line : serverLog) {
            MessageClue clue = LogLineClues.clueFor(line.message());
            if (clue != null) {
                assertThat(clue.findIn(model, SERVER, line.time())).as("server: %s", line.message()).isNotNegative();
            }
        }
    }

    @Test
    void linesAboutNoMessageHaveNoClue() {
        assertThat(LogLineClues.clueFor("Listening on 127.0.0.1:45817.")).isNull();
        assertThat(LogLineClues.clueFor("Starting to listen for invites.")).isNull();
        assertThat(LogLineClues.clueFor("Invites will be answered by the policy: accept all.")).isNull();
        assertThat(LogLineClues.clueFor("Sign in before sending an invite.")).isNull();
    }

    @Test
    void theAskDialogsWithdrawnQuestionIsTheCallersCancel() {
        MessageClue withdrawn = LogLineClues.clueFor("The question is withdrawn: the caller cancelled before anyone decided.");
        assertThat(withdrawn.direction()).isEqualTo(io.github.ucmaworkbench.trace.Direction.RECEIVED);
        assertThat(withdrawn.kinds()).extracting(MessageClue.Kind::method).contains("CANCEL");
    }

    @Test
    void aLineNamingACodeFindsTheResponseWithThatCode() {
        MessageClue refused = LogLineClues.clueFor("The invite was refused with 486 Busy Here.");
        assertThat(refused.kinds()).singleElement().satisfies(kind -> {
            assertThat(kind.lowest()).isEqualTo(486);
            assertThat(kind.highest()).isEqualTo(486);
        });
        // A student's own wording: any response with that code, either way.
        MessageClue own = LogLineClues.clueFor("My callback says Error Code=200 Error Text=OK");
        assertThat(own.direction()).isNull();
        assertThat(own.findIn(model, CLIENT, java.time.Instant.now())).isNotNegative();
    }
}
