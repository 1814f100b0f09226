package io.github.ucmaworkbench.sip;

import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.message.SIPResponse;
import gov.nist.javax.sip.parser.StringMsgParser;
import gov.nist.javax.sip.stack.SIPClientTransactionImpl;
import gov.nist.javax.sip.stack.SIPServerTransactionImpl;
import gov.nist.javax.sip.stack.SIPTransactionImpl;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import javax.sip.ClientTransaction;
import javax.sip.ServerTransaction;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A proxy's INVITE server transactions over UDP, let go as soon as their 2xx has gone upstream,
 * with the "Accepted" state of RFC 6026 §7.1 kept here in their place: a retransmission of an
 * answered INVITE is absorbed for Timer L (64·T1), never forwarded as a new branch.
 *
 * <p>Why: JAIN-SIP keeps a terminated transaction in its table for 8 s (its linger, a compile-time
 * constant) with the whole parsed INVITE. At 3,000 calls/s that is ~24,000 parsed requests alive
 * at any time, each promoted to the old generation and collected there: a third of a loaded
 * registrar's CPU went to the garbage collector. What stays here per call is its transaction id.
 *
 * <p>A branch's INVITE client transaction that has its 2xx goes the same way: nothing is owed
 * there, since further copies of the 2xx are forwarded without a transaction (RFC 3261 §16.7
 * step 10), yet the RI keeps it, with the forwarded INVITE and the 2xx, until its timer next looks.
 *
 * <p>The RI's own timers still run a released transaction to its end; they find it out of the
 * table and holding a small shared stand-in request (its clean-up needs one), not the real one.
 * Over TCP and TLS the RI's linger also keeps the connection in use, so those are left alone.
 */
public final class AnsweredInvites {
    /** {@code -Ducma.registrar.releaseAnswered=false}: the RI's own linger, for A/B. */
    static final boolean ENABLED = Boolean.parseBoolean(System.getProperty("ucma.registrar.releaseAnswered", "true"));
    /** RFC 6026's Timer L (server side) and Timer M (client side), both 64·T1. */
    static final long TIMER_L_NANOS = TimeUnit.MILLISECONDS.toNanos(64 * 500);

    private static final Logger LOG = LoggerFactory.getLogger(AnsweredInvites.class);

    /**
     * The RI's fields and the stand-in request, made at the first release (the first answered
     * call), not when the registrar starts: its start is on the window's cold-start path.
     */
    private static final class Ri {
        static final Field ORIGINAL_REQUEST = RiFields.accessible(SIPTransactionImpl.class, "originalRequest");
        static final Field LAST_RESPONSE = RiFields.accessible(SIPTransactionImpl.class, "lastResponse");
        static final Field LAST_REQUEST = RiFields.accessible(SIPClientTransactionImpl.class, "lastRequest");
        /** What a released transaction holds instead of its request: unique to this process, so its merge id is no caller's. */
        static final SIPRequest STAND_IN = standIn();
        /** False on an RI without these fields: its transactions then linger as it keeps them. */
        static final boolean READY = ORIGINAL_REQUEST != null && LAST_RESPONSE != null && LAST_REQUEST != null
                && STAND_IN != null;
    }

    /** Our server transactions' ids: copies of the caller's INVITE (RFC 6026 §7.1, Timer L). */
    private final Generations callers = new Generations();
    /** Our branches' ids: what the callee still sends on them (RFC 6026 §7.2, Timer M). */
    private final Generations branches = new Generations();

    /**
     * Takes an INVITE server transaction whose 2xx was just sent out of the stack (its
     * TransactionTerminated event fires now) and remembers it for {@link #absorbs}; its
     * application data is the caller's to drop. False, and nothing done, for anything else:
     * another transport, another method, an RI without the fields.
     */
    public boolean release(ServerTransaction st) {
        if (!(st instanceof SIPServerTransactionImpl tx) || !releasable(tx)) {
            return false;
        }
        callers.add(tx.getTransactionId()); // before it leaves the table: a retransmission finds one or the other
        tx.getSIPStack().removeTransaction(tx);
        letGo(tx, null);
        return true;
    }

