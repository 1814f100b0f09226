package io.github.ucmaworkbench.registrar;

import gov.nist.javax.sip.stack.SIPTransaction;
import io.github.ucmaworkbench.sip.AnsweredInvites;
import io.github.ucmaworkbench.sip.CallLanes;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import javax.sip.InvalidArgumentException;
import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.SipProvider;
import javax.sip.TransactionState;
import javax.sip.address.AddressFactory;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.HeaderFactory;
import javax.sip.header.MaxForwardsHeader;
import javax.sip.header.RouteHeader;
import javax.sip.header.ToHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The proxy half (RFC 3261 §16): a transaction-stateful, record-routing proxy that forwards
 * requests for our domain to the contacts the {@link LocationService} holds, and in-dialog
 * requests along the route set we put ourselves on. Here: the request's entry point, target
 * selection, CANCEL and the responses we send upstream; each target's branch is a
 * {@link BranchForwarder}'s, and ACK for 2xx, stray 2xx retransmissions and in-dialog requests over
 * UDP go through the {@link StatelessForwarder} (§16.11 / §16.7 step 10). Runs on stack threads and
 * never blocks on anything but the stack's own (TCP connect) sends.
 */
final class ProxyCore {
    private static final Logger LOG = LoggerFactory.getLogger(ProxyCore.class);
    private static final List<String> ALLOWED = List.of(Request.INVITE, Request.ACK, Request.CANCEL, Request.BYE,
            Request.MESSAGE, Request.INFO, Request.OPTIONS, Request.REGISTER);
    private static final long CONTEXT_LIFETIME_NANOS = TimeUnit.MINUTES.toNanos(3);
    private static final long CONTEXT_SWEEP_NANOS = TimeUnit.SECONDS.toNanos(5);

    private final SipProvider provider;
    private final MessageFactory messages;
    private final HeaderFactory headers;
    private final LocalIdentity identity;
    private final LocationService location;
    /** Pending INVITE contexts by the caller's top Via branch: a CANCEL carries the same (§9.1). */
    private final Map<String, ProxyContext> invites = new ConcurrentHashMap<>();
    /** Only the housekeeping thread reads and writes it. */
    private long lastContextSweep = System.nanoTime();
    private final ProxyRouting routing;
    private final ProxyGuards guards;
    private final StatelessForwarder stateless;
    private final BranchForwarder branches;
    private final AnsweredInvites answered = new AnsweredInvites();

    ProxyCore(SipProvider provider, MessageFactory messages, HeaderFactory headers, AddressFactory addresses,
            LocalIdentity identity, LocationService location, RegistrarConfig config, AuthGate auth) {
        this.provider = provider;
        this.messages = messages;
        this.headers = headers;
        this.identity = identity;
        this.location = location;
        this.routing = new ProxyRouting(identity, headers, addresses);
        this.guards = new ProxyGuards(config, routing, identity, location, auth, messages, headers);
        this.stateless = new StatelessForwarder(provider, headers, identity, location, routing, answered);
        this.branches = new BranchForwarder(provider, headers, identity, routing,
                new DeadContacts(location, addresses), stateless, config.getBranchT1Millis(), answered);
    }

    /** ACKs, in-dialog requests over UDP and responses without their transaction. */
    StatelessForwarder stateless() {
        return stateless;
    }

    /** INVITEs whose 2xx went upstream over UDP: their copies are absorbed (RFC 6026 §7.1). */
    AnsweredInvites answered() {
        return answered;
    }

    /** The forwarded branches: their responses, timeouts and CANCELs. */
    BranchForwarder branches() {
        return branches;
    }

