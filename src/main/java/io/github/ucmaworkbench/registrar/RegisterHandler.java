package io.github.ucmaworkbench.registrar;

import java.text.ParseException;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import java.util.ListIterator;
import java.util.Locale;
import java.util.TimeZone;
import javax.sip.InvalidArgumentException;
import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.address.Address;
import javax.sip.address.AddressFactory;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.ExpiresHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.header.ToHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registrar half: processes REGISTER as RFC 3261 §10.3 lays out, step by step, against the
 * {@link LocationService}. Runs on the stack thread and never blocks.
 */
final class RegisterHandler {
    private static final Logger LOG = LoggerFactory.getLogger(RegisterHandler.class);
    /** What a full registrar asks a client to wait (RFC 3261 §21.5.4, §20.33). */
    static final int RETRY_AFTER_SECONDS = 30;

    private final RegistrarConfig config;
    private final LocalIdentity identity;
    private final LocationService location;
    private final AuthGate auth;
    private final MessageFactory messages;
    private final HeaderFactory headers;
    private final AddressFactory addresses;

    RegisterHandler(RegistrarConfig config, LocalIdentity identity, LocationService location,
            AuthGate auth, MessageFactory messages, HeaderFactory headers, AddressFactory addresses) {
        this.config = config;
        this.identity = identity;
        this.location = location;
        this.auth = auth;
        this.messages = messages;
        this.headers = headers;
        this.addresses = addresses;
    }

    /** One contact of the request, validated, before anything is applied. */
    private record Change(String key, String contact, int expires) {
    }