    /**
     * The same for a branch's INVITE client transaction that has its 2xx, which the RI would
     * keep until its timer next looks (up to T1): further copies of the 2xx are forwarded without
     * a transaction (RFC 3261 §16.7 step 10), and anything else the callee sends on the branch
     * is {@link #absorbs(Response) absorbed}, as the transaction would have absorbed it.
     */
    public boolean release(ClientTransaction ct) {
        if (!(ct instanceof SIPClientTransactionImpl tx) || !releasable(tx)) {
            return false;
        }
        branches.add(tx.getTransactionId());
        tx.getSIPStack().removeTransaction(tx);
        letGo(tx, Ri.LAST_REQUEST);
        return true;
    }

    /** An INVITE's over UDP, with the switch on and an RI that has the fields. */
    private static boolean releasable(SIPTransactionImpl tx) {
        return ENABLED && !tx.isReliable() && tx.isInviteTransaction() && Ri.READY;
    }

    private static void letGo(SIPTransactionImpl tx, Field alsoRequest) {
        try {
            Ri.ORIGINAL_REQUEST.set(tx, Ri.STAND_IN);
            Ri.LAST_RESPONSE.set(tx, null);
            if (alsoRequest != null) {
                alsoRequest.set(tx, Ri.STAND_IN);
            }
        } catch (IllegalAccessException | RuntimeException e) {
            LOG.debug("cannot let go of an answered INVITE's messages", e);
        }
    }

    /** True for a copy of an INVITE whose transaction was {@link #release released} within Timer L. */
    public boolean absorbs(Request request) {
        return request instanceof SIPRequest sip && Request.INVITE.equals(request.getMethod()) && callers.contains(sip);
    }

    /**
     * True for what a released branch's transaction would have absorbed: any response to its
     * INVITE but a 2xx, such as a 180 the callee sent again after its 200 (a UAS does when a
     * copy of the INVITE crosses its answer). Forwarded, it would reach the caller after the 200,
     * which a caller may take for a new call state (SIPp fails the call).
     */
    public boolean absorbs(Response response) {
        return response instanceof SIPResponse sip && response.getStatusCode() / 100 != 2
                && Request.INVITE.equals(sip.getCSeq().getMethod()) && branches.contains(sip);
    }

    /** Forgets what is older than Timer L; call it every few seconds from one thread. */
    public void sweep(long nowNanos) {
        callers.sweep(nowNanos);
        branches.sweep(nowNanos);
    }

    /** Answered INVITEs and branches still known (at most two half-Timer-L generations each). */
    public int size() {
        return callers.size() + branches.size();
    }

    /**
     * Transaction ids in two generations instead of a time per entry: ids move from
     * {@code current} to {@code previous} every half Timer L and are forgotten the next time, so
     * each is known for between one half and all of Timer L at the cost of a set add and two
     * lookups.
     */
    private static final class Generations {
        private volatile Set<String> current = ConcurrentHashMap.newKeySet();
        private volatile Set<String> previous = ConcurrentHashMap.newKeySet();
        private long rotatedNanos = System.nanoTime();

        void add(String transactionId) {
            current.add(transactionId);
        }

        boolean contains(SIPMessage message) {
            Set<String> now = current;
            Set<String> before = previous;
            if (now.isEmpty() && before.isEmpty()) {
                return false;
            }
            String id = message.getTransactionId();
            return now.contains(id) || before.contains(id);
        }

        void sweep(long nowNanos) {
            if (nowNanos - rotatedNanos >= TIMER_L_NANOS / 2) {
                rotatedNanos = nowNanos;
                previous = current;
                current = ConcurrentHashMap.newKeySet();
            }
        }

        int size() {
            return current.size() + previous.size();
        }
    }

    private static SIPRequest standIn() {
        String callId = "released-" + UUID.randomUUID() + "@invalid";
        String text = "INVITE sip:released@invalid SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP invalid;branch=z9hG4bK-" + callId + "\r\n"
                + "From: <sip:released@invalid>;tag=released\r\n"
                + "To: <sip:released@invalid>\r\n"
                + "Call-ID: " + callId + "\r\n"
                + "CSeq: 1 INVITE\r\n"
                + "Max-Forwards: 70\r\n"
                + "Content-Length: 0\r\n\r\n";
        try {
            return (SIPRequest) new StringMsgParser().parseSIPMessage(text.getBytes(StandardCharsets.US_ASCII), true, false, null);
        } catch (ParseException | RuntimeException e) {
            LOG.debug("no stand-in request: answered INVITEs linger as the RI keeps them", e);
            return null;
        }
    }
}
