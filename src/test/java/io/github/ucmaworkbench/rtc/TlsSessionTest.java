package io.github.ucmaworkbench.rtc;

import static io.github.ucmaworkbench.rtc.RtcFixture.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.ucmaworkbench.registrar.RegistrarConfig;
import io.github.ucmaworkbench.registrar.RegistrarService;
import io.github.ucmaworkbench.sip.tls.TlsMaterial;
import io.github.ucmaworkbench.sip.tls.TlsSource;
import io.github.ucmaworkbench.trace.SipTrace;
import io.github.ucmaworkbench.trace.SipTraceEvent;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tutorial's flow over TLS through the embedded registrar, with the workbench's own certificate. */
class TlsSessionTest {
    private static final RealTimeAddress SERVER = new RealTimeAddress("sip:server@example.com");

    @TempDir
    Path configDir;
    @TempDir
    Path otherConfigDir;

    private final List<AutoCloseable> closeables = new ArrayList<>();

    @AfterEach
    void closeAll() {
        java.util.Collections.reverse(closeables);
        for (AutoCloseable c : closeables) {
            try {
                c.close();
            } catch (Exception e) {
                // keep closing
            }
        }
    }

    private RegistrarService tlsRegistrar(TlsMaterial material) throws Exception {
        RegistrarService registrar = new RegistrarService(RegistrarConfig.builder().port(0)
                .tls(TlsSource.of(material)).build());
        closeables.add(registrar);
        registrar.start();
        return registrar;
    }

    private SipEndpoint endpoint(String uri, RealTimeConnectionManager manager, TlsMaterial material, int port) {
        manager.setTlsMaterial(material);
        SipEndpoint endpoint = new SipEndpoint(uri, SipAuthenticationProtocols.NONE, SipTransportType.TLS,
                "127.0.0.1", port, true, manager, null);
        closeables.add(manager);
        closeables.add(endpoint);
        return endpoint;
    }

    @Test
    void tutorialFlowOverTlsSignsInCallsTalksHangsUpAndSignsOut() throws Exception {
        TlsMaterial material = TlsMaterial.workbench(configDir, List.of());
        RegistrarService registrar = tlsRegistrar(material);
        int tlsPort = registrar.getTlsAddress().getPort();
        assertThat(tlsPort).isEqualTo(registrar.getLocalAddress().getPort() + 1);
        List<SipTraceEvent> events = new CopyOnWriteArrayList<>();
        closeables.add(SipTrace.global().subscribe(events::add));

        RealTimeServerConnectionManager serverManager = new RealTimeServerConnectionManager();
        SipEndpoint server = endpoint("sip:server@example.com", serverManager, material, tlsPort);
        server.register();
        InetSocketAddress listening = serverManager.startListening(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        CompletableFuture<SignalingSession> accepted = RtcFixture.acceptNext(server);
        SipEndpoint client = endpoint("sip:client@example.com", new RealTimeClientConnectionManager(), material, tlsPort);
        client.register();
        SignalingSession session = new SignalingSession(client, SERVER);
        CompletableFuture<SignalingStateChangedEventArgs> serverSawBye = new CompletableFuture<>();

        SipResponseData answer = (SipResponseData) session.participate();
        SignalingSession serverSide = await(accepted);
        serverSide.stateChanged().add((sender, e) -> {
            if (e.getState() == SignalingState.DISCONNECTED) {
                serverSawBye.complete(e);
            }
        });
        CompletableFuture<MessageReceivedEventArgs> message = new CompletableFuture<>();
        serverSide.messageReceived().add((sender, e) -> message.complete(e));
        SipResponseData delivered = session.sendMessage(MessageType.MESSAGE, new ContentType("text/plain"),
                "hello over TLS".getBytes(StandardCharsets.UTF_8));
        session.terminate();
        client.unregister();
        server.unregister();

        assertThat(answer.getResponseCode()).isEqualTo(200);
        assertThat(delivered.getResponseCode()).isEqualTo(200);
        assertThat(await(message).getTextBody()).isEqualTo("hello over TLS");
        assertThat(await(serverSawBye).getReason()).contains("BYE");
        assertThat(client.getRegistrationState()).isEqualTo(RegistrationState.UNREGISTERED);
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> registrar.getRegisteredUserCount() == 0);
        // The server's listening port is TLS, and its Contact says so; every hop was traced as TLS.
        assertThat(events).filteredOn(e -> e.isRequest() && "INVITE".equals(e.method())
                        && e.party().equals("sip:server@example.com"))
                .singleElement().satisfies(e -> {
                    assertThat(e.transport()).isEqualTo("TLS");
                    assertThat(e.firstLine()).contains(":" + listening.getPort() + ";transport=tls");
                });
        assertThat(events).filteredOn(e -> e.party().equals("sip:client@example.com"))
                .isNotEmpty().allSatisfy(e -> assertThat(e.transport()).isEqualTo("TLS"));
        assertThat(events).filteredOn(e -> "REGISTER".equals(e.method()) && e.party().equals("sip:client@example.com"))
                .first().satisfies(e -> assertThat(e.rawText()).contains("transport=tls"));
    }

