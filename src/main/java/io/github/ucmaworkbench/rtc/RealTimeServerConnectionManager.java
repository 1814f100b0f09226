package io.github.ucmaworkbench.rtc;

import io.github.ucmaworkbench.rtc.sip.SipFailure;
import java.net.InetSocketAddress;

/**
 * A connection manager that can also listen for incoming connections; mirrors UCMA's
 * {@code RealTimeServerConnectionManager} (concrete here: it listens on UDP and TCP at once, or on
 * TLS when its endpoint uses TLS, so the transport follows the endpoint).
 */
public class RealTimeServerConnectionManager extends RealTimeConnectionManager {
    public RealTimeServerConnectionManager() {
    }

    /**
     * Starts listening on {@code address} ({@code StartListening(IPEndPoint)}); port 0 picks a
     * free port. From now on this address is the Contact of the endpoints using this manager,
     * and signed-in endpoints re-register with it.
     *
     * @return the address actually bound (never port 0, never a wildcard address)
     * @throws ConnectionFailureException if it cannot be bound (e.g. the port is taken)
     * @throws IllegalStateException if already listening
     */
    public InetSocketAddress startListening(InetSocketAddress address) throws ConnectionFailureException {
        if (agent().isListening()) {
            throw new IllegalStateException("already listening on " + agent().getListeningAddress());
        }
        InetSocketAddress bound;
        try {
            bound = agent().listen(address);
        } catch (SipFailure e) {
            throw new ConnectionFailureException("StartListening failed: " + e.getMessage(), e);
        }
        contactChanged();
        return bound;
    }

    /**
     * Stops listening ({@code StopListening()}); new INVITEs are then refused with 480.
     *
     * @throws IllegalStateException if not listening
     */
    public void stopListening() {
        agent().stopListening();
        contactChanged();
    }

    public boolean isListening() {
        return agent().isListening();
    }

    /** The bound address, or null when not listening. */
    public InetSocketAddress getListeningAddress() {
        return agent().getListeningAddress();
    }
}
