package io.github.ucmaworkbench.registrar;

import gov.nist.javax.sip.stack.SIPTransactionStack;
import io.github.ucmaworkbench.common.DaemonThreads;
import io.github.ucmaworkbench.sip.CallLanes;
import io.github.ucmaworkbench.sip.PartitionedUdpProcessors;
import io.github.ucmaworkbench.sip.FreePorts;
import io.github.ucmaworkbench.sip.SipStacks;
import io.github.ucmaworkbench.sip.UdpReceiveBuffers;
import io.github.ucmaworkbench.sip.tls.TlsSetupException;
import io.github.ucmaworkbench.sip.tls.TlsSource;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Properties;
import java.util.TooManyListenersException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sip.InvalidArgumentException;
import javax.sip.ListeningPoint;
import javax.sip.SipException;
import javax.sip.SipFactory;
import javax.sip.SipProvider;
import javax.sip.SipStack;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded SIP registrar and stateful proxy that stands in for Office Communications Server:
 * clients REGISTER with it (RFC 3261 §10) and send their INVITEs, MESSAGEs and so on through it
 * (§16). Listens on UDP and TCP on one port, and with {@link RegistrarConfig.Builder#tls TLS}
 * configured on TLS as well (by default on the next port: 5061 beside 5060), proxying between
 * TLS and plain legs.
 *
 * <pre>{@code
 * try (RegistrarService registrar = new RegistrarService(RegistrarConfig.defaults())) {
 *     InetSocketAddress address = registrar.start();
 *     ...
 * }
 * }</pre>
 */
public final class RegistrarService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RegistrarService.class);
    private static final long PURGE_PERIOD_MILLIS = 250;
    /** Used nonces whose nonce-count is tracked for replay protection (see NonceService). */
    private static final int NONCES_REMEMBERED = 20_000;
    /** One line per source at once, then at most one summary per source and interval. */
    private static final long REFUSALS_INTERVAL_MILLIS = 10_000;

    private final RegistrarConfig config;
    private final ExecutorService notifier;
    private final LocationService location;
    private final AuthFailureLimiter failures;
    private final SignInRefusals refusals;
    private final Object lifecycle = new Object();
    private ScheduledExecutorService housekeeping;
    private SipStack stack;
    private ProxyCore proxy;
    private RegistrarListener listener;
    private InetSocketAddress localAddress;
    private InetSocketAddress tlsAddress;
    private boolean closed;

    public RegistrarService(RegistrarConfig config) {
        this.config = config;
        this.notifier = Executors.newSingleThreadExecutor(DaemonThreads.named("registrar-events"));
        this.location = new LocationService(notifier);
        this.failures = new AuthFailureLimiter(config.getAuthFailureLimit(), config.getAuthFailureWindowMillis(),
                System::currentTimeMillis);
        this.refusals = new SignInRefusals(REFUSALS_INTERVAL_MILLIS, System::currentTimeMillis, LOG::warn);
        for (String user : config.getUsers().keySet()) {
            // Configured users are known: calling one who is not signed in is 480, not 404.
            location.markKnown(LocationService.aorOf(user, config.getDomain()));
        }
    }

    /**
     * Binds UDP and TCP on the configured address and port and starts serving.
     *
     * @return the bound address
     * @throws IOException when no port could be bound (with {@code fixedPort}: the configured one)
     * @throws IllegalStateException when already started or closed
     */
    public InetSocketAddress start() throws IOException {
        synchronized (lifecycle) {
            if (closed || stack != null) {
                throw new IllegalStateException(closed ? "registrar is closed" : "registrar already started");
            }
            InetAddress address = config.getBindAddress();
            // A keystore problem is the same on every port: say it once instead of trying ports.
            TlsSource tls = null;
            if (config.isTlsEnabled()) {
                try {
                    tls = TlsSource.of(config.getTls().get());
                } catch (TlsSetupException e) {
                    throw new IOException("cannot listen on TLS: " + e.getMessage(), e);
                }
            }
            int wanted = config.getPort();
            int attempts = wanted == 0 ? 10 : config.isFixedPort() ? 1 : RegistrarConfig.PORT_ATTEMPTS + 1;
            IOException last = null;
            for (int i = 0; i < attempts; i++) {
                int port = wanted == 0 ? FreePorts.anyFreePort(address, true) : wanted + i;
                if (port > 65535) {
                    break;
                }
                int tlsPort = !config.isTlsEnabled() ? 0 : config.getTlsPort() == 0 ? port + 1 : config.getTlsPort();
                String problem = FreePorts.problem(address, port);
                if (problem == null && tlsPort != 0) {
                    problem = FreePorts.tcpProblem(address, tlsPort);
                    problem = problem == null ? null : "(TLS port " + tlsPort + ") " + problem;
                }
                if (problem != null) {
                    last = new IOException("port " + port + " on " + address.getHostAddress() + " " + problem);
                    continue;
                }
                try {
                    bind(address, port, tlsPort, tls);
                } catch (IOException e) {
                    last = e; // lost a race for the port, or the stack refused it: next one
                    continue;
                }
                String where = address.getHostAddress() + ":" + port + " (UDP+TCP)"
                        + (tlsPort == 0 ? "" : " and " + tlsPort + " (TLS)");
                if (wanted != 0 && port != wanted) {
                    LOG.info("port {} is taken; the registrar is listening on {}, domain {}",
                            wanted, where, config.getDomain());
                } else {
                    LOG.info("the registrar is listening on {}, domain {}", where, config.getDomain());
                }
                localAddress = new InetSocketAddress(address, port);
                tlsAddress = tlsPort == 0 ? null : new InetSocketAddress(address, tlsPort);
                return localAddress;
            }
            String message = config.isFixedPort() && last != null
                    ? last.getMessage() + " (fixed port requested)"
                    : "no free port for the registrar on " + address.getHostAddress() + " from " + wanted
                            + " to " + (wanted + RegistrarConfig.PORT_ATTEMPTS);
            throw new IOException(message, last);
        }
    }

    private void bind(InetAddress address, int port, int tlsPort, TlsSource tls) throws IOException {
        Properties props = new Properties();
        // A proxy keeps no dialogs (§16): we handle every request and ACK ourselves.
        props.setProperty("javax.sip.AUTOMATIC_DIALOG_SUPPORT", "off");
        // A proxy depends on a call's datagrams being handled in arrival order: with a thread per
        // UDP datagram an ACK and the BYE right behind it can reach us, and leave, swapped. UDP is
        // read into one queue per lane, split by Call-ID (PartitionedUdpProcessors), and
        // RegistrarListener keeps that order per Call-ID on the lanes (CallLanes).
        CallLanes.reentrant(props);
        PartitionedUdpProcessors.use(props);
        // A finished transaction lingers for its timers (a BYE's server transaction 32 s + 8 s over
        // UDP, RFC 3261 §17.2.2) and by default keeps its parsed request: at 1,000 calls/s that
        // was 300-400 MB live, and G1 spent a third of the registrar's CPU copying and marking it.
        // "Aggressive" drops the parsed messages once the transaction completes; a retransmission
        // is still answered from the response's bytes, and the proxy never reads a finished
        // transaction's request (ProxyCore keeps what it needs: PendingInvite).
        props.setProperty("gov.nist.javax.sip.RELEASE_REFERENCES_STRATEGY",
                System.getProperty("ucma.registrar.releaseReferences", "Aggressive"));
        SipStack candidate = null;
        try {
            candidate = SipStacks.create("registrar", props, tls);
            String host = address.getHostAddress();
            ListeningPoint udp = candidate.createListeningPoint(host, port, ListeningPoint.UDP);
            UdpReceiveBuffers.shrink(udp); // no 64 KB buffer per datagram received (see there)
            ListeningPoint tcp = candidate.createListeningPoint(host, port, ListeningPoint.TCP);
            SipProvider provider = candidate.createSipProvider(udp);
            provider.addListeningPoint(tcp);
            if (tlsPort != 0) {
                // The certificate is loaded (or made) here: a bad keystore fails start(), not a later call.
                provider.addListeningPoint(candidate.createListeningPoint(host, tlsPort, ListeningPoint.TLS));
            }
            SipFactory factory = SipFactory.getInstance();
            var messages = factory.createMessageFactory();
            var headers = factory.createHeaderFactory();
            var addresses = factory.createAddressFactory();
            LocalIdentity identity = new LocalIdentity(config.getDomain(), address, port, tlsPort);
            NonceService nonces = new NonceService(config.getNonceLifetimeMillis(), NONCES_REMEMBERED,
                    System::currentTimeMillis);
            DigestChallenger digest = new DigestChallenger(config.getDomain(), config.getUsers(),
                    config.getDigestAlgorithms(), headers, nonces);
            AuthGate auth = new AuthGate(digest, failures, refusals, messages);
            RegisterHandler registrar = new RegisterHandler(config, identity, location, auth, messages, headers, addresses);
            ProxyCore core = new ProxyCore(provider, messages, headers, addresses, identity, location, config, auth);
            RegistrarListener dispatcher = new RegistrarListener(registrar, core, messages);
            provider.addSipListener(dispatcher);
            // Public in the RI and read on every message: set before start, never changed after.
            ((SIPTransactionStack) candidate).sipMessageValves.add(new ProxyValve(core, (SIPTransactionStack) candidate));
            candidate.start();
            stack = candidate;
            proxy = core;
            listener = dispatcher;
            housekeeping = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("registrar-housekeeping"));
            housekeeping.scheduleWithFixedDelay(this::housekeep, PURGE_PERIOD_MILLIS, PURGE_PERIOD_MILLIS,
                    TimeUnit.MILLISECONDS);
        } catch (SipException | InvalidArgumentException | TooManyListenersException
                | RuntimeException e) {
            // STYLE.md: after a failed bind the stack is thrown away; the next try gets a new name.
            // SipStacks.stop stops twice, because a stop right after creating a listening point can NPE half-way
            // and leave the UDP port we did bind still bound.
            SipStacks.stop(candidate);
            throw new IOException("cannot listen on " + address.getHostAddress() + ":" + port
                    + (tlsPort == 0 ? "" : " and " + tlsPort + " (TLS)") + ": " + rootMessage(e), e);
        }
    }

    /** The RI wraps a keystore problem in two layers; the innermost message is the one that says what is wrong. */
    private static String rootMessage(Exception e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? e.getMessage() : t.getMessage();
    }

    private void housekeep() {
        try {
            location.purgeExpired();
            refusals.flushDue();
            ProxyCore p = proxy;
            if (p != null) {
                p.sweep();
            }
        } catch (RuntimeException e) {
            LOG.warn("registrar housekeeping failed", e);
        }
    }

    /** The bound address, or null before {@link #start()}. */
    public InetSocketAddress getLocalAddress() {
        synchronized (lifecycle) {
            return localAddress;
        }
    }

    /** The bound TLS address, or null without TLS or before {@link #start()}. */
    public InetSocketAddress getTlsAddress() {
        synchronized (lifecycle) {
            return tlsAddress;
        }
    }

    /** The SIP domain served, e.g. {@code example.com}. */
    public String getDomain() {
        return config.getDomain();
    }

    public RegistrarConfig getConfig() {
        return config;
    }

    public LocationService getLocationService() {
        return location;
    }

    /** How many AORs currently have at least one live binding. */
    public int getRegisteredUserCount() {
        return location.getRegisteredUserCount();
    }

    /** Failed sign-ins (wrong password, unknown user, replayed credentials) since the registrar was made. */
    public long getAuthFailureCount() {
        return failures.totalFailures();
    }

    /** Requests refused without a check because their source had too many failures. */
    public long getRefusedForFailuresCount() {
        return failures.totalRefused();
    }

    /** Failed sign-ins per source address within each source's current window. */
    public Map<String, Integer> getAuthFailuresBySource() {
        return failures.failuresBySource();
    }

    /** Proxied requests waiting for their final response right now (0 when stopped). */
    public int getPendingTransactionCount() {
        ProxyCore p;
        synchronized (lifecycle) {
            p = proxy;
        }
        return p == null ? 0 : p.pendingCount();
    }

    /** Proxied INVITEs whose server transaction has not ended yet (for tests: nothing may leak). */
    int getOpenInviteCount() {
        ProxyCore p;
        synchronized (lifecycle) {
            p = proxy;
        }
        return p == null ? 0 : p.inviteCount();
    }

    /**
     * Calls {@code onBindingsChanged} on a registrar thread whenever the set of registered users
     * changes. Close the handle to stop.
     */
    public AutoCloseable addListener(Runnable onBindingsChanged) {
        return location.addListener(onBindingsChanged);
    }

    /** Stops listening and forgets nothing else; idempotent. */
    @Override
    public void close() {
        SipStack toStop;
        synchronized (lifecycle) {
            if (closed) {
                return;
            }
            closed = true;
            toStop = stack;
            stack = null;
            if (listener != null) {
                listener.closing();
            }
            proxy = null;
            if (housekeeping != null) {
                housekeeping.shutdownNow();
            }
        }
        SipStacks.stop(toStop);
        refusals.flushAll();
        InetSocketAddress bound = getLocalAddress();
        if (toStop != null && bound != null) {
            // The JDK releases a UDP socket whose reader thread was blocked a moment after close()
            // returns; wait for it (briefly) so a restart on the same port cannot fail spuriously.
            if (!FreePorts.awaitFree(bound.getAddress(), bound.getPort(), 500)) {
                LOG.warn("the registrar's port {} is still in use after close", bound.getPort());
            }
        }
        notifier.shutdown();
        LOG.debug("registrar stopped");
    }
}