    /** Any request but REGISTER and ACK, with its server transaction. */
    void processRequest(Request request, ServerTransaction st) throws SipException, ParseException, InvalidArgumentException {
        if (Request.CANCEL.equals(request.getMethod())) {
            cancel(request, st);
            return;
        }
        if (Request.INVITE.equals(request.getMethod())) {
            // §16.2: an INVITE gets 100 Trying at once so the caller stops retransmitting. Over UDP
            // it went before the lane (answerTryingAtOnce).
            tryingUnlessSent(request, st);
        }
        MaxForwardsHeader maxForwards = (MaxForwardsHeader) request.getHeader(MaxForwardsHeader.NAME);
        if (maxForwards != null && maxForwards.getMaxForwards() <= 0) {
            respond(st, request, Response.TOO_MANY_HOPS, null); // §16.3 step 3
            return;
        }
        if (!guards.admit(request, st)) {
            return; // looped (482), overloaded (503) or a caller that must authenticate (407/403)
        }
        Request forward = (Request) request.clone();
        boolean routedHere = routing.popOwnRoutes(forward);
        if (!(forward.getRequestURI() instanceof SipURI ruri)) {
            respond(st, request, Response.UNSUPPORTED_URI_SCHEME, null);
            return;
        }
        List<URI> targets = new ArrayList<>();
        List<Binding> targetBindings = new ArrayList<>();
        if (identity.serves(ruri) && forward.getHeader(RouteHeader.NAME) == null) {
            if (ruri.getUser() == null) {
                answerOurselves(st, request);
                return;
            }
            // §16.5: the Request-URI is an AOR of ours; its targets are the registered contacts.
            String aor = LocationService.aorOf(ruri.getUser(), identity.domain());
            List<Binding> bindings = location.getBindings(aor);
            if (bindings.isEmpty()) {
                boolean known = location.isKnown(aor);
                LOG.debug("{} for {}: {}", request.getMethod(), aor, known ? "offline" : "unknown");
                respond(st, request, known ? Response.TEMPORARILY_UNAVAILABLE : Response.NOT_FOUND, null);
                return;
            }
            for (Binding b : bindings) {
                targets.add(routing.targetOf(b));
                targetBindings.add(b);
            }
        } else if (routedHere && ((ToHeader) request.getHeader(ToHeader.NAME)).getTag() != null) {
            // In-dialog, along the route set we record-routed: the Request-URI is the remote
            // target, keep it. Out of dialog we only serve our own domain (no open relay).
            targets.add(null);
            targetBindings.add(null);
        } else {
            respond(st, request, Response.FORBIDDEN, "Not our domain (" + identity.domain() + ")");
            return;
        }
        stepMaxForwards(forward, headers);
        ProxyContext context = new ProxyContext(this, st, request);
        guards.started(context);
        boolean invite = Request.INVITE.equals(request.getMethod());
        if (invite) {
            String key = ProxyRouting.topBranch(request);
            invites.put(key, context);
            // The stack releases the transaction's request early (RegistrarService: release
            // strategy), so its end is matched to the context by what we keep, not by st.getRequest().
            st.setApplicationData(new PendingInvite(key, context));
        }
        boolean dialogCreating = invite && ((ToHeader) request.getHeader(ToHeader.NAME)).getTag() == null;
        String inbound = ProxyRouting.transportOf(request);
        // Every branch exists before the first is sent: a branch that fails at once (TCP refused)
        // must not let the context think it has heard from all of them (§16.7 step 6).
        List<ProxyContext.Branch> targetBranches = new ArrayList<>();
        List<Request> copies = new ArrayList<>();
        for (int i = 0; i < targets.size(); i++) {
            // the last branch takes the forward copy itself: one clone less for the usual single contact
            Request copy = i == targets.size() - 1 ? forward : (Request) forward.clone();
            if (targets.get(i) != null) {
                copy.setRequestURI(targets.get(i));
            }
            copies.add(copy);
            targetBranches.add(context.newBranch(String.valueOf(copy.getRequestURI()), targetBindings.get(i)));
        }
        for (int i = 0; i < copies.size(); i++) {
            branches.forward(context, targetBranches.get(i), copies.get(i), dialogCreating, inbound, request);
        }
    }

