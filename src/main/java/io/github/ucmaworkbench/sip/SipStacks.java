package io.github.ucmaworkbench.sip;

import gov.nist.core.CommonLogger;
import io.github.ucmaworkbench.common.DaemonThreads;
import io.github.ucmaworkbench.sip.tls.TlsSource;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sip.PeerUnavailableException;
import javax.sip.SipFactory;
import javax.sip.SipStack;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates and stops JAIN-SIP stacks the way this project needs them: unique names, our loggers,
 * message tracing on, one creation at a time.
 *
 * <p>Why the care: {@link SipFactory} caches stacks by name and hands back a stopped stack for a
 * reused name; creating stacks concurrently can NPE inside the RI; {@code stop()} right after a
 * listening point was created can NPE too. The stack name before {@code '#'} is the "party" label
 * the trace shows (an endpoint URI, or "registrar").
 */
public final class SipStacks {
    /** What we ask for as the UDP receive buffer: about 8,000 small datagrams, a second at full load. */
    static final int UDP_RECEIVE_BUFFER = 8 * 1024 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(SipStacks.class);
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final Object CREATE_LOCK = new Object();
    /** A peer that connects and never finishes the TLS handshake is cut off after this long. */
    public static final int TLS_HANDSHAKE_TIMEOUT_MS = 5000;

    static {
        // The RI's static loggers fall back to log4j when this is null, even before any stack exists.
        CommonLogger.legacyLogger = new Slf4jStackLogger();
        ParserThreadDeaths.install();
    }

    private SipStacks() {
    }

    /**
     * Creates a stack whose trace label is {@code party}.
     *
     * @param party what the trace calls this stack's owner, e.g. {@code sip:client@example.com}
     * @param extra stack properties that override the defaults (may be null)
     */
    public static SipStack create(String party, Properties extra) throws PeerUnavailableException {
        return create(party, extra, null);
    }

    /**
     * Like {@link #create(String, Properties)}, with the TLS material this stack presents and trusts
     * (null: {@link TlsSource#defaults()}); it is only asked for when the stack opens a TLS socket.
     */
    public static SipStack create(String party, Properties extra, TlsSource tls) throws PeerUnavailableException {
        Properties p = new Properties();
        String name = party + "#" + SEQUENCE.incrementAndGet();
        p.setProperty("javax.sip.STACK_NAME", name);
        p.setProperty("gov.nist.javax.sip.STACK_LOGGER", Slf4jStackLogger.class.getName());
        p.setProperty("gov.nist.javax.sip.SERVER_LOGGER", TraceServerLogger.class.getName());
        p.setProperty("gov.nist.javax.sip.TRACE_LEVEL", "16");
        p.setProperty("gov.nist.javax.sip.LOG_MESSAGE_CONTENT", "true");
        // A peer must not make us hold unbounded input (RFC 3261 leaves it to us).
        p.setProperty("gov.nist.javax.sip.MAX_MESSAGE_SIZE", "1048576");
        p.setProperty("gov.nist.javax.sip.CACHE_CLIENT_CONNECTIONS", "true");
        // A peer that sends half a message over TCP must not hold the connection forever, but a
        // busy machine must not cut slow senders off either (1 s lost BYEs under load).
        p.setProperty("gov.nist.javax.sip.READ_TIMEOUT", "10000");
        // Without a pool the RI parses every UDP datagram on a new thread, so a 180 and the 200
        // right behind it can reach the transaction in the wrong order and the 180 is dropped
        // (seen at the registrar with SIPp). One queue-fed UDP thread keeps arrival order; a stack
        // that splits its UDP input by Call-ID (PartitionedUdpProcessors) has one per lane instead.
        p.setProperty("gov.nist.javax.sip.THREAD_POOL_SIZE", "1");
        // The RI sets SO_RCVBUF to 64 KB (less than Linux's own default): a busy machine that
        // keeps the one UDP reader off the CPU for a few ms then drops datagrams in the kernel,
        // and a lost ACK is never resent by the caller (RFC 3261 §17.1.1.3). Linux caps this at
        // net.core.rmem_max.
        p.setProperty("gov.nist.javax.sip.RECEIVE_UDP_BUFFER_SIZE", String.valueOf(UDP_RECEIVE_BUFFER));
        p.setProperty("gov.nist.javax.sip.CONNECTION_TIMEOUT", "3000");
        p.setProperty("gov.nist.javax.sip.NETWORK_LAYER", NoDelayNetworkLayer.class.getName());
        tlsProperties(p);
        // The RI reports malformed input only at debug level: say it once per source and interval.
        p.setProperty("gov.nist.javax.sip.MESSAGE_PARSER_FACTORY", ReportingParserFactory.class.getName());
        p.setProperty("gov.nist.javax.sip.SECURITY_MANAGER_PROVIDER", LazySecurityManagerProvider.class.getName());
        if (extra != null) {
            p.putAll(extra);
        }
        TlsStacks.register(name, tls);
        synchronized (CREATE_LOCK) {
            SipFactory factory = SipFactory.getInstance();
            factory.setPathName("gov.nist");
            try {
                return factory.createSipStack(p);
            } catch (PeerUnavailableException | RuntimeException e) {
                TlsStacks.forget(name);
                throw e;
            }
        }
    }

