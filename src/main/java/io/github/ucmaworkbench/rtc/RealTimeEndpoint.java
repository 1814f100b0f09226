package io.github.ucmaworkbench.rtc;

import io.github.ucmaworkbench.rtc.sip.EndpointHandler;
import io.github.ucmaworkbench.rtc.sip.SipUserAgent;
import java.time.Duration;
import java.util.concurrent.Executor;

/**
 * What sessions need of an endpoint; mirrors UCMA's abstract {@code RealTimeEndpoint}. The only
 * concrete endpoint is {@link SipEndpoint}.
 */
public abstract class RealTimeEndpoint implements AutoCloseable {
    final Executor executor = Workers.serial();
    private final Event<SessionReceivedEventArgs> sessionReceived = new Event<>(executor);
    private final Event<MessageReceivedEventArgs> messageReceived = new Event<>(executor);
    private final Event<RequestRefusedEventArgs> requestRefused = new Event<>(executor);

    RealTimeEndpoint() {
    }

    /** The endpoint's own SIP URI. */
    public abstract String getUri();

    /** The connection manager it sends and listens through ({@code ConnectionManager}). */
    public abstract RealTimeConnectionManager getConnectionManager();

    /** Raised for each new incoming INVITE ({@code SessionReceived}). */
    public Event<SessionReceivedEventArgs> sessionReceived() {
        return sessionReceived;
    }

    /** Raised for each out-of-dialog MESSAGE, INFO, OPTIONS... ({@code MessageReceived}). */
    public Event<MessageReceivedEventArgs> messageReceived() {
        return messageReceived;
    }

    /** Raised when the API answered a request with an error by itself, e.g. 480 for an INVITE while not listening (no UCMA counterpart). */
    public Event<RequestRefusedEventArgs> requestRefused() {
        return requestRefused;
    }

    abstract SipUserAgent agent();

    abstract EndpointHandler handler();

    /** How long any one operation may take before it ends in {@link OperationTimeoutException}. */
    public abstract Duration getOperationTimeout();

    /**
     * How long an outgoing INVITE waits for the callee to answer once it rings (180/183) before it
     * is cancelled and ends in {@link OperationTimeoutException}. A workbench addition: UCMA has
     * no such setting.
     */
    public abstract Duration getRingTimeout();

    abstract void sessionStarted(SignalingSession session);

    abstract void sessionEnded(SignalingSession session);

    /** Ends sessions, signs out and releases ports; never throws. */
    @Override
    public abstract void close();
}
