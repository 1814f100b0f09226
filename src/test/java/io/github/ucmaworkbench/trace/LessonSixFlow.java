package io.github.ucmaworkbench.trace;

import io.github.ucmaworkbench.registrar.RegistrarConfig;
import io.github.ucmaworkbench.registrar.RegistrarService;
import io.github.ucmaworkbench.rtc.RegistrationState;
import io.github.ucmaworkbench.rtc.SignalingHeader;
import io.github.ucmaworkbench.rtc.SignalingState;
import io.github.ucmaworkbench.rtc.SipTransportType;
import io.github.ucmaworkbench.tutorial.ClientManager;
import io.github.ucmaworkbench.tutorial.ClientSettings;
import io.github.ucmaworkbench.tutorial.EndpointSettings;
import io.github.ucmaworkbench.tutorial.ProgressEventArgs;
import io.github.ucmaworkbench.tutorial.ServerManager;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.awaitility.Awaitility;

/**
 * A real lesson-6 flow, headless, as the window would drive it: embedded registrar, server and
 * client sign in, the server listens, the client's INVITE is accepted, the client hangs up (BYE).
 * Gives back what the trace stream saw meanwhile.
 */
public final class LessonSixFlow {
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private LessonSixFlow() {
    }

    /** Runs the flow over {@code transport} and returns the traced events, in sequence order. */
    public static List<SipTraceEvent> run(SipTrace trace, SipTransportType transport) throws Exception {
        List<SipTraceEvent> events = new CopyOnWriteArrayList<>();
        List<ProgressEventArgs> serverLog = new CopyOnWriteArrayList<>();
        List<ProgressEventArgs> clientLog = new CopyOnWriteArrayList<>();
        RegistrarService registrar = new RegistrarService(RegistrarConfig.builder().port(0).build());
        ServerManager server = null;
        ClientManager client = null;
        try (AutoCloseable subscription = trace.subscribe(events::add)) {
            InetSocketAddress address = registrar.start();
            server = new ServerManager(new EndpointSettings("sip:server@example.com", "127.0.0.1",
                    address.getPort(), transport, null, null));
            client = new ClientManager(new ClientSettings(new EndpointSettings("sip:client@example.com",
                    "127.0.0.1", address.getPort(), transport, null, null), "sip:server@example.com"));
            server.progress().add((sender, e) -> serverLog.add(e));
            client.progress().add((sender, e) -> clientLog.add(e));
            ServerManager s = server;
            ClientManager c = client;

            s.signIn();
            c.signIn();
            Awaitility.await().atMost(PATIENCE).until(() -> s.getRegistrationState() == RegistrationState.REGISTERED
                    && c.getRegistrationState() == RegistrationState.REGISTERED);
            s.startListening();
            Awaitility.await().atMost(PATIENCE).until(s::isListening);
            c.sendInvite(List.of(new SignalingHeader("X-Lesson", "6")), false);
            Awaitility.await().atMost(PATIENCE).until(() -> c.getSessionState() == SignalingState.CONNECTED
                    && s.getSessionState() == SignalingState.CONNECTED);
            c.hangUp();
            // Only the side that did not hang up reports the close; the client reports its own hang-up.
            Awaitility.await().atMost(PATIENCE).until(() -> hasLine(serverLog, "The session was closed")
                    && hasLine(clientLog, "The session was ended"));
            // The 200 to the BYE is the last message of the flow: wait until both sides traced it.
            Awaitility.await().atMost(PATIENCE).until(() -> events.stream()
                    .filter(e -> e.statusCode() == 200 && e.method().equals("BYE")).count() >= 1);
        } finally {
            if (client != null) {
                client.close();
            }
            if (server != null) {
                server.close();
            }
            registrar.close();
        }
        return new ArrayList<>(events);
    }

    private static boolean hasLine(List<ProgressEventArgs> log, String text) {
        return log.stream().anyMatch(e -> e.message().contains(text));
    }
}
