package io.github.ucmaworkbench.registrar;

import io.github.ucmaworkbench.sip.CallLanes;
import java.net.SocketException;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import javax.sip.ClientTransaction;
import javax.sip.InvalidArgumentException;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.SipProvider;
import javax.sip.TimeoutEvent;
import javax.sip.address.AddressFactory;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.CSeqHeader;
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
 * requests along the route set we put ourselves on. ACK for 2xx, stray 2xx retransmissions and
 * in-dialog requests over UDP ({@link #forwardsStatelessly}) are forwarded statelessly (§16.11 /
 * §16.7 step 10). Runs on stack threads and never blocks on
 * anything but the stack's own (TCP connect) sends.
 */
final class ProxyCore {
    private static final Logger LOG = LoggerFactory.getLogger(ProxyCore.class);
    /** Marks our own CANCEL client transactions: their responses end here. */
    private static final Object CANCEL_MARKER = new Object();
    /** A branch's client transaction after its final response (see processResponse). */
    private static final Object BRANCH_ANSWERED = new Object();
    private static final List<String> ALLOWED = List.of(Request.INVITE, Request.ACK, Request.CANCEL, Request.BYE,
            Request.MESSAGE, Request.INFO, Request.OPTIONS, Request.REGISTER);
    private static final long CONTEXT_LIFETIME_NANOS = TimeUnit.MINUTES.toNanos(3);
    private static final long CONTEXT_SWEEP_NANOS = TimeUnit.SECONDS.toNanos(5);
    /** How long a branch whose send "failed" after the bytes left may still get its response. */
    private static final long SENT_THEN_CLOSED_GRACE_NANOS = TimeUnit.SECONDS.toNanos(2);

    private final SipProvider provider;
    private final MessageFactory messages;
    private final HeaderFactory headers;
    private final AddressFactory addresses;
    private final LocalIdentity identity;
    private final LocationService location;
    private final int branchT1Millis;
    private final DeadContacts deadContacts;
    /** Pending INVITE contexts by the caller's top Via branch: a CANCEL carries the same (§9.1). */
    private final Map<String, ProxyContext> invites = new ConcurrentHashMap<>();
    /** Only the housekeeping thread reads and writes it. */
    private long lastContextSweep = System.nanoTime();
    private final ProxyRouting routing;
    private final ProxyGuards guards;
    /**
     * Branches whose request was written but whose send then reported the connection closed, by
     * our Via branch, with the deadline after which they count as unreachable (see forwardBranch).
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

    ProxyCore(SipProvider provider, MessageFactory messages, HeaderFactory headers, AddressFactory addresses,
            LocalIdentity identity, LocationService location, RegistrarConfig config, AuthGate auth) {
        this.provider = provider;
        this.messages = messages;
        this.headers = headers;
        this.addresses = addresses;
        this.identity = identity;
        this.location = location;
        this.branchT1Millis = config.getBranchT1Millis();
        this.deadContacts = new DeadContacts(location, addresses);
        this.routing = new ProxyRouting(identity, headers, addresses);
        this.guards = new ProxyGuards(config, routing, identity, location, auth, messages, headers);
    }

    /** Any request but REGISTER and ACK, with its server transaction. */
    void processRequest(Request request, ServerTransaction st) throws SipException, ParseException, InvalidArgumentException {
        if (Request.CANCEL.equals(request.getMethod())) {
            cancel(request, st);
            return;
        }
        if (Request.INVITE.equals(request.getMethod())) {
            // §16.2: an INVITE gets 100 Trying at once so the caller stops retransmitting.
            st.sendResponse(messages.createResponse(Response.TRYING, request));
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
        // §16.6 step 3.
        if (maxForwards == null) {
            forward.addHeader(headers.createMaxForwardsHeader(70));
        } else {
            ((MaxForwardsHeader) forward.getHeader(MaxForwardsHeader.NAME)).decrementMaxForwards();
        }
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
        List<ProxyContext.Branch> branches = new ArrayList<>();
        List<Request> copies = new ArrayList<>();
        for (int i = 0; i < targets.size(); i++) {
            // the last branch takes the forward copy itself: one clone less for the usual single contact
            Request copy = i == targets.size() - 1 ? forward : (Request) forward.clone();
            if (targets.get(i) != null) {
                copy.setRequestURI(targets.get(i));
            }
            copies.add(copy);
            branches.add(context.newBranch(String.valueOf(copy.getRequestURI()), targetBindings.get(i)));
        }
        for (int i = 0; i < copies.size(); i++) {
            forwardBranch(context, branches.get(i), copies.get(i), dialogCreating, inbound, request);
        }
    }

    /**
     * Whether {@code request} may be forwarded without a transaction ({@link #forwardStateless}):
     * a request inside a dialog we record-routed (our Route on top, a To tag), neither INVITE nor
     * CANCEL, received over UDP. Cheap header checks only: called on the stack's UDP thread.
     *
     * <p>Why: a stateful proxy's BYE server transaction lingers 64*T1 = 32 s after its 200 (Timer
     * J, RFC 3261 §17.2.2) plus the RI's 8 s, about 2 KB each: at 3,000 calls/s 120,000 of them,
     * most of a 512 MB heap, and the collector then took the registrar down. A stateless hop
     * (§16.11) keeps nothing: a retransmitted request is forwarded again with the same branch
     * (the callee's transaction absorbs it), and its response is routed back by the Via alone
     * ({@link ProxyValve}, {@link #strayResponse}). UDP only, on both sides: over UDP the caller
     * retransmits itself; from TCP towards UDP nobody would.
     */
    boolean forwardsStatelessly(Request request) {
        String method = request.getMethod();
        if (Request.INVITE.equals(method) || Request.ACK.equals(method) || Request.CANCEL.equals(method)
                || Request.REGISTER.equals(method)) {
            return false;
        }
        ToHeader to = (ToHeader) request.getHeader(ToHeader.NAME);
        RouteHeader route = (RouteHeader) request.getHeader(RouteHeader.NAME);
        return to != null && to.getTag() != null && route != null && identity.isOwnRoute(route.getAddress().getURI())
                && "UDP".equals(ProxyRouting.transportOf(request));
    }

    /**
     * Forwards an in-dialog request that {@link #forwardsStatelessly} chose, as a stateless proxy
     * (§16.11): our Route entries popped, Max-Forwards decremented, our Via with a branch that
     * is the same for every retransmission. False, with nothing sent, when the request needs
     * what only the stateful path does (an answer of ours: 483, 482; a target looked up in the
     * location service; a next hop over TCP or TLS).
     */
    boolean forwardStateless(Request request) throws ParseException, InvalidArgumentException, SipException {
        MaxForwardsHeader maxForwards = (MaxForwardsHeader) request.getHeader(MaxForwardsHeader.NAME);
        if (maxForwards != null && maxForwards.getMaxForwards() <= 0 || routing.hasLooped(request)) {
            return false;
        }
        Request forward = (Request) request.clone();
        if (!routing.popOwnRoutes(forward) || !(forward.getRequestURI() instanceof SipURI ruri)
                || identity.serves(ruri) && forward.getHeader(RouteHeader.NAME) == null
                || !"UDP".equals(ProxyRouting.hopTransport(forward))) {
            return false;
        }
        if (maxForwards == null) {
            forward.addHeader(headers.createMaxForwardsHeader(70));
        } else {
            ((MaxForwardsHeader) forward.getHeader(MaxForwardsHeader.NAME)).decrementMaxForwards();
        }
        forward.addFirst(headers.createViaHeader(identity.host(), identity.port("UDP"), "UDP",
                routing.statelessBranch(request)));
        provider.sendRequest(forward);
        LOG.debug("forwarded {} statelessly to {}", forward.getMethod(), forward.getRequestURI());
        return true;
    }

    private void forwardBranch(ProxyContext context, ProxyContext.Branch branch, Request copy, boolean recordRoute,
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
        send(outbound, () -> {
            try {
                ct.sendRequest();
                LOG.debug("forwarded {} to {} over {}", copy.getMethod(), branch.target, outbound);
            } catch (SipException | RuntimeException e) {
                sendFailed(context, branch, copy, viaBranch, e);
            }
        });
    }

    /**
     * Sends now over UDP; over TCP or TLS, where a send may first open a connection (up to the
     * stack's CONNECTION_TIMEOUT towards a host that drops our SYN), never on the stack's UDP
     * thread: {@link CallLanes#mayBlock}.
     */
    private static void send(String transport, Runnable send) {
        if ("UDP".equalsIgnoreCase(transport)) {
            send.run();
        } else {
            CallLanes.mayBlock(send);
        }
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

    /** §16.11-style stateless forwarding of an ACK (for a 2xx: hop-by-hop ACKs end in our stack). */
    void forwardAck(Request ack) throws ParseException, InvalidArgumentException, SipException {
        MaxForwardsHeader maxForwards = (MaxForwardsHeader) ack.getHeader(MaxForwardsHeader.NAME);
        if (maxForwards != null && maxForwards.getMaxForwards() <= 0) {
            return;
        }
        Request forward = (Request) ack.clone();
        boolean routedHere = routing.popOwnRoutes(forward);
        if (maxForwards != null) {
            ((MaxForwardsHeader) forward.getHeader(MaxForwardsHeader.NAME)).decrementMaxForwards();
        }
        List<URI> targets = new ArrayList<>();
        if (forward.getRequestURI() instanceof SipURI ruri && identity.serves(ruri)
                && forward.getHeader(RouteHeader.NAME) == null) {
            // A peer that ignored our Record-Route (SIPp's built-in UAC does) sends the ACK to the AOR.
            if (ruri.getUser() != null) {
                for (Binding b : location.getBindings(LocationService.aorOf(ruri.getUser(), identity.domain()))) {
                    targets.add(routing.targetOf(b));
                }
            }
        } else if (routedHere) {
            targets.add(null);
        }
        for (int i = 0; i < targets.size(); i++) {
            URI target = targets.get(i);
            Request copy = i == targets.size() - 1 ? forward : (Request) forward.clone();
            if (target != null) {
                copy.setRequestURI(target);
            }
            // The same branch for every retransmission of this ACK (§16.11), unique per target.
            String branch = "z9hG4bK" + DigestChallenger.md5(ProxyRouting.topBranch(ack) + "|" + copy.getRequestURI()).substring(0, 20);
            String transport = ProxyRouting.hopTransport(copy);
            copy.addFirst(headers.createViaHeader(identity.host(), identity.port(transport), transport, branch));
            send(transport, () -> {
                try {
                    provider.sendRequest(copy);
                } catch (SipException | RuntimeException e) {
                    LOG.debug("cannot forward ACK to {}: {}", copy.getRequestURI(), e.toString());
                }
            });
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
            }
        } else if (data == BRANCH_ANSWERED) {
            // §16.7 step 10: a further 2xx to an INVITE (a retransmission, or another fork's
            // answer) still goes upstream; anything else after a branch's final ends here, as
            // ProxyContext would have ended it.
            if (response.getStatusCode() / 100 == 2 && isInviteResponse(response)) {
                forwardStray(response);
            }
        } else if (data != CANCEL_MARKER) {
            forwardStray(response);
        }
    }

    private static boolean isInviteResponse(Response response) {
        CSeqHeader cseq = (CSeqHeader) response.getHeader(CSeqHeader.NAME);
        return cseq != null && Request.INVITE.equals(cseq.getMethod());
    }

    /** A response without a client transaction, from the stack's reader ({@link ProxyValve}): on its call's lane. */
    void strayResponse(Response response) {
        CallLanes.shared().execute(CallLanes.callIdOf(response), () -> {
            try {
                forwardStray(response);
            } catch (SipException | RuntimeException e) {
                LOG.debug("cannot forward a {} without its transaction: {}", response.getStatusCode(), e.toString());
            }
        });
    }

    /** A 2xx retransmission after its transaction ended (§16.7: handled as a stateless proxy): forward it. */
    private void forwardStray(Response response) throws SipException {
        ViaHeader top = (ViaHeader) response.getHeader(ViaHeader.NAME);
        if (top != null && identity.isOwnAddress(top.getHost(), top.getPort())) {
            Response copy = withoutOwnVia(response);
            if (copy.getHeader(ViaHeader.NAME) != null) {
                provider.sendResponse(copy);
            }
        }
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
        sentThenClosed.values().removeIf(s -> {
            if (now - s.deadlineNanos() < 0) {
                return false;
            }
            // no response came after all: the callee really is gone (a no-op if one did)
            s.branch().context.onFailure(s.branch(), Response.TEMPORARILY_UNAVAILABLE, "Contact unreachable");
            return true;
        });
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

    void sendCancel(ProxyContext.Branch branch) {
        ClientTransaction ct = branch.transaction; // the context lets go of it once the branch settles
        if (ct == null) {
            return;
        }
        send(ProxyRouting.hopTransport(ct.getRequest()), () -> {
            try {
                ClientTransaction cancel = provider.getNewClientTransaction(ct.createCancel());
                cancel.setApplicationData(CANCEL_MARKER);
                cancel.sendRequest();
            } catch (SipException | RuntimeException e) {
                LOG.debug("cannot cancel branch to {}: {}", branch.target, e.toString());
            }
        });
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

    /** §16.7 step 3: the response without the Via we added. */
    Response withoutOwnVia(Response response) {
        Response copy = (Response) response.clone();
        copy.removeFirst(ViaHeader.NAME);
        return copy;
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

    private void respond(ServerTransaction st, Request request, int code, String reason)
            throws SipException, InvalidArgumentException {
        st.sendResponse(createResponse(request, code, reason));
    }
}