    @Test
    void tlsClientCallsAServerSignedInOverTcpThroughTheRegistrar() throws Exception {
        TlsMaterial material = TlsMaterial.workbench(configDir, List.of());
        RegistrarService registrar = tlsRegistrar(material);
        RealTimeServerConnectionManager serverManager = new RealTimeServerConnectionManager();
        SipEndpoint server = new SipEndpoint("sip:server@example.com", SipAuthenticationProtocols.NONE,
                SipTransportType.TCP, "127.0.0.1", registrar.getLocalAddress().getPort(), true, serverManager, null);
        closeables.add(serverManager);
        closeables.add(server);
        server.register();
        serverManager.startListening(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        CompletableFuture<SignalingSession> accepted = RtcFixture.acceptNext(server);
        SipEndpoint client = endpoint("sip:client@example.com", new RealTimeClientConnectionManager(), material,
                registrar.getTlsAddress().getPort());
        client.register();
        SignalingSession session = new SignalingSession(client, SERVER);

        session.participate();
        session.terminate();

        assertThat(await(accepted).getRemoteParticipant().getUri()).isEqualTo("sip:client@example.com");
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> await(accepted).getState() == SignalingState.DISCONNECTED);
    }

    @Test
    void registrarWithAnotherCertificateIsRefusedNamingTheCertificate() throws Exception {
        TlsMaterial ours = TlsMaterial.workbench(configDir, List.of());
        TlsMaterial theirs = TlsMaterial.workbench(otherConfigDir, List.of());
        RegistrarService registrar = tlsRegistrar(theirs);
        SipEndpoint client = endpoint("sip:client@example.com", new RealTimeClientConnectionManager(), ours,
                registrar.getTlsAddress().getPort());

        assertThatThrownBy(client::register).isInstanceOfSatisfying(ConnectionFailureException.class, e -> {
            assertThat(e.getMessage()).contains("certificate").contains("not trusted").contains(theirs.fingerprint());
            assertThat(e.getMessage()).doesNotContain("Exception");
        });
        assertThat(theirs.fingerprint()).isNotEqualTo(ours.fingerprint());
    }

    @Test
    void tlsToADeadPortIsAConnectionFailure() throws Exception {
        TlsMaterial material = TlsMaterial.workbench(configDir, List.of());
        int dead = io.github.ucmaworkbench.testing.FreePorts.pick();
        SipEndpoint client = endpoint("sip:client@example.com", new RealTimeClientConnectionManager(), material, dead);

        assertThatThrownBy(client::register).isInstanceOf(ConnectionFailureException.class);
    }

    @Test
    void tlsToAPlainSipPortFailsInsteadOfHanging() throws Exception {
        TlsMaterial material = TlsMaterial.workbench(configDir, List.of());
        RegistrarService plain = new RegistrarService(RegistrarConfig.builder().port(0).build());
        closeables.add(plain);
        int port = plain.start().getPort();
        SipEndpoint client = endpoint("sip:client@example.com", new RealTimeClientConnectionManager(), material, port);
        // Room for the 5 s handshake limit to end it on a loaded machine, before the operation's own timeout.
        client.setOperationTimeout(Duration.ofSeconds(20));

        assertThatThrownBy(client::register).isInstanceOf(ConnectionFailureException.class)
                .hasMessageContaining("no TLS handshake with 127.0.0.1:" + port).hasMessageContaining("is that a TLS port?");
    }
}
