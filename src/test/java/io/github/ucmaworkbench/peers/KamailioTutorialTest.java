package io.github.ucmaworkbench.peers;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ucmaworkbench.rtc.RegistrationState;
import io.github.ucmaworkbench.rtc.SignalingHeader;
import io.github.ucmaworkbench.rtc.SignalingState;
import io.github.ucmaworkbench.rtc.SipTransportType;
import io.github.ucmaworkbench.tutorial.ClientManager;
import io.github.ucmaworkbench.tutorial.ClientSettings;
import io.github.ucmaworkbench.tutorial.EndpointSettings;
import io.github.ucmaworkbench.tutorial.ProgressEventArgs;
import io.github.ucmaworkbench.tutorial.ProgressLevel;
import io.github.ucmaworkbench.tutorial.ServerManager;
import io.github.ucmaworkbench.tutorial.TutorialManager;
import io.github.ucmaworkbench.testing.Closer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tutorial's own code against Kamailio, as a class would run it with "sign in to a real
 * server": the server manager signs in and then listens (in that order, as lesson 6 does), the
 * client manager signs in and sends its INVITE to "our server", the server accepts, the client
 * hangs up, both sign out — and neither progress log shows an error.
 *
 * <p>Both transports: over TCP the server used to stop listening before unregistering, and
 * deleting the listening point could close the connection the REGISTER's answer came back on;
 * the server now stops listening once it is signed out.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class KamailioTutorialTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path workDir;

    private final Closer closing = new Closer();
    private KamailioProcess kamailio;
    private ServerManager server;
    private ClientManager client;
    private final Queue<String> log = new ConcurrentLinkedQueue<>();

    @AfterEach
    void tearDown() {
        closing.close();
    }

    private <M extends TutorialManager> M logged(String side, M manager) {
        manager.setOperationTimeout(Duration.ofSeconds(5));
        manager.progress().add((sender, e) -> {
            synchronized (log) {
                log.add(side + " " + e.level() + " " + e.message());
                log.notifyAll();
            }
        });
        return manager;
    }

    /** Waits, on the manager's own change events, until {@code condition} holds. */
    private void awaitChange(TutorialManager manager, String what, BooleanSupplier condition) throws Exception {
        CompletableFuture<Void> reached = new CompletableFuture<>();
        AutoCloseable subscription = manager.changed().add((sender, e) -> {
            if (condition.getAsBoolean()) {
                reached.complete(null);
            }
        });
        try {
            if (condition.getAsBoolean()) {
                return;
            }
            reached.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("not reached within " + WAIT.toSeconds() + " s: " + what + "\n" + String.join("\n", log)
                    + "\nKamailio log:\n" + kamailio.log());
        } finally {
            subscription.close();
        }
    }

    /** Waits until {@code side}'s progress log has a line starting with {@code text} (either level). */
    private void awaitLine(String side, String text) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        synchronized (log) {
            while (log.stream().noneMatch(line -> line.startsWith(side + " ") && line.contains(" " + text))) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("no \"" + text + "\" from the " + side + " within " + WAIT.toSeconds()
                            + " s\n" + String.join("\n", log) + "\nKamailio log:\n" + kamailio.log());
                }
                TimeUnit.NANOSECONDS.timedWait(log, left);
            }
        }
    }

    private List<String> errors() {
        return log.stream().filter(line -> line.contains(" " + ProgressLevel.ERROR + " ")).collect(Collectors.toList());
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(value = SipTransportType.class, names = {"UDP", "TCP"})
    void tutorialClientCallsTutorialServerThroughKamailio(SipTransportType transport) throws Exception {
        kamailio = closing.add(KamailioProcess.start(workDir));
        InProcessTrace trace = InProcessTrace.mark();
        int port = kamailio.port();
        server = closing.add(logged("server", new ServerManager(
                new EndpointSettings("sip:server@example.com", "127.0.0.1", port, transport, null, null))));
        client = closing.add(logged("client", new ClientManager(new ClientSettings(
                new EndpointSettings("sip:client@example.com", "127.0.0.1", port, transport, null, null),
                "sip:server@example.com"))));

        server.signIn();
        awaitChange(server, "server signed in", () -> server.getRegistrationState() == RegistrationState.REGISTERED);
        server.startListening();
        assertThat(server.isListening()).isTrue();
        client.signIn();
        awaitChange(client, "client signed in", () -> client.getRegistrationState() == RegistrationState.REGISTERED);

        client.sendInvite(List.of(new SignalingHeader("X-Lesson", "6")), false);
        awaitChange(client, "client connected", () -> client.getSessionState() == SignalingState.CONNECTED);
        awaitChange(server, "server connected", () -> server.getSessionState() == SignalingState.CONNECTED);

        client.hangUp();
        awaitChange(client, "client hung up", () -> client.getSessionState() == SignalingState.DISCONNECTED);
        awaitChange(server, "server saw the BYE", () -> server.getSessionState() == SignalingState.DISCONNECTED);

        client.signOut();
        server.signOut();
        awaitChange(client, "client signed out", () -> client.getRegistrationState() == RegistrationState.UNREGISTERED);
        awaitChange(server, "server signed out", () -> server.getRegistrationState() == RegistrationState.UNREGISTERED);
        // The state flips before the sign-out callbacks report; their lines decide the verdict.
        awaitLine("client", "Signed out");
        awaitLine("server", "Signed out");

        assertThat(errors()).as("progress errors\n%s\n%s\nKamailio log:\n%s", String.join("\n", log), trace.ladder(),
                kamailio.log()).isEmpty();
        assertThat(log).anyMatch(line -> line.startsWith("server INFO Invite arrived"));
        assertThat(log).anyMatch(line -> line.startsWith("client INFO Session established"));
        // One INVITE reached the server: Kamailio did not fork the call to a stale Contact.
        assertThat(log.stream().filter(line -> line.startsWith("server INFO Invite arrived")).count())
                .as("invites received by the server\n%s\n%s", String.join("\n", log), trace.ladder()).isEqualTo(1);
    }
}
