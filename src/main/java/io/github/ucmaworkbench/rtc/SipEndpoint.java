package io.github.ucmaworkbench.rtc;

import io.github.ucmaworkbench.rtc.sip.EndpointHandler;
import io.github.ucmaworkbench.rtc.sip.MessageView;
import io.github.ucmaworkbench.rtc.sip.Registration;
import io.github.ucmaworkbench.rtc.sip.SipFailure;
import io.github.ucmaworkbench.rtc.sip.SipUris;
import io.github.ucmaworkbench.rtc.sip.SipUserAgent;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An endpoint that signs in to a SIP server (registrar) and sends and receives sessions through
 * it; mirrors UCMA's {@code SipEndpoint}.
 *
 * <pre>{@code
 * SipEndpoint endpoint = new SipEndpoint("sip:client@example.com", SipAuthenticationProtocols.NONE,
 *         SipTransportType.TCP, "127.0.0.1", 5060, true, null, null);
 * endpoint.beginRegister(this::registerCallback, endpoint);
 * }</pre>
 */
public class SipEndpoint extends RealTimeEndpoint {
    /** The realm UCMA's credential cache is keyed by by default ({@code DefaultRtcRealm}). */
    public static final String DEFAULT_RTC_REALM = "SIP Communications Service";
    /** Default operation timeout: short enough that a class sees a failure before losing interest. */
    public static final Duration DEFAULT_OPERATION_TIMEOUT =
            Duration.ofMillis(Long.getLong("ucma.operationTimeoutMs", 8000));

    /**
     * Default ring timeout: a minute, about how long a phone rings before voicemail would take it,
     * and well beyond the 20 s the "Ask me" policy gives a teacher.
     */
    public static final Duration DEFAULT_RING_TIMEOUT =
            Duration.ofMillis(Long.getLong("ucma.ringTimeoutMs", 60_000));

    private static final Logger LOG = LoggerFactory.getLogger(SipEndpoint.class);

    private final String uri;
    private final SipAuthenticationProtocols authenticationProtocols;
    private final SipTransportType transport;
    private final String serverName;
    private final int serverPort;
    private final boolean allowNoAuthentication;
    private final RealTimeConnectionManager connectionManager;
    private final boolean ownsConnectionManager;
    private final String endpointId;
    private final SipCredentialCache credentialCache = new SipCredentialCache();
    private final EndpointSipHandler handler = new EndpointSipHandler(this);
    private final Registration registration;
    private final Event<RegistrationStateChangedEventArgs> registrationStateChanged = new Event<>(executor);
    private final Set<SignalingSession> sessions = ConcurrentHashMap.newKeySet();
    private final Runnable contactListener = this::contactChanged;
    private volatile Duration operationTimeout = DEFAULT_OPERATION_TIMEOUT;
    private volatile Duration ringTimeout = DEFAULT_RING_TIMEOUT;
    private RegistrationState registrationState = RegistrationState.UNREGISTERED;
    private volatile boolean closed;
    /** The sign-out in flight while UNREGISTERING (close() waits for it). */
    private AsyncResult unregistering;

    /** The short form: server port 0 (the transport's default), no connection manager of its own choosing. */
    public SipEndpoint(String uri, SipAuthenticationProtocols authenticationProtocols, SipTransportType transport,
            String serverName) {
        this(uri, authenticationProtocols, transport, serverName, 0, true, null, null);
    }

    /**
     * The full form of UCMA's constructor.
     *
     * @param serverPort        0 = the transport's default port (5060; 5061 for TLS)
     * @param connectionManager null = a private {@link RealTimeClientConnectionManager}
     * @param endpointId        null = the API picks one
     * @throws IllegalArgumentException for a malformed URI, server name or port, or an unsupported transport
     */
    public SipEndpoint(String uri, SipAuthenticationProtocols authenticationProtocols, SipTransportType transport,
            String serverName, int serverPort, boolean allowNoAuthentication,
            RealTimeConnectionManager connectionManager, String endpointId) {
        String uriProblem = RealTimeAddress.uriProblem(uri);
        if (uriProblem != null) {
            throw new IllegalArgumentException(uriProblem);
        }
        if (SipUris.user(uri) == null) {
            throw new IllegalArgumentException("the endpoint URI needs a user part, e.g. sip:client@example.com");
        }
        if (serverName == null || serverName.isBlank() || serverName.contains(" ")) {
            throw new IllegalArgumentException("a server name (host or address) is required");
        }
        if (serverPort < 0 || serverPort > 65535) {
            throw new IllegalArgumentException("the server port must be 0 (default) or 1-65535, not " + serverPort);
        }
        Objects.requireNonNull(transport, "transport");
        this.uri = uri.trim();
        this.authenticationProtocols = authenticationProtocols == null ? SipAuthenticationProtocols.NONE : authenticationProtocols;
        this.transport = transport;
        this.serverName = serverName.trim();
        this.serverPort = serverPort == 0 ? transport.getDefaultPort() : serverPort;
        this.allowNoAuthentication = allowNoAuthentication;
        this.ownsConnectionManager = connectionManager == null;
        this.connectionManager = connectionManager == null ? new RealTimeClientConnectionManager() : connectionManager;
        this.endpointId = endpointId == null ? Long.toHexString(System.nanoTime()) : endpointId;
        this.registration = new Registration(agent(), handler, this::refreshFailed);
        agent().attach(handler);
        this.connectionManager.addContactListener(contactListener);
    }