    /** §16.10: answer the CANCEL ourselves and cancel the pending branches. */
    private void cancel(Request cancel, ServerTransaction st) throws ParseException, SipException, InvalidArgumentException {
        ProxyContext context = invites.get(ProxyRouting.topBranch(cancel));
        if (context == null) {
            respond(st, cancel, Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST, null);
            return;
        }
        respond(st, cancel, Response.OK, null);
        context.cancel();
    }

    private void answerOurselves(ServerTransaction st, Request request)
            throws ParseException, SipException, InvalidArgumentException {
        String method = request.getMethod();
        boolean ours = Request.OPTIONS.equals(method) || Request.MESSAGE.equals(method);
        // §8.2.1: a method we know but do not serve here is 405; one we never heard of, 501 (§21.5.2)
        int code = ours ? Response.OK : io.github.ucmaworkbench.sip.RequestValidation.isKnownMethod(method)
                ? Response.METHOD_NOT_ALLOWED : Response.NOT_IMPLEMENTED;
        Response response = createResponse(request, code, null);
        for (String allowed : ALLOWED) {
            response.addHeader(headers.createAllowHeader(allowed));
        }
        st.sendResponse(response);
    }

    /**
     * An INVITE's server transaction ended: its CANCELs can no longer match (§9.2). Safe on any
     * thread (the map is concurrent, and a CANCEL racing with this finds the context or not,
     * as it would a moment earlier or later).
     */
    void serverTransactionTerminated(ServerTransaction st) {
        if (st.getApplicationData() instanceof PendingInvite pending) {
            invites.remove(pending.key(), pending.context());
        }
    }

    /** An INVITE server transaction's application data: where its context is in {@link #invites}. */
    private record PendingInvite(String key, ProxyContext context) {
    }

    /**
     * The RI's linger would keep an answered INVITE's transaction, with its parsed request and our
     * context, 8 s; only the Accepted state is owed (RFC 6026), and {@link AnsweredInvites} keeps it.
     */
    private void releaseAnswered(ServerTransaction st) {
        if (answered.release(st)) {
            serverTransactionTerminated(st); // as the stack's own event just did: whatever thread delivers it
            st.setApplicationData(null); // the RI's timers hold the released transaction a few seconds more
        }
    }

    /** Drops contexts the stack never reported as terminated (belt and braces against leaks). */
    void sweep() {
        long now = System.nanoTime();
        // The leak guards walk every pending INVITE: under load that is thousands, four times a
        // second (8 % of the registrar's CPU in JFR). Contexts live minutes, so every 5 s will do.
        if (now - lastContextSweep > CONTEXT_SWEEP_NANOS) {
            lastContextSweep = now;
            invites.values().removeIf(c -> c.ageNanos() > CONTEXT_LIFETIME_NANOS);
            guards.sweep(CONTEXT_LIFETIME_NANOS);
        }
        branches.sweep(now);
        answered.sweep(now);
    }

    /** INVITEs whose server transaction has not ended yet (a CANCEL may still match them). */
    int inviteCount() {
        return invites.size();
    }

    /** Proxied requests still waiting for their final response. */
    int pendingCount() {
        return guards.pendingCount();
    }

    // ---- used by ProxyContext -------------------------------------------------------------

    /** The context sent its final response: it no longer counts against the pending limit. */
    void contextFinished(ProxyContext context) {
        guards.finished(context);
    }

    /** Sends a response upstream through the server transaction, or statelessly without one. */
    void sendUpstream(ServerTransaction st, Response response, boolean isFinal) {
        ViaHeader caller = (ViaHeader) response.getHeader(ViaHeader.NAME);
        send(caller == null ? "UDP" : caller.getTransport(), () -> sendUpstreamNow(st, response, isFinal));
    }

    private void sendUpstreamNow(ServerTransaction st, Response response, boolean isFinal) {
        try {
            if (st != null) {
                try {
                    st.sendResponse(response);
                    if (isFinal && response.getStatusCode() < 300) {
                        releaseAnswered(st);
                    }
                    return;
                } catch (SipException | InvalidArgumentException | RuntimeException e) {
                    if (!isFinal || response.getStatusCode() >= 300) {
                        LOG.debug("cannot send {} upstream: {}", response.getStatusCode(), e.toString());
                        return;
                    }
                    // a 2xx after the transaction ended: fall through to stateless
                }
            }
            provider.sendResponse(response);
        } catch (SipException | RuntimeException e) {
            LOG.debug("cannot send {} upstream: {}", response.getStatusCode(), e.toString());
        }
    }

