package io.github.ucmaworkbench.registrar;

import java.text.ParseException;
import java.util.ListIterator;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import javax.sip.InvalidArgumentException;
import javax.sip.address.AddressFactory;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.header.RecordRouteHeader;
import javax.sip.header.RouteHeader;
import javax.sip.header.ToHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;

/**
 * The header work of forwarding (RFC 3261 §16.4-16.6): our own Route entries, Record-Route, the
 * next hop's transport, branch ids, and the Request-URI for a binding.
 */
final class ProxyRouting {
    private final LocalIdentity identity;
    private final HeaderFactory headers;
    private final AddressFactory addresses;
    private final String branchPrefix = "z9hG4bK" + UUID.randomUUID().toString().substring(0, 8) + "-";
    private final AtomicLong branchCounter = new AtomicLong();

    ProxyRouting(LocalIdentity identity, HeaderFactory headers, AddressFactory addresses) {
        this.identity = identity;
        this.headers = headers;
        this.addresses = addresses;
    }

    /**
     * The Request-URI for a binding: its contact, plus the transport the client registered over
     * when the contact names none (a TCP-only client must not be tried over UDP).
     */
    URI targetOf(Binding binding) throws ParseException {
        URI uri = addresses.createURI(binding.getContactUri());
        if (uri instanceof SipURI sip && sip.getTransportParam() == null && !sip.isSecure()
                && !"UDP".equalsIgnoreCase(binding.getTransport())) {
            sip.setTransportParam(binding.getTransport().toLowerCase(Locale.ROOT));
        }
        return uri;
    }

    /** §16.4: removes the Route entries that name us; true when there was at least one. */
    boolean popOwnRoutes(Request request) {
        boolean popped = false;
        while (true) {
            ListIterator<?> it = request.getHeaders(RouteHeader.NAME);
            if (it == null || !it.hasNext()) {
                return popped;
            }
            RouteHeader top = (RouteHeader) it.next();
            if (!identity.isOwnRoute(top.getAddress().getURI())) {
                return popped;
            }
            request.removeFirst(RouteHeader.NAME);
            popped = true;
        }
    }

    RecordRouteHeader recordRoute(String transport) throws ParseException, InvalidArgumentException {
        SipURI uri = addresses.createSipURI(null, identity.host());
        uri.setPort(identity.port(transport));
        uri.setTransportParam(transport.toLowerCase(Locale.ROOT));
        uri.setLrParam();
        return headers.createRecordRouteHeader(addresses.createAddress(uri));
    }

    /** The transport the next hop needs: the top Route, else the Request-URI (RFC 3263 §4.1 lite). */
    static String hopTransport(Request request) {
        URI next = request.getRequestURI();
        RouteHeader route = (RouteHeader) request.getHeader(RouteHeader.NAME);
        if (route != null) {
            next = route.getAddress().getURI();
        }
        if (next instanceof SipURI sip) {
            if (sip.getTransportParam() != null) {
                return sip.getTransportParam().toUpperCase(Locale.ROOT);
            }
            return sip.isSecure() ? "TLS" : "UDP";
        }
        return "UDP";
    }

    static String transportOf(Request request) {
        ViaHeader via = (ViaHeader) request.getHeader(ViaHeader.NAME);
        return via == null || via.getTransport() == null ? "UDP" : via.getTransport().toUpperCase(Locale.ROOT);
    }

    static String topBranch(Request request) {
        ViaHeader via = (ViaHeader) request.getHeader(ViaHeader.NAME);
        return via == null ? "" : String.valueOf(via.getBranch());
    }

    /**
     * A branch for forwarding {@code received} (§16.6 step 8): our prefix, the request's loop
     * marker, a counter. The marker lets {@link #hasLooped} recognise the same request coming back.
     */
    String newBranch(Request received) {
        return branchPrefix + loopMarker(received) + "-" + Long.toHexString(branchCounter.incrementAndGet());
    }

    /**
     * A branch for forwarding {@code received} statelessly (§16.11): the same for every
     * retransmission of it, so the next hop's transaction absorbs them, and carrying the loop
     * marker like {@link #newBranch}, so {@link #hasLooped} still recognises it coming back.
     */
    String statelessBranch(Request received) {
        return branchPrefix + loopMarker(received) + "-" + DigestChallenger.md5(topBranch(received)).substring(0, 12);
    }

    /**
     * §16.3 step 4: true when a Via of ours carries the loop marker of this very request, i.e. we
     * forwarded it before and it came back unchanged (a loop). A request that passes us again with
     * a different Request-URI is spiralling legitimately: its marker differs.
     */
    boolean hasLooped(Request received) {
        String ours = null; // the hash only when a Via of ours is there: almost never
        for (ListIterator<?> it = received.getHeaders(ViaHeader.NAME); it.hasNext(); ) {
            ViaHeader via = (ViaHeader) it.next();
            if (via.getBranch() != null && via.getBranch().startsWith(branchPrefix)
                    && identity.isOwnAddress(via.getHost(), via.getPort())) {
                if (ours == null) {
                    ours = branchPrefix + loopMarker(received) + "-";
                }
                if (via.getBranch().startsWith(ours)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The §16.6 step 8 hash over what identifies the request at this hop: Request-URI as received,
     * From and To tags, Call-ID and CSeq number. The top Via is left out (RFC 3261 lists it, but a
     * looped request arrives with a different top Via, so including it would hide every loop).
     */
    private static String loopMarker(Request r) {
        String text = r.getRequestURI() + "|" + ((FromHeader) r.getHeader("From")).getTag()
                + "|" + ((ToHeader) r.getHeader("To")).getTag()
                + "|" + ((CallIdHeader) r.getHeader("Call-ID")).getCallId()
                + "|" + ((CSeqHeader) r.getHeader("CSeq")).getSeqNumber();
        return DigestChallenger.md5(text).substring(0, 12);
    }
}