    @Override
    public String getUri() {
        return uri;
    }

    @Override
    public RealTimeConnectionManager getConnectionManager() {
        return connectionManager;
    }

    public SipTransportType getTransportType() {
        return transport;
    }

    public String getServerName() {
        return serverName;
    }

    public int getServerPort() {
        return serverPort;
    }

    public SipAuthenticationProtocols getAllowedAuthenticationProtocols() {
        return authenticationProtocols;
    }

    public boolean getAllowNoAuthentication() {
        return allowNoAuthentication;
    }

    public String getEndpointId() {
        return endpointId;
    }

    /** Credentials per realm for digest challenges ({@code CredentialCache}). */
    public SipCredentialCache getCredentialCache() {
        return credentialCache;
    }

    @Override
    public Duration getOperationTimeout() {
        return operationTimeout;
    }

    /** Sets how long any one operation may take (our addition; UCMA fixed it). */
    public void setOperationTimeout(Duration timeout) {
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the operation timeout must be positive");
        }
        operationTimeout = timeout;
        registration.setTimeout(timeout);
    }

    /**
     * {@inheritDoc}
     *
     * <p>The operation timeout covers an outgoing INVITE only until the callee rings; a person
     * takes longer to pick up than a network takes to answer.
     */
    @Override
    public Duration getRingTimeout() {
        return ringTimeout;
    }

    /**
     * Sets how long an outgoing INVITE may ring unanswered (default {@link #DEFAULT_RING_TIMEOUT});
     * when it passes, the INVITE is cancelled (CANCEL, RFC 3261 §9.1) and {@code endParticipate}
     * throws {@link OperationTimeoutException} saying the callee did not answer. A workbench
     * addition: UCMA has no such setting. Applies to INVITEs sent from now on.
     *
     * @throws IllegalArgumentException if the timeout is null, zero or negative
     */
    public void setRingTimeout(Duration timeout) {
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the ring timeout must be positive");
        }
        ringTimeout = timeout;
    }

    /** Asks the registrar for this many seconds per registration (default 3600); it may grant less. */
    public void setRegistrationExpires(int seconds) {
        if (seconds <= 0) {
            throw new IllegalArgumentException("the registration lifetime must be positive");
        }
        registration.setRequestedExpires(seconds);
    }

    public synchronized RegistrationState getRegistrationState() {
        return registrationState;
    }

    /** Raised on every registration transition ({@code RegistrationStateChanged}). */
    public Event<RegistrationStateChangedEventArgs> registrationStateChanged() {
        return registrationStateChanged;
    }

    // region register / unregister

    /** Signs in and waits ({@code Register()}); blocks: never call it on a UI thread. */
    public SipResponseData register() throws RealTimeException {
        return endRegister(beginRegister(null, null));
    }

    /** Signs in with extra headers and waits ({@code Register(headers)}). */
    public SipResponseData register(List<SignalingHeader> headers) throws RealTimeException {
        return endRegister(beginRegister(headers, null, null));
    }

    /** Starts signing in ({@code BeginRegister}). @throws IllegalStateException unless UNREGISTERED */
    public AsyncResult beginRegister(AsyncCallback callback, Object state) {
        return beginRegister(null, callback, state);
    }

    /** Starts signing in with extra headers on the REGISTER ({@code BeginRegister(headers, ...)}). */
    public AsyncResult beginRegister(List<SignalingHeader> headers, AsyncCallback callback, Object state) {
        Operation<SipResponseData> op = new Operation<>(this, "Register", callback, state, executor);
        synchronized (this) {
            requireOpen();
            if (registrationState != RegistrationState.UNREGISTERED) {
                throw new IllegalStateException("BeginRegister needs state UNREGISTERED; it is " + registrationState);
            }
            setRegistrationState(RegistrationState.REGISTERING, "BeginRegister was called");
        }
        List<Map.Entry<String, String>> entries = Failures.entries(headers);
        Workers.execute(() -> registration.register(entries, new Registration.Outcome() {
            @Override
            public void succeeded(MessageView response) {
                synchronized (SipEndpoint.this) {
                    setRegistrationState(RegistrationState.REGISTERED, "the registrar accepted the REGISTER");
                }
                op.succeed(new SipResponseData(response));
            }

            @Override
            public void failed(SipFailure failure) {
                registration.abandon();
                synchronized (SipEndpoint.this) {
                    setRegistrationState(RegistrationState.UNREGISTERED, failure.getMessage());
                }
                op.fail(Failures.toException(failure, "Register", true));
            }
        }));
        return op.started();
    }

    /** Finishes signing in ({@code EndRegister}): the 200 OK, or the failure rethrown. */
    public SipResponseData endRegister(AsyncResult result) throws RealTimeException {
        return Operation.end(result, this, "Register");
    }

    /** Signs out and waits ({@code Unregister()}). */
    public SipResponseData unregister() throws RealTimeException {
        return endUnregister(beginUnregister(null, null));
    }

    /**
     * Starts signing out ({@code BeginUnregister}). The endpoint is UNREGISTERED afterwards
     * whatever the server says; End reports a failure so the user knows the binding may linger
     * until it expires. Already unregistered: completes at once with a null response.
     *
     * @throws IllegalStateException while registering or unregistering
     */
    public AsyncResult beginUnregister(AsyncCallback callback, Object state) {
        Operation<SipResponseData> op = new Operation<>(this, "Unregister", callback, state, executor);
        synchronized (this) {
            if (registrationState == RegistrationState.UNREGISTERED) {
                op.succeed(null);
                return op.started();
            }
            if (registrationState != RegistrationState.REGISTERED) {
                throw new IllegalStateException("BeginUnregister cannot run while " + registrationState);
            }
            setRegistrationState(RegistrationState.UNREGISTERING, "BeginUnregister was called");
            unregistering = op;
        }
        Workers.execute(() -> registration.unregister(new Registration.Outcome() {
            @Override
            public void succeeded(MessageView response) {
                synchronized (SipEndpoint.this) {
                    setRegistrationState(RegistrationState.UNREGISTERED, "the registrar removed the binding");
                }
                op.succeed(new SipResponseData(response));
            }

            @Override
            public void failed(SipFailure failure) {
                synchronized (SipEndpoint.this) {
                    setRegistrationState(RegistrationState.UNREGISTERED, failure.getMessage());
                }
                op.fail(Failures.toException(failure, "Unregister", true));
            }
        }));
        return op.started();
    }

    /** Finishes signing out ({@code EndUnregister}). */
    public SipResponseData endUnregister(AsyncResult result) throws RealTimeException {
        return Operation.end(result, this, "Unregister");
    }

    // endregion

    private void setRegistrationState(RegistrationState next, String reason) {
        RegistrationState previous = registrationState;
        if (previous == next) {
            return;
        }
        registrationState = next;
        registrationStateChanged.raise(this, new RegistrationStateChangedEventArgs(previous, next, reason));
    }

    boolean isClosed() {
        return closed;
    }

    private void refreshFailed(SipFailure failure) {
        LOG.info("{}: registration refresh failed: {}", uri, failure.getMessage());
        registration.abandon();
        synchronized (this) {
            if (registrationState == RegistrationState.REGISTERED) {
                setRegistrationState(RegistrationState.UNREGISTERED, "refreshing the registration failed: " + failure.getMessage());
            }
        }
    }

    private void contactChanged() {
        boolean registered;
        synchronized (this) {
            registered = registrationState == RegistrationState.REGISTERED;
        }
        if (registered) {
            Workers.execute(registration::refreshNow);
        }
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("the endpoint was closed");
        }
    }

    @Override
    SipUserAgent agent() {
        return connectionManager.agent();
    }

    @Override
    EndpointHandler handler() {
        return handler;
    }

    @Override
    void sessionStarted(SignalingSession session) {
        requireOpen();
        sessions.add(session);
    }

    @Override
    void sessionEnded(SignalingSession session) {
        sessions.remove(session);
    }

    /**
     * Ends every session, signs out if signed in (waiting at most a second for the server), and
     * releases the connection manager if the endpoint created it. No UCMA 1.0 counterpart: its
     * endpoints lived as long as the process.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        for (SignalingSession session : List.copyOf(sessions)) {
            session.terminateQuietly();
        }
        AsyncResult unregister = null;
        synchronized (this) {
            if (registrationState == RegistrationState.REGISTERED) {
                unregister = beginUnregister(null, null);
            } else if (registrationState == RegistrationState.UNREGISTERING) {
                // A sign-out already on its way: closing the transport now would cut it off and
                // leave the registrar calling a dead binding until it expires.
                unregister = unregistering;
            }
            closed = true;
        }
        if (unregister != null) {
            try {
                unregister.waitForCompletion(Duration.ofSeconds(1));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        registration.abandon();
        agent().detach(handler);
        connectionManager.removeContactListener(contactListener);
        if (ownsConnectionManager) {
            connectionManager.close();
        }
    }

    @Override
    public String toString() {
        return "SipEndpoint[" + uri + " via " + serverName + ":" + serverPort + "/" + transport.name().toLowerCase(Locale.ROOT) + "]";
    }
}
