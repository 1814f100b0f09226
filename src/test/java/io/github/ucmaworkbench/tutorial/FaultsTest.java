package io.github.ucmaworkbench.tutorial;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ucmaworkbench.registrar.RegistrarConfig;
import io.github.ucmaworkbench.registrar.RegistrarService;
import io.github.ucmaworkbench.rtc.RegistrationState;
import io.github.ucmaworkbench.rtc.SignalingState;
import io.github.ucmaworkbench.rtc.SipTransportType;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** Faults a classroom produces: the registrar going away mid-call, and impatient clicking. */
class FaultsTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    private static ServerManager server(int port, SipTransportType transport) {
        return new ServerManager(new EndpointSettings("sip:server@example.com", "127.0.0.1", port, transport, null, null));
    }

    private static ClientManager client(int port, SipTransportType transport) {
        return new ClientManager(new ClientSettings(new EndpointSettings("sip:client@example.com", "127.0.0.1", port,
                transport, null, null), "sip:server@example.com"));
    }

    private static void awaitError(List<ProgressEventArgs> log, String text) {
        Awaitility.await().atMost(WAIT).untilAsserted(() -> assertThat(log).anySatisfy(e -> {
            assertThat(e.level()).isEqualTo(ProgressLevel.ERROR);
            assertThat(e.message()).contains(text);
        }));
    }

    @Test
    void registrarStoppedMidCallGivesClearErrorsAndSigningInWorksWhenItIsBack() throws Exception {
        RegistrarService registrar = new RegistrarService(RegistrarConfig.builder().port(0).build());
        int port = registrar.start().getPort();
        ServerManager server = server(port, SipTransportType.UDP);
        ClientManager client = client(port, SipTransportType.UDP);
        List<ProgressEventArgs> clientLog = new CopyOnWriteArrayList<>();
        client.progress().add((s, e) -> clientLog.add(e));
        client.setOperationTimeout(Duration.ofMillis(1500));
        try {
            server.signIn();
            client.signIn();
            Awaitility.await().atMost(WAIT).until(() -> server.getRegistrationState() == RegistrationState.REGISTERED
                    && client.getRegistrationState() == RegistrationState.REGISTERED);
            server.startListening();
            client.sendInvite(List.of(), false);
            Awaitility.await().atMost(WAIT).until(() -> client.getSessionState() == SignalingState.CONNECTED);

            registrar.close();
            client.hangUp();
            awaitError(clientLog, "the other side did not confirm");
            assertThat(client.getSessionState()).isEqualTo(SignalingState.DISCONNECTED);
            client.signOut();
            awaitError(clientLog, "Signed out locally, but the server did not confirm");

            registrar = new RegistrarService(RegistrarConfig.builder().port(port).fixedPort(true).build());
            registrar.start();
            client.signIn();
            Awaitility.await().atMost(WAIT).until(() -> client.getRegistrationState() == RegistrationState.REGISTERED);
        } finally {
            client.close();
            server.close();
            registrar.close();
        }
    }

    @Test
    void rapidRepeatedActionsFromManyThreadsNeverReachAnIllegalState() throws Exception {
        RegistrarService registrar = new RegistrarService(RegistrarConfig.builder().port(0).build());
        InetSocketAddress address = registrar.start();
        ServerManager server = server(address.getPort(), SipTransportType.TCP);
        ClientManager client = client(address.getPort(), SipTransportType.TCP);
        List<Throwable> thrown = new CopyOnWriteArrayList<>();
        ExecutorService clickers = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch go = new CountDownLatch(1);
            for (int i = 0; i < 40; i++) {
                int n = i;
                clickers.execute(() -> {
                    try {
                        go.await();
                        switch (n % 4) {
                            case 0 -> client.signIn();
                            case 1 -> server.signIn();
                            case 2 -> server.startListening();
                            default -> client.sendInvite(List.of(), n % 8 == 3);
                        }
                    } catch (Throwable t) {
                        thrown.add(t);
                    }
                });
            }
            go.countDown();
            clickers.shutdown();
            assertThat(clickers.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
            assertThat(thrown).isEmpty();

            // Whatever order the clicks came in, one more round of the lesson's steps completes the call.
            Awaitility.await().atMost(WAIT).until(() -> server.getRegistrationState() == RegistrationState.REGISTERED
                    && client.getRegistrationState() == RegistrationState.REGISTERED);
            if (!server.isListening()) {
                server.startListening();
            }
            Awaitility.await().atMost(WAIT).until(() -> client.getPending() == null);
            if (client.getSessionState() != SignalingState.CONNECTED) {
                client.sendInvite(List.of(), false);
            }
            Awaitility.await().atMost(WAIT).until(() -> client.getSessionState() == SignalingState.CONNECTED);
        } finally {
            client.close();
            server.close();
            registrar.close();
        }
    }
}