    void process(Request request, ServerTransaction st) throws SipException, ParseException, InvalidArgumentException {
        // Step 1: we only register names in our own domain (or addressed to our own socket).
        if (!(request.getRequestURI() instanceof SipURI ruri) || !identity.serves(ruri)) {
            reply(st, request, Response.FORBIDDEN, "Not our domain (" + identity.domain() + ")");
            return;
        }
        URI toUri = ((ToHeader) request.getHeader(ToHeader.NAME)).getAddress().getURI();
        if (!(toUri instanceof SipURI to)) {
            reply(st, request, Response.BAD_REQUEST, "To must be a SIP URI");
            return;
        }
        // Steps 3-4: authenticate, then check the authenticated user may register this AOR.
        if (auth.refuseBlocked(request, st)) {
            return;
        }
        if (auth.enabled()) {
            String user = auth.authenticate(request, st, false);
            if (user == null) {
                return;
            }
            if (!user.equals(to.getUser())) {
                reply(st, request, Response.FORBIDDEN, "Authenticated as " + user + ", not " + to.getUser());
                return;
            }
        }
        // Step 5: the AOR from the To header must be ours too.
        if (!identity.serves(to)) {
            reply(st, request, Response.FORBIDDEN, "Not our domain (" + identity.domain() + ")");
            return;
        }
        if (to.getUser() == null || to.getUser().isEmpty()) {
            reply(st, request, Response.BAD_REQUEST, "To has no user part");
            return;
        }
        String aor = LocationService.aorOf(to.getUser(), identity.domain());
        String callId = ((CallIdHeader) request.getHeader(CallIdHeader.NAME)).getCallId();
        long cseq = ((CSeqHeader) request.getHeader(CSeqHeader.NAME)).getSeqNumber();
        ExpiresHeader expiresHeader = request.getExpires();
        ViaHeader via = (ViaHeader) request.getHeader(ViaHeader.NAME);
        String transport = via == null ? "UDP" : via.getTransport().toUpperCase(Locale.ROOT);

        List<ContactHeader> contacts = new ArrayList<>();
        for (ListIterator<?> it = request.getHeaders(ContactHeader.NAME); it.hasNext(); ) {
            contacts.add((ContactHeader) it.next());
        }
        if (contacts.stream().anyMatch(ContactHeader::isWildCard)) {
            // Step 6: "*" is only legal alone and with Expires: 0.
            if (contacts.size() != 1 || expiresHeader == null || expiresHeader.getExpires() != 0) {
                reply(st, request, Response.BAD_REQUEST, "Contact * needs Expires: 0 and no other contact");
                return;
            }
            for (Binding b : location.getBindings(aor)) {
                if (b.getCallId().equals(callId) && cseq <= b.getCseq()) {
                    reply(st, request, Response.SERVER_INTERNAL_ERROR, "Out of order REGISTER");
                    return;
                }
            }
            LOG.debug("{} removed all contacts", aor);
            ok(st, request, location.update(aor, true, List.of(), List.of()));
            return;
        }

        // Step 7: validate every contact first so a refusal leaves the bindings untouched.
        List<Change> changes = new ArrayList<>();
        for (ContactHeader c : contacts) {
            if (!(c.getAddress().getURI() instanceof SipURI curi)) {
                reply(st, request, Response.BAD_REQUEST, "Contact must be a SIP URI");
                return;
            }
            if (identity.isOwnAddress(curi.getHost(), curi.getPort())) {
                // a binding to ourselves would make every call loop until Max-Forwards runs out
                reply(st, request, Response.BAD_REQUEST, "Contact points at the registrar itself");
                return;
            }
            int expires = c.getExpires() >= 0 ? c.getExpires()
                    : expiresHeader != null ? expiresHeader.getExpires() : config.getDefaultExpires();
            if (expires > 0 && expires < config.getMinExpires()) {
                Response resp = create(request, Response.INTERVAL_TOO_BRIEF, null);
                resp.addHeader(headers.createMinExpiresHeader(config.getMinExpires()));
                st.sendResponse(resp);
                return;
            }
            String key = LocationService.keyOf(curi);
            Binding existing = location.find(aor, key);
            if (existing != null && existing.getCallId().equals(callId) && cseq <= existing.getCseq()) {
                reply(st, request, Response.SERVER_INTERNAL_ERROR, "Out of order REGISTER");
                return;
            }
            changes.add(new Change(key, curi.toString(), Math.min(expires, config.getMaxExpires())));
        }
        List<Binding> put = new ArrayList<>();
        List<String> remove = new ArrayList<>();
        for (Change ch : changes) {
            if (ch.expires() == 0) {
                remove.add(ch.key());
            } else {
                put.add(new Binding(aor, ch.contact(), ch.key(), callId, cseq, transport, ch.expires()));
            }
        }
        if (!changes.isEmpty()) {
            LOG.debug("{}: bound {}, removed {}", aor, put, remove);
        }
        // Step 8: the 200 lists every current binding; a query (no Contact) changes nothing.
        List<Binding> current;
        try {
            current = changes.isEmpty() ? location.getBindings(aor)
                    : location.update(aor, false, put, remove, config.getMaxContactsPerAor(), config.getMaxBindings());
        } catch (LocationService.LimitExceeded e) {
            LOG.debug("refusing REGISTER for {} from {}: {}", aor, AuthGate.sourceOf(request), e.getMessage());
            if (e.isPerAor()) {
                reply(st, request, Response.FORBIDDEN, "Too many contacts (at most " + config.getMaxContactsPerAor() + ")");
            } else {
                Response resp = create(request, Response.SERVICE_UNAVAILABLE, "Registrar full");
                resp.addHeader(headers.createRetryAfterHeader(RETRY_AFTER_SECONDS));
                st.sendResponse(resp);
            }
            return;
        }
        ok(st, request, current);
    }

    private void ok(ServerTransaction st, Request request, List<Binding> current)
            throws ParseException, SipException, InvalidArgumentException {
        Response resp = create(request, Response.OK, null);
        for (Binding b : current) {
            Address a = addresses.createAddress(addresses.createURI(b.getContactUri()));
            ContactHeader ch = headers.createContactHeader(a);
            ch.setExpires(Math.max(1, b.remainingSeconds()));
            resp.addHeader(ch);
        }
        resp.addHeader(headers.createDateHeader(Calendar.getInstance(TimeZone.getTimeZone("GMT"), Locale.ROOT)));
        st.sendResponse(resp);
    }

    private void reply(ServerTransaction st, Request request, int code, String reason)
            throws ParseException, SipException, InvalidArgumentException {
        st.sendResponse(create(request, code, reason));
    }

    private Response create(Request request, int code, String reason) throws ParseException {
        return Responses.create(messages, request, code, reason);
    }
}
