package io.github.ucmaworkbench.registrar;

import io.github.ucmaworkbench.sip.AnsweredInvites;
import java.net.SocketException;
import java.text.ParseException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import javax.sip.ClientTransaction;
import javax.sip.InvalidArgumentException;
import javax.sip.ResponseEvent;
import javax.sip.SipException;
import javax.sip.SipProvider;
import javax.sip.TimeoutEvent;
import javax.sip.header.CSeqHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The proxy's stateful branches (RFC 3261 §16.6-16.8): each target's copy of a request sent in
 * its own client transaction, and what comes back on it (responses, timeouts, transport errors)
 * handed to its {@link ProxyContext}; CANCELs for pending branches. Runs on stack threads and
 * call lanes; never blocks on anything but the stack's own (TCP connect) sends.
 */
final class BranchForwarder {
    private static final Logger LOG = LoggerFactory.getLogger(BranchForwarder.class);
    /** Marks our own CANCEL client transactions: their responses end here. */
    private static final Object CANCEL_MARKER = new Object();
    /** A branch's client transaction after its final response (see processResponse). */
    private static final Object BRANCH_ANSWERED = new Object();
    /** How long a branch whose send "failed" after the bytes left may still get its response. */
    private static final long SENT_THEN_CLOSED_GRACE_NANOS = TimeUnit.SECONDS.toNanos(2);

    private final SipProvider provider;
    private final HeaderFactory headers;
    private final LocalIdentity identity;
    private final ProxyRouting routing;
    private final DeadContacts deadContacts;
    private final StatelessForwarder stateless;
    private final int branchT1Millis;
    private final AnsweredInvites answered;
    /**
     * Branches whose request was written but whose send then reported the connection closed, by
     * our Via branch, with the deadline after which they count as unreachable (see forward).
     */
    private final Map<String, SentThenClosed> sentThenClosed = new ConcurrentHashMap<>();

