package io.github.ucmaworkbench.rtc.sip;

import gov.nist.core.CommonLogger;
import io.github.ucmaworkbench.trace.TraceServerLogger;
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
    private static final Logger LOG = LoggerFactory.getLogger(SipStacks.class);
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final Object CREATE_LOCK = new Object();

    static {
        // The RI's static loggers fall back to log4j when this is null, even before any stack exists.
        CommonLogger.legacyLogger = new Slf4jStackLogger();
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
        Properties p = new Properties();
        p.setProperty("javax.sip.STACK_NAME", party + "#" + SEQUENCE.incrementAndGet());
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
        // (seen at the registrar with SIPp). One queue-fed UDP thread keeps arrival order.
        p.setProperty("gov.nist.javax.sip.THREAD_POOL_SIZE", "1");
        p.setProperty("gov.nist.javax.sip.CONNECTION_TIMEOUT", "3000");
        p.setProperty("gov.nist.javax.sip.NETWORK_LAYER", NoDelayNetworkLayer.class.getName());
        p.setProperty("gov.nist.javax.sip.SECURITY_MANAGER_PROVIDER", LazySecurityManagerProvider.class.getName());
        if (extra != null) {
            p.putAll(extra);
        }
        synchronized (CREATE_LOCK) {
            SipFactory factory = SipFactory.getInstance();
            factory.setPathName("gov.nist");
            return factory.createSipStack(p);
        }
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
        Thread stopper = new Thread(() -> {
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
        }, "sip-stack-stop");
        stopper.setDaemon(true);
        stopper.start();
        try {
            stopper.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