    /**
     * TLS as RFC 3261 §26.3.1 uses it: the server proves who it is, clients are not asked for a
     * certificate (the RI's "Default" would demand one of every client, and SIPp or a softphone
     * has none). The RI's own defaults offer TLS 1.0-1.2 with RSA-only suites that JDK 17 disables
     * or our EC key cannot use; these are TLS 1.3 and 1.2 with forward secrecy, every one present
     * in JDK 11+, since an unknown name makes the RI's {@code setEnabledCipherSuites} throw.
     * A peer that connects and never finishes the handshake is cut off after 5 s (the RI's
     * watchdog takes milliseconds here, whatever its documentation says).
     */
    private static void tlsProperties(Properties p) {
        p.setProperty("gov.nist.javax.sip.TLS_CLIENT_AUTH_TYPE", "Disabled");
        p.setProperty("gov.nist.javax.sip.TLS_CLIENT_PROTOCOLS", "TLSv1.3, TLSv1.2");
        p.setProperty("gov.nist.javax.sip.ENABLED_CIPHER_SUITES", String.join(", ",
                "TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256",
                "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
                "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384"));
        p.setProperty("gov.nist.javax.sip.SSL_HANDSHAKE_TIMEOUT", String.valueOf(TLS_HANDSHAKE_TIMEOUT_MS));
    }

    /**
     * Stops a stack, swallowing the RI's shutdown races; safe on null.
     *
     * <p>{@code SIPTransactionStack.stopStack()} closes its sockets and then sleeps one second
     * unconditionally; that second would be added to every sign-out, window close and test. The
     * stop runs on a fresh thread whose interrupt flag is already set, which ends that nap at once
     * (the sockets are blocking ones and ignore the flag); the caller's own flag is untouched.
     */
    public static void stop(SipStack stack) {
        if (stack == null) {
            return;
        }
        TlsStacks.forget(stack.getStackName());
        Thread stopper = DaemonThreads.start("sip-stack-stop", () -> {
            synchronized (CREATE_LOCK) {
                // UDPMessageProcessor.stop() NPEs when its receiver thread has not run yet (a stop
                // right after start, or after a failed bind); that aborts stopStack() half-way and
                // leaves later processors (a TCP port) bound. The failed processor is already out
                // of the list then, so a second stop finishes; on a stopped stack it is idempotent.
                for (int attempt = 0; attempt < 2; attempt++) {
                    // The nap's InterruptedException clears the flag: set it for each attempt.
                    Thread.currentThread().interrupt();
                    try {
                        stack.stop();
                    } catch (RuntimeException e) {
                        LOG.debug("stack {} did not stop cleanly", stack.getStackName(), e);
                    }
                }
            }
        });
        try {
            stopper.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        MalformedInputReporter.release(stack.getStackName());
    }
}
