package io.github.ucmaworkbench.rtc.sip;

import gov.nist.javax.sip.stack.SIPDialog;
import io.github.ucmaworkbench.sip.CallLanes;
import io.github.ucmaworkbench.sip.PartitionedUdpProcessors;
import io.github.ucmaworkbench.sip.SipStacks;
import io.github.ucmaworkbench.sip.SipTimers;
import io.github.ucmaworkbench.sip.tls.TlsSource;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.security.cert.CertificateException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import javax.net.ssl.SSLException;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.DialogTerminatedEvent;
import javax.sip.IOExceptionEvent;
import javax.sip.ListeningPoint;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.SipException;
import javax.sip.SipFactory;
import javax.sip.SipListener;
import javax.sip.SipProvider;
import javax.sip.SipStack;
import javax.sip.TimeoutEvent;
import javax.sip.TransactionTerminatedEvent;
import javax.sip.address.AddressFactory;
import javax.sip.header.HeaderFactory;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One JAIN-SIP stack and its providers, shared by the endpoints of one connection manager.
 *
 * <p>Every endpoint can send at once: the first use of a transport binds a "sending" listening
 * point on a free port of the local address that reaches the server. {@link #listen} binds the
 * address the user asked for (UDP and TCP on one port); from then on it is the Contact. A new
 * INVITE that arrives while nobody listens is refused with 480, which is the lesson's "call
 * before the server listens" demo; requests inside an existing dialog are always served, since
 * the far end sends them to whatever Contact we gave it.
 *
 * <p>All {@link SipListener} callbacks run on stack threads and only hand the event to its
 * Call-ID's lane ({@link CallLanes}).
 */
public final class SipUserAgent implements SipListener, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SipUserAgent.class);
    /** Protocol timers of every agent: timeouts and re-registrations; they only hand work on. */
    static final ScheduledExecutorService TIMERS = SipTimers.TIMERS;

    private final List<EndpointHandler> endpoints = new CopyOnWriteArrayList<>();
    private final Map<String, SipProvider> sendingProviders = new ConcurrentHashMap<>();
    private final Map<String, IncomingInvite> pendingInvites = new ConcurrentHashMap<>();
    private final PortBinder binder = new PortBinder();
    private volatile SipStack stack;
    private AddressFactory addressFactory;
    private HeaderFactory headerFactory;
    private MessageFactory messageFactory;
    private HeaderPrototypes prototypes;
    private volatile SipProvider listeningProvider;
    private volatile InetSocketAddress listeningAddress;
    private volatile boolean closed;
    private volatile TlsSource tls;

    /**
     * The key and trust this agent's stack uses for TLS (null: the process default). Takes effect
     * for a stack not created yet; the stack is created on the first send or listen.
     */
    public void setTls(TlsSource source) {
        this.tls = source;
    }

    /** Attaches an endpoint; the stack is created on first use, named after the first endpoint. */
    public void attach(EndpointHandler endpoint) {
        endpoints.add(endpoint);
    }

    public void detach(EndpointHandler endpoint) {
        endpoints.remove(endpoint);
    }

    synchronized SipStack stack() throws SipFailure {
        if (closed) {
            throw new SipFailure(SipFailure.Kind.OTHER, "the connection manager is closed");
        }
        if (stack == null) {
            String party = endpoints.isEmpty() ? "listener" : endpoints.get(0).userUri();
            try {
                Properties props = new Properties();
                CallLanes.reentrant(props);
                PartitionedUdpProcessors.use(props);
                props.setProperty("javax.sip.AUTOMATIC_DIALOG_SUPPORT", "on");
                // A finished transaction lingers for its timers (a BYE's 32 s over UDP, RFC 3261
                // §17.2.2) and by default keeps its parsed messages all that time: under a load of
                // calls that is most of the heap, and the collector's copying of it was a good
                // part of the server's CPU per call. "Aggressive" lets them go once the
                // transaction completes (retransmissions are answered from the encoded bytes), so
                // nothing of ours reads a transaction's request after the fact: ClientExchange,
                // IncomingInvite, IncomingRequest and IncomingReinvite keep their own.
                props.setProperty("gov.nist.javax.sip.RELEASE_REFERENCES_STRATEGY",
                        System.getProperty("ucma.endpoint.releaseReferences", "Aggressive"));
                stack = SipStacks.create(party, props, tls);
                SipFactory factory = SipFactory.getInstance();
                addressFactory = factory.createAddressFactory();
                headerFactory = factory.createHeaderFactory();
                messageFactory = factory.createMessageFactory();
                prototypes = new HeaderPrototypes(headerFactory, addressFactory);
                stack.start();
            } catch (Exception e) {
                SipStacks.stop(stack);
                stack = null;
                throw new SipFailure(SipFailure.Kind.OTHER, "the SIP stack could not start: " + e.getMessage(), null, e);
            }
        }
        return stack;
    }

    AddressFactory addresses() {
        return addressFactory;
    }

    HeaderFactory headers() {
        return headerFactory;
    }

    MessageFactory messages() {
        return messageFactory;
    }

    /** Parsed once, cloned per message: see {@link HeaderPrototypes}. */
    HeaderPrototypes prototypes() {
        return prototypes;
    }

    /** The provider that sends for {@code endpoint}, binding its transport on first use. */
    synchronized SipProvider providerFor(EndpointHandler endpoint) throws SipFailure {
        String transport = endpoint.transport().toUpperCase(Locale.ROOT);
        SipProvider listening = listeningProvider;
        if (listening != null && listening.getListeningPoint(transport) != null) {
            return listening;
        }
        SipProvider provider = sendingProviders.get(transport);
        if (provider == null) {
            InetAddress local = LocalAddresses.toward(endpoint.serverHost());
            provider = binder.bind(stack(), this, local, 0, List.of(transport));
            sendingProviders.put(transport, provider);
        }
        return provider;
    }

    /**
     * Binds {@code address} for UDP and TCP (port 0 = a free port) and makes it the Contact; with
     * a TLS endpoint attached, for TLS instead (TLS and plain TCP cannot share a port, and a TLS
     * endpoint's Contact says transport=tls, so nothing would reach the others).
     *
     * @return the bound address, never a wildcard or port 0
     */
    public synchronized InetSocketAddress listen(InetSocketAddress address) throws SipFailure {
        if (listeningProvider != null) {
            throw new IllegalStateException("already listening on " + listeningAddress);
        }
        InetAddress host = address.getAddress();
        if (host == null) {
            throw new SipFailure(SipFailure.Kind.CONNECTION, "cannot resolve " + address.getHostString());
        }
        if (host.isAnyLocalAddress()) {
            // "Any address" is no Contact: use the address that reaches our server.
            host = endpoints.isEmpty() ? LocalAddresses.ofThisMachine() : LocalAddresses.toward(endpoints.get(0).serverHost());
        }
        boolean tlsEndpoint = endpoints.stream().anyMatch(e -> ListeningPoint.TLS.equalsIgnoreCase(e.transport()));
        SipProvider provider = binder.bind(stack(), this, host, address.getPort(),
                tlsEndpoint ? List.of(ListeningPoint.TLS) : List.of(ListeningPoint.TCP, ListeningPoint.UDP));
        listeningProvider = provider;
        listeningAddress = new InetSocketAddress(host, provider.getListeningPoints()[0].getPort());
        LOG.debug("listening on {}", listeningAddress);
        return listeningAddress;
    }

    public synchronized void stopListening() {
        SipProvider provider = listeningProvider;
        if (provider == null) {
            throw new IllegalStateException("not listening");
        }
        listeningProvider = null;
        listeningAddress = null;
        binder.release(stack, provider);
    }

    public InetSocketAddress getListeningAddress() {
        return listeningAddress;
    }

    public boolean isListening() {
        return listeningProvider != null;
    }

    /** The Contact URI for {@code endpoint}: the listening address once listening, else the sending one. */
    String contactUri(EndpointHandler endpoint) throws SipFailure {
        SipProvider provider = providerFor(endpoint);
        ListeningPoint lp = provider.getListeningPoint(endpoint.transport().toUpperCase(Locale.ROOT));
        String user = SipUris.user(endpoint.userUri());
        return "sip:" + (user == null ? "" : user + "@") + SipUris.hostForUri(lp.getIPAddress()) + ":" + lp.getPort()
                + ";transport=" + endpoint.transport().toLowerCase(Locale.ROOT);
    }

    /** Where our Contact for {@code endpoint} points: the address and port an SDP body names for us. */
    public InetSocketAddress contactAddress(EndpointHandler endpoint) throws SipFailure {
        ListeningPoint lp = providerFor(endpoint).getListeningPoint(endpoint.transport().toUpperCase(Locale.ROOT));
        try {
            return new InetSocketAddress(InetAddress.getByName(lp.getIPAddress()), lp.getPort());
        } catch (UnknownHostException e) {
            throw new SipFailure(SipFailure.Kind.OTHER, "our own address " + lp.getIPAddress() + " is not an address", null, e);
        }
    }

    /** Sends a request in a new client transaction whose responses go to {@code exchange}. */
    ClientTransaction send(EndpointHandler endpoint, Request request, Dialog dialog, ClientExchange exchange)
            throws SipFailure {
        // In-dialog requests must go out through the dialog's own provider and Dialog.sendRequest.
        SipProvider provider = dialog == null ? providerFor(endpoint) : ((SIPDialog) dialog).getSipProvider();
        try {
            ClientTransaction ct = provider.getNewClientTransaction(request);
            ct.setApplicationData(exchange);
            if (dialog == null) {
                ct.sendRequest();
            } else {
                dialog.sendRequest(ct);
            }
            return ct;
        } catch (SipException e) {
            if (ListeningPoint.TLS.equalsIgnoreCase(endpoint.transport()) && isHandshakeBreakdown(e)) {
                throw noTlsHandshake(endpoint, e);
            }
            throw connectionFailure(e);
        }
    }

    /**
     * A TLS handshake that broke off without a certificate verdict: the peer closed or sent
     * non-TLS bytes ("SSL peer shut down incorrectly"), or never answered and the RI's handshake
     * watchdog closed the socket ("Socket is closed"). A refused certificate ends in our own
     * CertificateException and keeps its sentence.
     */
    private static boolean isHandshakeBreakdown(Exception e) {
        boolean ssl = false;
        Throwable root = e;
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            ssl |= t instanceof SSLException;
            root = t;
        }
        return !(root instanceof CertificateException)
                && (ssl || "Socket is closed".equals(root.getMessage()));
    }

    /** Most often a plain SIP port given where a TLS port was meant. */
    private static SipFailure noTlsHandshake(EndpointHandler endpoint, Exception e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return new SipFailure(SipFailure.Kind.CONNECTION, "no TLS handshake with " + endpoint.serverHost() + ":"
                + endpoint.serverPort() + " (" + root.getMessage() + ", or no answer within "
                + SipStacks.TLS_HANDSHAKE_TIMEOUT_MS / 1000 + " s): is that a TLS port?", null, e);
    }

    static SipFailure connectionFailure(Exception e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String why = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return new SipFailure(SipFailure.Kind.CONNECTION, "the message could not be sent: " + why, null, e);
    }

    void rememberInvite(String key, IncomingInvite invite) {
        pendingInvites.put(key, invite);
    }

    void forgetInvite(String key) {
        pendingInvites.remove(key);
    }

    // ---- SipListener: hand each event to its Call-ID's lane -----------------------------------
    // The stack calls these on its own threads, concurrently (REENTRANT_LISTENER, see CallLanes);
    // everything below runs on the lane, one event of a call at a time, in the stack's order.

    @Override
    public void processRequest(RequestEvent received) {
        RequestEvent event = CallLanes.withServerTransaction(received);
        if (event == null) {
            return; // a retransmission: its first copy's transaction answers it
        }
        CallLanes.shared().execute(CallLanes.callIdOf(event.getRequest()), () -> {
            try {
                if (!UasRefusals.refused(this, event)) {
                    new RequestRouter(this, endpoints, pendingInvites).route(event);
                }
            } catch (RuntimeException e) {
                LOG.warn("failed to handle {}", event.getRequest().getMethod(), e);
            }
        });
    }

    @Override
    public void processResponse(ResponseEvent event) {
        CallLanes.shared().execute(CallLanes.callIdOf(event.getResponse()), () -> responseReceived(event));
    }

    private void responseReceived(ResponseEvent event) {
        ClientTransaction ct = event.getClientTransaction();
        Response response = event.getResponse();
        if (ct == null) {
            // A 2xx retransmission after the INVITE transaction ended: the dialog re-sends its ACK.
            if (event.getDialog() != null && event.getDialog().getApplicationData() instanceof DialogChannel channel) {
                channel.retransmittedSuccess(response);
            }
            return;
        }
        if (ct.getApplicationData() instanceof ClientExchange exchange) {
            exchange.responseReceived(response, ct);
        }
    }

    @Override
    public void processTimeout(TimeoutEvent event) {
        if (event.isServerTransaction()) {
            return;
        }
        ClientTransaction ct = event.getClientTransaction();
        if (ct != null && ct.getApplicationData() instanceof ClientExchange exchange) {
            CallLanes.shared().execute(CallLanes.callIdOf(event), exchange::stackTimedOut);
        }
    }

    @Override
    public void processIOException(IOExceptionEvent event) {
        LOG.debug("transport error toward {}:{} ({})", event.getHost(), event.getPort(), event.getTransport());
    }

    @Override
    public void processTransactionTerminated(TransactionTerminatedEvent event) {
    }

    @Override
    public void processDialogTerminated(DialogTerminatedEvent event) {
        // Only a debug line, so it runs here: a lane task per call (raised on the RI's timer
        // thread, it could never run in place) was a thread wake-up per call for nothing.
        if (event.getDialog().getApplicationData() instanceof DialogChannel channel) {
            channel.dialogTerminated();
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (IncomingInvite invite : new ArrayList<>(pendingInvites.values())) {
            invite.abandon();
        }
        SipStacks.stop(stack);
        stack = null;
        sendingProviders.clear();
        listeningProvider = null;
        listeningAddress = null;
    }

    public boolean isClosed() {
        return closed;
    }
}