    /** §16.6 step 3, for the stateful and the stateless hop alike: one hop less, or 70 where none was set. */
    static void stepMaxForwards(Request forward, HeaderFactory headers) throws InvalidArgumentException, SipException {
        MaxForwardsHeader maxForwards = (MaxForwardsHeader) forward.getHeader(MaxForwardsHeader.NAME);
        if (maxForwards == null) {
            forward.addHeader(headers.createMaxForwardsHeader(70));
        } else {
            maxForwards.decrementMaxForwards();
        }
    }

    /** §16.7 step 3: the response without the Via we added. */
    static Response withoutOwnVia(Response response) {
        Response copy = (Response) response.clone();
        copy.removeFirst(ViaHeader.NAME);
        return copy;
    }

    /**
     * §16.2's 100 Trying for an INVITE over UDP, sent on the stack thread that read it, before
     * the INVITE waits for its lane. JAIN-SIP sends its own 100 when nothing has gone 200 ms
     * after the transaction was made, and its timer reads the state first and sends after: a
     * lane that sent the 2xx in between had the caller hear that 100 after the 200 (SIPp fails
     * such a call). Sent here, ours goes first and the timer finds nothing to do. Over TCP and
     * TLS the RI has no such timer and a send may wait on the connection: the lane sends it
     * ({@link #processRequest}).
     */
    void answerTryingAtOnce(Request request, ServerTransaction st) {
        if (Request.INVITE.equals(request.getMethod()) && st instanceof SIPTransaction tx && !tx.isReliable()) {
            try {
                tryingUnlessSent(request, st);
            } catch (SipException | InvalidArgumentException | ParseException | RuntimeException e) {
                LOG.debug("could not send 100 Trying at once: {}", e.toString()); // the lane tries again
            }
        }
    }

    /**
     * Sends 100 Trying unless the transaction has sent a provisional response: never a second,
     * one more datagram each way for a proxy that may be behind. Its real state, not
     * {@code getState()}: the RI reports an INVITE transaction that has sent nothing yet as
     * Proceeding too (RFC 3261 gives INVITE no Trying state).
     */
    private void tryingUnlessSent(Request request, ServerTransaction st)
            throws SipException, InvalidArgumentException, ParseException {
        if (!(st instanceof SIPTransaction tx && tx.getInternalState() == TransactionState._PROCEEDING)) {
            st.sendResponse(messages.createResponse(Response.TRYING, request));
        }
    }

    Response createResponse(Request request, int code, String reason) {
        try {
            Response r = messages.createResponse(code, request);
            if (reason != null) {
                r.setReasonPhrase(reason);
            }
            ToHeader to = (ToHeader) r.getHeader(ToHeader.NAME);
            if (code > 100 && to.getTag() == null) {
                to.setTag(UUID.randomUUID().toString().substring(0, 8));
            }
            return r;
        } catch (ParseException e) {
            throw new IllegalStateException("cannot build a " + code + " response", e);
        }
    }

    // ---- helpers ------------------------------------------------------------------------

    /**
     * Sends now over UDP; over TCP or TLS, where a send may first open a connection (up to the
     * stack's CONNECTION_TIMEOUT towards a host that drops our SYN), never on the stack's UDP
     * thread: {@link CallLanes#mayBlock}.
     */
    static void send(String transport, Runnable send) {
        if ("UDP".equalsIgnoreCase(transport)) {
            send.run();
        } else {
            CallLanes.mayBlock(send);
        }
    }

    private void respond(ServerTransaction st, Request request, int code, String reason)
            throws SipException, InvalidArgumentException {
        st.sendResponse(createResponse(request, code, reason));
    }
}