    /** The last final responses to our own branches, as ProxyValve saw them arrive (bounded). */
    private final Map<String, Response> recentFinals = Collections.synchronizedMap(
            new LinkedHashMap<>(64, 0.75f, false) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Response> eldest) {
                    return size() > 64;
                }
            });

    private record SentThenClosed(ProxyContext.Branch branch, long deadlineNanos) {
    }

    BranchForwarder(SipProvider provider, HeaderFactory headers, LocalIdentity identity, ProxyRouting routing,
            DeadContacts deadContacts, StatelessForwarder stateless, int branchT1Millis, AnsweredInvites answered) {
        this.provider = provider;
        this.headers = headers;
        this.identity = identity;
        this.routing = routing;
        this.deadContacts = deadContacts;
        this.stateless = stateless;
        this.branchT1Millis = branchT1Millis;
        this.answered = answered;
    }

    void forward(ProxyContext context, ProxyContext.Branch branch, Request copy, boolean recordRoute,
            String inbound, Request received) throws ParseException, InvalidArgumentException, SipException {
        String outbound = ProxyRouting.hopTransport(copy);
        if (recordRoute) {
            // §16.6 step 4; with different transports on the two sides we record-route twice
            // (RFC 5658) so each side's route set names the transport it can reach us on.
            if (!outbound.equalsIgnoreCase(inbound)) {
                copy.addFirst(routing.recordRoute(inbound));
            }
            copy.addFirst(routing.recordRoute(outbound));
        }
        String viaBranch = routing.newBranch(received);
        copy.addFirst(headers.createViaHeader(identity.host(), identity.port(outbound), outbound, viaBranch));
        ClientTransaction ct;
        try {
            ct = provider.getNewClientTransaction(copy);
            ct.setApplicationData(branch);
            if (branchT1Millis != 500) {
                ct.setRetransmitTimer(branchT1Millis);
            }
            synchronized (context) {
                branch.transaction = ct;
            }
        } catch (SipException | RuntimeException e) {
            sendFailed(context, branch, copy, viaBranch, e);
            return;
        }
        ProxyCore.send(outbound, () -> {
            try {
                ct.sendRequest();
                LOG.debug("forwarded {} to {} over {}", copy.getMethod(), branch.target, outbound);
            } catch (SipException | RuntimeException e) {
                sendFailed(context, branch, copy, viaBranch, e);
            }
        });
    }

    private void sendFailed(ProxyContext context, ProxyContext.Branch branch, Request copy, String viaBranch, Exception e) {
        if (writtenThenClosed(e)) {
            // JAIN-SIP quirk: TCPMessageChannel.sendMessage writes the bytes and only then asks
            // the socket for its input stream to start a reader; when the callee answered and
            // closed in between (SIPp at the end of a scenario), that throws "Socket is closed"
            // and the RI terminates a transaction whose request was delivered, so the response
            // that is on its way (or already read) would be swallowed. ProxyValve hands it to
            // us before the transaction layer; without one in a moment, sweep() fails the branch.
            LOG.debug("{} to {} was sent but the connection closed at once; awaiting its response",
                    copy.getMethod(), branch.target);
            sentThenClosed.put(viaBranch, new SentThenClosed(branch, System.nanoTime() + SENT_THEN_CLOSED_GRACE_NANOS));
            Response already = recentFinals.get(viaBranch);
            if (already != null && sentThenClosed.remove(viaBranch) != null) {
                branch.context.onResponse(branch, already);
            }
            return;
        }
        // §16.7 step 6 treats a transport error like a 503; for a teaching server the honest
        // answer is that the registered client cannot be reached right now.
        LOG.debug("cannot forward {} to {}: {}", copy.getMethod(), branch.target, e.toString());
        deadContacts.failed(branch, DeadContacts.unreachable(e));
        context.onFailure(branch, Response.TEMPORARILY_UNAVAILABLE, "Contact unreachable");
    }

    /**
     * Called by {@link ProxyValve} on the stack's reader thread for every parsed response, before
     * the transaction layer sees it. True when the response belongs to a branch whose send was
     * reported failed after the request had left (it is then delivered here, and must be dropped).
     */
    boolean takeSentThenClosedResponse(Response response) {
        if (response.getStatusCode() < 200) {
            return false;
        }
        ViaHeader top = (ViaHeader) response.getHeader(ViaHeader.NAME);
        if (top == null || !identity.isOwnAddress(top.getHost(), top.getPort())) {
            return false;
        }
        String branchId = String.valueOf(top.getBranch());
        recentFinals.put(branchId, response);
        SentThenClosed waiting = sentThenClosed.remove(branchId);
        if (waiting == null) {
            return false;
        }
        waiting.branch().context.onResponse(waiting.branch(), response);
        return true;
    }

    /**
     * The RI's "Socket is closed" from {@code Socket.getInputStream()} after a successful write,
     * as opposed to a refused or failed connect or write (those are real transport errors).
     */
    private static boolean writtenThenClosed(Exception e) {
        Throwable cause = e.getCause();
        if (!(cause instanceof SocketException) || !"Socket is closed".equals(cause.getMessage())) {
            return false;
        }
        for (StackTraceElement frame : cause.getStackTrace()) {
            if ("getInputStream".equals(frame.getMethodName())) {
                return true;
            }
        }
        return false;
    }

    void processResponse(ResponseEvent event) throws SipException {
        Response response = event.getResponse();
        ClientTransaction ct = event.getClientTransaction();
        Object data = ct == null ? null : ct.getApplicationData();
        if (data instanceof ProxyContext.Branch branch) {
            branch.context.onResponse(branch, response);
            if (response.getStatusCode() >= 200) {
                // The branch has its final response: the transaction, which lingers for its
                // timers (seconds), no longer needs to keep the whole context (both INVITEs,
                // the server transaction) reachable. What it may still deliver is handled below.
                ct.setApplicationData(BRANCH_ANSWERED);
                if (response.getStatusCode() < 300) {
                    answered.release(ct); // an INVITE's over UDP: further copies of its 2xx come as strays, below
                }
            }
        } else if (data == BRANCH_ANSWERED) {
            // §16.7 step 10: a further 2xx to an INVITE (a retransmission, or another fork's
            // answer) still goes upstream; anything else after a branch's final ends here, as
            // ProxyContext would have ended it.
            if (response.getStatusCode() / 100 == 2 && isInviteResponse(response)) {
                stateless.forwardStray(response);
            }
        } else if (data != CANCEL_MARKER) {
            stateless.forwardStray(response);
        }
    }

    private static boolean isInviteResponse(Response response) {
        CSeqHeader cseq = (CSeqHeader) response.getHeader(CSeqHeader.NAME);
        return cseq != null && Request.INVITE.equals(cseq.getMethod());
    }

    void processTimeout(TimeoutEvent event) {
        if (!event.isServerTransaction() && event.getClientTransaction() != null
                && event.getClientTransaction().getApplicationData() instanceof ProxyContext.Branch branch) {
            boolean heardFrom;
            synchronized (branch.context) {
                heardFrom = branch.provisional;
            }
            if (!heardFrom) {
                deadContacts.failed(branch, DeadContacts.NO_ANSWER);
            }
            branch.context.onFailure(branch, Response.REQUEST_TIMEOUT, null);
        }
    }

    void sendCancel(ProxyContext.Branch branch) {
        ClientTransaction ct = branch.transaction; // the context lets go of it once the branch settles
        if (ct == null) {
            return;
        }
        ProxyCore.send(ProxyRouting.hopTransport(ct.getRequest()), () -> {
            try {
                ClientTransaction cancel = provider.getNewClientTransaction(ct.createCancel());
                cancel.setApplicationData(CANCEL_MARKER);
                cancel.sendRequest();
            } catch (SipException | RuntimeException e) {
                LOG.debug("cannot cancel branch to {}: {}", branch.target, e.toString());
            }
        });
    }

    /** Fails the branches whose response never came after a send that "failed" once the bytes had left. */
    void sweep(long now) {
        sentThenClosed.values().removeIf(s -> {
            if (now - s.deadlineNanos() < 0) {
                return false;
            }
            // no response came after all: the callee really is gone (a no-op if one did)
            s.branch().context.onFailure(s.branch(), Response.TEMPORARILY_UNAVAILABLE, "Contact unreachable");
            return true;
        });
    }
}
