package io.github.ucmaworkbench.rtc.sip;

import java.time.Duration;
import java.util.List;
import java.util.ListIterator;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javax.sip.ClientTransaction;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.ExpiresHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The REGISTER side of an endpoint (RFC 3261 §10.2): one Call-ID and a rising CSeq for all its
 * registrations, a refresh before the granted expiry runs out, and removal with Expires 0.
 */
public final class Registration {
    /** Hears about refreshes the user did not ask for; called on stack or timer threads. */
    public interface RefreshListener {
        void refreshFailed(SipFailure failure);
    }

    /** Hears the outcome of one register or unregister; called on stack or timer threads. */
    public interface Outcome {
        void succeeded(MessageView response);

        void failed(SipFailure failure);
    }

    private static final Logger LOG = LoggerFactory.getLogger(Registration.class);

    private final SipUserAgent agent;
    private final EndpointHandler endpoint;
    private final RefreshListener refreshListener;
    private final String fromTag = Long.toHexString(Double.doubleToLongBits(Math.random()));
    private String callId;
    private long cseq;
    private int requestedExpires = 3600;
    private volatile Duration timeout = Duration.ofSeconds(8);
    private List<Map.Entry<String, String>> headers = List.of();
    private ScheduledFuture<?> refresh;
    private boolean active;
    /** The Contact the registrar last accepted from us; replaced (not added to) when we start listening. */
    private String boundContact;

    public Registration(SipUserAgent agent, EndpointHandler endpoint, RefreshListener refreshListener) {
        this.agent = agent;
        this.endpoint = endpoint;
        this.refreshListener = refreshListener;
    }

    public void setTimeout(Duration timeout) {
        this.timeout = timeout;
    }

    public synchronized void setRequestedExpires(int seconds) {
        requestedExpires = seconds;
    }

    /** Sends a REGISTER binding our Contact; on success keeps refreshing it. */
    public synchronized void register(List<Map.Entry<String, String>> extraHeaders, Outcome outcome) {
        headers = extraHeaders == null ? List.of() : List.copyOf(extraHeaders);
        active = true;
        send(requestedExpires, outcome);
    }

    /** Re-registers now, e.g. because the Contact changed; failures go to the refresh listener. */
    public synchronized void refreshNow() {
        if (!active) {
            return;
        }
        send(requestedExpires, new Outcome() {
            @Override public void succeeded(MessageView response) { }
            @Override public void failed(SipFailure failure) { refreshListener.refreshFailed(failure); }
        });
    }

    /** Sends REGISTER with Expires 0 for our Contact and stops refreshing. */
    public synchronized void unregister(Outcome outcome) {
        active = false;
        cancelRefresh();
        send(0, outcome);
    }

    /** Stops refreshing without telling the server (the binding then expires on its own). */
    public synchronized void abandon() {
        active = false;
        cancelRefresh();
    }

    private void send(int expires, Outcome outcome) {
        Request request;
        String sentContact;
        try {
            String aorUri = endpoint.userUri();
            String domain = SipUris.host(aorUri);
            request = Requests.outOfDialog(agent, endpoint, Request.REGISTER, "sip:" + domain, aorUri, callId,
                    ++cseq, fromTag, headers, null, null);
            if (callId == null) {
                callId = ((CallIdHeader) request.getHeader("Call-ID")).getCallId();
            }
            request.addHeader(agent.headers().createExpiresHeader(expires));
            String contact = agent.contactUri(endpoint);
            if (expires == 0 && boundContact != null && !boundContact.equals(contact)) {
                // Unregister what the registrar knows, even if our Contact changed since.
                request.setHeader(agent.headers().createContactHeader(agent.addresses().createAddress(boundContact)));
            } else if (boundContact != null && !boundContact.equals(contact)) {
                // Our Contact moved (startListening): drop the old binding in the same REGISTER
                // (RFC 3261 §10.2.2), or the proxy would fork INVITEs to both addresses.
                ContactHeader old = agent.headers().createContactHeader(agent.addresses().createAddress(boundContact));
                old.setExpires(0);
                request.addHeader(old);
            }
            sentContact = contact;
        } catch (SipFailure e) {
            outcome.failed(e);
            return;
        } catch (Exception e) {
            outcome.failed(new SipFailure(SipFailure.Kind.OTHER, "could not build the REGISTER: " + e.getMessage(), null, e));
            return;
        }
        ClientExchange.start(agent, endpoint, request, timeout, new ClientExchange.Listener() {
            @Override
            public void resent(Request retry) {
                // A challenged REGISTER went out again one CSeq higher; the next one counts on
                // from it. Taken here, not from the transaction: the stack may have released
                // a finished transaction's request (see SipUserAgent).
                synchronized (Registration.this) {
                    cseq = Math.max(cseq, ((CSeqHeader) retry.getHeader(CSeqHeader.NAME)).getSeqNumber());
                }
            }

            @Override
            public void success(MessageView response, Response raw, ClientTransaction ct) {
                synchronized (Registration.this) {
                    boundContact = expires > 0 ? sentContact : null;
                }
                if (expires > 0) {
                    scheduleRefresh(grantedExpires(raw, expires));
                }
                outcome.succeeded(response);
            }

            @Override
            public void failure(SipFailure failure, ClientTransaction ct) {
                outcome.failed(failure);
            }
        });
    }

    /** The expiry the registrar granted our Contact (§10.2.4), else the Expires header, else what we asked. */
    private int grantedExpires(Response response, int asked) {
        String ours;
        try {
            ours = SipUris.addressOfRecord(agent.contactUri(endpoint)) + portOf(agent.contactUri(endpoint));
        } catch (SipFailure e) {
            ours = null;
        }
        for (ListIterator<?> it = response.getHeaders(ContactHeader.NAME); it.hasNext(); ) {
            ContactHeader contact = (ContactHeader) it.next();
            String uri = contact.getAddress().getURI().toString();
            if (ours != null && ours.equals(SipUris.addressOfRecord(uri) + portOf(uri)) && contact.getExpires() >= 0) {
                return contact.getExpires();
            }
        }
        ExpiresHeader expires = response.getExpires();
        return expires != null ? expires.getExpires() : asked;
    }

    private static String portOf(String uri) {
        String rest = uri.substring(uri.indexOf('@') + 1);
        int semi = rest.indexOf(';');
        rest = semi < 0 ? rest : rest.substring(0, semi);
        int colon = rest.lastIndexOf(':');
        return colon < 0 || rest.endsWith("]") ? "" : rest.substring(colon);
    }

    private synchronized void scheduleRefresh(int granted) {
        cancelRefresh();
        if (!active || granted <= 0) {
            return;
        }
        // Refresh well before expiry: at 80 % of the grant, but never later than 30 s before it.
        long delayMs = Math.max(500, granted > 150 ? (granted - 30) * 1000L : granted * 800L);
        refresh = SipUserAgent.TIMERS.schedule(this::refreshNow, delayMs, TimeUnit.MILLISECONDS);
        LOG.debug("{} registered for {} s; refreshing in {} ms", endpoint.userUri(), granted, delayMs);
    }

    private void cancelRefresh() {
        if (refresh != null) {
            refresh.cancel(false);
            refresh = null;
        }
    }
}
