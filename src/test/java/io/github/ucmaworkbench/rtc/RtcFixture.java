package io.github.ucmaworkbench.rtc;

import io.github.ucmaworkbench.registrar.RegistrarConfig;
import io.github.ucmaworkbench.registrar.RegistrarService;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** An embedded registrar on a free loopback port, and endpoints that are closed after each test. */
final class RtcFixture implements AutoCloseable {
    final RegistrarService registrar;
    final InetSocketAddress registrarAddress;
    private final List<AutoCloseable> closeables = new ArrayList<>();

    RtcFixture() throws Exception {
        this(RegistrarConfig.builder().port(0).build());
    }

    RtcFixture(RegistrarConfig config) throws Exception {
        registrar = new RegistrarService(config);
        registrarAddress = registrar.start();
    }

    SipEndpoint client(SipTransportType transport) {
        return endpoint("sip:client@example.com", transport, null);
    }

    /** A signed-in server endpoint listening on loopback. */
    SipEndpoint listeningServer(SipTransportType transport) throws Exception {
        RealTimeServerConnectionManager manager = new RealTimeServerConnectionManager();
        SipEndpoint server = endpoint("sip:server@example.com", transport, manager);
        server.register();
        manager.startListening(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        return server;
    }

    SipEndpoint endpoint(String uri, SipTransportType transport, RealTimeConnectionManager manager) {
        SipEndpoint endpoint = new SipEndpoint(uri, SipAuthenticationProtocols.NONE, transport,
                "127.0.0.1", registrarAddress.getPort(), true, manager, null);
        closeables.add(endpoint);
        if (manager != null) {
            closeables.add(manager);
        }
        return endpoint;
    }

    /** Makes {@code server} accept every invite and hands the accepted sessions out. */
    static CompletableFuture<SignalingSession> acceptNext(SipEndpoint server) {
        CompletableFuture<SignalingSession> accepted = new CompletableFuture<>();
        server.sessionReceived().add((sender, e) -> e.getSession().beginParticipate(ar -> {
            try {
                e.getSession().endParticipate(ar);
                accepted.complete(e.getSession());
            } catch (RealTimeException ex) {
                accepted.completeExceptionally(ex);
            }
        }, e.getSession()));
        return accepted;
    }

    static <T> T await(CompletableFuture<T> future) throws Exception {
        return future.get(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        for (AutoCloseable closeable : closeables) {
            try {
                closeable.close();
            } catch (Exception e) {
                // keep closing the rest
            }
        }
        registrar.close();
    }
}
