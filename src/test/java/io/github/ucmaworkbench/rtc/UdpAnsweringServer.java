package io.github.ucmaworkbench.rtc;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;

/**
 * Our server endpoint listening on loopback UDP with no registrar behind it (a {@link UdpCaller}
 * calls it directly), its ACK wait shortened so a test sees an unacknowledged answer end in
 * seconds. Closing it puts the ACK wait back.
 */
final class UdpAnsweringServer implements AutoCloseable {
    private static final String ACK_TIMEOUT = "ucma.ackTimeoutMs";

    private final RealTimeServerConnectionManager manager = new RealTimeServerConnectionManager();
    private final SipEndpoint endpoint;
    private final InetSocketAddress address;

    UdpAnsweringServer(long ackWindowMillis) throws Exception {
        System.setProperty(ACK_TIMEOUT, String.valueOf(ackWindowMillis));
        // Port 9 (discard): never signed in, nothing is sent to a registrar.
        endpoint = new SipEndpoint("sip:server@example.com", SipAuthenticationProtocols.NONE, SipTransportType.UDP,
                "127.0.0.1", 9, true, manager, null);
        try {
            address = manager.startListening(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        } catch (Exception | Error e) {
            close(); // the next test must not inherit the short ACK wait
            throw e;
        }
    }

    SipEndpoint endpoint() {
        return endpoint;
    }

    InetSocketAddress address() {
        return address;
    }

    /** Accepts {@code session}; the accept's outcome (the ACK, or why not) completes {@code outcome}. */
    static void accept(SignalingSession session, CompletableFuture<SipMessageData> outcome) {
        session.beginParticipate(ar -> {
            try {
                outcome.complete(session.endParticipate(ar));
            } catch (RealTimeException ex) {
                outcome.completeExceptionally(ex);
            }
        }, session);
    }

    @Override
    public void close() {
        System.clearProperty(ACK_TIMEOUT);
        endpoint.close();
        manager.close();
    }
}
