package io.github.ucmaworkbench.registrar;

import io.github.ucmaworkbench.sip.AnsweredInvites;
import io.github.ucmaworkbench.sip.CallLanes;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import javax.sip.InvalidArgumentException;
import javax.sip.SipException;
import javax.sip.SipProvider;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.HeaderFactory;
import javax.sip.header.MaxForwardsHeader;
import javax.sip.header.RouteHeader;
import javax.sip.header.ToHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The proxy's stateless half (RFC 3261 §16.11): in-dialog requests over UDP, ACKs and responses
 * whose transaction is gone are forwarded without a transaction, keeping nothing. Runs on stack
 * threads and call lanes; never blocks on anything but the stack's own (TCP connect) sends.
 */
final class StatelessForwarder {
    private static final Logger LOG = LoggerFactory.getLogger(StatelessForwarder.class);

    private final SipProvider provider;
    private final HeaderFactory headers;
    private final LocalIdentity identity;
    private final LocationService location;
    private final ProxyRouting routing;
    private final AnsweredInvites answered;

    StatelessForwarder(SipProvider provider, HeaderFactory headers, LocalIdentity identity, LocationService location,
            ProxyRouting routing, AnsweredInvites answered) {
        this.provider = provider;
        this.headers = headers;
        this.identity = identity;
        this.location = location;
        this.routing = routing;
        this.answered = answered;
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
        ProxyCore.stepMaxForwards(forward, headers);
        forward.addFirst(headers.createViaHeader(identity.host(), identity.port("UDP"), "UDP",
                routing.statelessBranch(request)));
        provider.sendRequest(forward);
        LOG.debug("forwarded {} statelessly to {}", forward.getMethod(), forward.getRequestURI());
        return true;
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
            ProxyCore.send(transport, () -> {
                try {
                    provider.sendRequest(copy);
                } catch (SipException | RuntimeException e) {
                    LOG.debug("cannot forward ACK to {}: {}", copy.getRequestURI(), e.toString());
                }
            });
        }
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

    /**
     * A response without its transaction, such as a 2xx retransmission after it ended (§16.7:
     * handled as a stateless proxy): forward it. Not what a branch let go at its 2xx would have
     * absorbed (a late 180 after the 200: {@link AnsweredInvites#absorbs(Response)}).
     */
    void forwardStray(Response response) throws SipException {
        if (answered.absorbs(response)) {
            return;
        }
        ViaHeader top = (ViaHeader) response.getHeader(ViaHeader.NAME);
        if (top != null && identity.isOwnAddress(top.getHost(), top.getPort())) {
            Response copy = ProxyCore.withoutOwnVia(response);
            if (copy.getHeader(ViaHeader.NAME) != null) {
                provider.sendResponse(copy);
            }
        }
    }
}
