package io.github.ucmaworkbench.registrar;

import java.text.ParseException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.sip.InvalidArgumentException;
import javax.sip.PeerUnavailableException;
import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.SipFactory;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.FromHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.header.ToHeader;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The checks a request passes before the proxy forwards it: loop detection (RFC 3261 §16.3
 * step 4, 482), the bound on pending proxied transactions (503 + Retry-After, §21.5.4), and the
 * optional caller authentication for INVITEs from unregistered sources (407, §22.3).
 */
final class ProxyGuards {
    private static final Logger LOG = LoggerFactory.getLogger(ProxyGuards.class);
    /** What an overloaded proxy asks callers to wait, in seconds. */
    static final int RETRY_AFTER_SECONDS = 5;

    private final RegistrarConfig config;
    private final ProxyRouting routing;
    private final LocalIdentity identity;
    private final LocationService location;
    private final AuthGate auth;
    private final MessageFactory messages;
    private final HeaderFactory headers;
    private final Set<ProxyContext> pending = ConcurrentHashMap.newKeySet();

    ProxyGuards(RegistrarConfig config, ProxyRouting routing, LocalIdentity identity, LocationService location,
            AuthGate auth, MessageFactory messages, HeaderFactory headers) {
        this.config = config;
        this.routing = routing;
        this.identity = identity;
        this.location = location;
        this.auth = auth;
        this.messages = messages;
        this.headers = headers;
    }

    /**
     * Runs every check; answers the request and returns false when one fails.
     */
    boolean admit(Request request, ServerTransaction st) throws SipException, InvalidArgumentException, ParseException {
        if (routing.hasLooped(request)) {
            LOG.debug("{} {} came back to us unchanged: loop", request.getMethod(), request.getRequestURI());
            st.sendResponse(create(request, Response.LOOP_DETECTED, null));
            return false;
        }
        if (pending.size() >= config.getMaxPendingTransactions()) {
            LOG.debug("refusing {}: {} proxied requests pending", request.getMethod(), pending.size());
            Response busy = create(request, Response.SERVICE_UNAVAILABLE, "Too many pending requests");
            busy.addHeader(headers.createRetryAfterHeader(RETRY_AFTER_SECONDS));
            st.sendResponse(busy);
            return false;
        }
        return !needsCallerAuthentication(request) || authenticateCaller(request, st);
    }

    private boolean needsCallerAuthentication(Request request) {
        return config.isAuthenticateCalls() && auth.enabled() && Request.INVITE.equals(request.getMethod())
                && ((ToHeader) request.getHeader(ToHeader.NAME)).getTag() == null;
    }

    /**
     * A registered caller (its From AOR has a contact on the host the INVITE came from) passes
     * without a challenge; anyone else must prove to be the From user with digest credentials.
     */
    private boolean authenticateCaller(Request request, ServerTransaction st)
            throws SipException, InvalidArgumentException, ParseException {
        String source = AuthGate.sourceOf(request);
        String fromUser = fromUser(request);
        if (fromUser != null) {
            for (Binding b : location.getBindings(LocationService.aorOf(fromUser, identity.domain()))) {
                if (source.equals(contactHost(b))) {
                    return true;
                }
            }
        }
        if (auth.refuseBlocked(request, st)) {
            return false;
        }
        String user = auth.authenticate(request, st, true);
        if (user == null) {
            return false;
        }
        if (!user.equals(fromUser)) {
            auth.refuse(request, st, "authenticated as " + user + " but calling as " + fromUser);
            return false;
        }
        return true;
    }

    private String fromUser(Request request) {
        FromHeader from = (FromHeader) request.getHeader(FromHeader.NAME);
        if (from.getAddress().getURI() instanceof SipURI uri && identity.serves(uri)) {
            return uri.getUser();
        }
        return null;
    }

    /** The contact's host as written (no DNS lookup: this runs on a stack thread). */
    private static String contactHost(Binding b) {
        try {
            URI uri = SipFactory.getInstance().createAddressFactory().createURI(b.getContactUri());
            if (!(uri instanceof SipURI sip)) {
                return null;
            }
            String host = sip.getHost();
            return host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        } catch (ParseException | PeerUnavailableException e) {
            return null;
        }
    }

    /** A proxied request now waits for its final response. */
    void started(ProxyContext context) {
        pending.add(context);
    }

    /** Its final response went upstream (or it was swept). */
    void finished(ProxyContext context) {
        pending.remove(context);
    }

    int pendingCount() {
        return pending.size();
    }

    /** Forgets contexts older than {@code maxAgeNanos} that never reported their end. */
    void sweep(long maxAgeNanos) {
        pending.removeIf(c -> c.ageNanos() > maxAgeNanos);
    }

    private Response create(Request request, int code, String reason) throws ParseException {
        return Responses.create(messages, request, code, reason);
    }
}
