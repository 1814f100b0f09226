package io.github.ucmaworkbench.registrar;

import gov.nist.javax.sip.message.SIPMessage;
import java.net.InetAddress;
import java.text.ParseException;
import javax.sip.InvalidArgumentException;
import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.header.ViaHeader;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a request proves who sent it: refuses sources over their failure limit, challenges
 * (401 for the registrar, 407 for the proxy, RFC 3261 §22.1/§22.3), refuses wrong credentials
 * with 403 rather than challenging again (so a client with a wrong password stops at once), and
 * counts every failure for the {@link AuthFailureLimiter}. Runs on stack threads; never blocks.
 */
final class AuthGate {
    private static final Logger LOG = LoggerFactory.getLogger(AuthGate.class);
    static final String TOO_MANY_FAILURES = "Too many failed attempts";

    private final DigestChallenger digest;
    private final AuthFailureLimiter limiter;
    private final SignInRefusals refusals;
    private final MessageFactory messages;

    AuthGate(DigestChallenger digest, AuthFailureLimiter limiter, SignInRefusals refusals, MessageFactory messages) {
        this.digest = digest;
        this.limiter = limiter;
        this.refusals = refusals;
        this.messages = messages;
    }

    boolean enabled() {
        return digest.enabled();
    }

    /**
     * Refuses the request at once when its source is over the limit; true when it did (and answered).
     * Checked before anything else, so a blocked source costs no digest work at all.
     */
    boolean refuseBlocked(Request request, ServerTransaction st) throws SipException, InvalidArgumentException {
        if (!limiter.isBlocked(sourceOf(request))) {
            return false;
        }
        st.sendResponse(create(request, Response.FORBIDDEN, TOO_MANY_FAILURES));
        return true;
    }

    /**
     * Checks the request's credentials; answers it (401/407 challenge, or 403) unless they are good.
     *
     * @return the authenticated user name, or null when the request has been answered here
     */
    String authenticate(Request request, ServerTransaction st, boolean proxy)
            throws SipException, InvalidArgumentException, ParseException {
        DigestChallenger.Result r = digest.check(request, proxy);
        switch (r.verdict()) {
            case ACCEPTED -> {
                LOG.debug("{} {} authenticated as {} ({})", request.getMethod(), request.getRequestURI(), r.username(),
                        r.algorithm());
                return r.username();
            }
            case CHALLENGE, STALE -> {
                LOG.debug("challenging {} from {}: {}", request.getMethod(), sourceOf(request), r.reason());
                Response resp = create(request, proxy ? Response.PROXY_AUTHENTICATION_REQUIRED : Response.UNAUTHORIZED, null);
                for (var h : digest.challenges(proxy, r.verdict() == DigestChallenger.Verdict.STALE)) {
                    resp.addHeader(h);
                }
                st.sendResponse(resp);
                return null;
            }
            default -> {
                refuse(request, st, r.reason());
                return null;
            }
        }
    }

    /** Counts a failed sign-in from the request's source and answers 403. */
    void refuse(Request request, ServerTransaction st, String why) throws SipException, InvalidArgumentException {
        String source = sourceOf(request);
        LOG.debug("refusing {} from {}: {}", request.getMethod(), source, why);
        limiter.failed(source);
        refusals.refused(source, request.getMethod(), why);
        st.sendResponse(create(request, Response.FORBIDDEN, "Forbidden"));
    }

    /**
     * The address the request came from, as the transport saw it; the top Via's {@code received}
     * or host only when the stack did not record it. The port is left out on purpose: a TCP
     * client's source port changes with every connection.
     */
    static String sourceOf(Request request) {
        if (request instanceof SIPMessage m) {
            InetAddress remote = m.getRemoteAddress();
            if (remote != null) {
                return remote.getHostAddress();
            }
        }
        ViaHeader via = (ViaHeader) request.getHeader(ViaHeader.NAME);
        if (via == null) {
            return "unknown";
        }
        return via.getReceived() != null ? via.getReceived() : via.getHost();
    }

    private Response create(Request request, int code, String reason) {
        try {
            return Responses.create(messages, request, code, reason);
        } catch (ParseException e) {
            throw new IllegalStateException("cannot build a " + code + " response", e);
        }
    }
}
