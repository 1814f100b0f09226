package io.github.ucmaworkbench.rtc.sip;

import java.text.ParseException;
import java.time.Duration;
import java.util.ListIterator;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.InvalidArgumentException;
import javax.sip.header.CSeqHeader;
import javax.sip.header.ToHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * One request and its answer, seen through to a final outcome: it re-sends once with
 * credentials when challenged (401/407), and gives up after the operation timeout even when the
 * stack's own timers (32 s) would wait longer. An INVITE started with a ring timeout trades the
 * operation timeout for the ring timeout at the callee's first ringing response (see
 * {@link #isRinging}). The listener hears exactly one of success or failure; provisional
 * responses before that.
 */
final class ClientExchange {
    /** Hears how the exchange goes; called on stack or timer threads, so it must not block. */
    interface Listener {
        default void provisional(MessageView response, ClientTransaction ct) {
        }

        void success(MessageView response, Response raw, ClientTransaction ct);

        void failure(SipFailure failure, ClientTransaction ct);

        /** A 2xx that came after the exchange had already failed (a timeout crossing the answer). */
        default void lateSuccess(Response raw, ClientTransaction ct) {
        }

        /** The request went out again, with credentials after a challenge (its CSeq one higher). */
        default void resent(Request request) {
        }
    }

    /** The first answer plus re-answers after {@code stale=true}; a server that stays stale is refused. */
    private static final int MAX_AUTH_ATTEMPTS = 3;

    private final SipUserAgent agent;
    private final EndpointHandler endpoint;
    private final Listener listener;
    private final AtomicBoolean done = new AtomicBoolean();
    private final Duration ringTimeout;
    private volatile ClientTransaction current;
    /**
     * The request last sent. Our own reference, not the transaction's: the stack releases a
     * completed transaction's request (RELEASE_REFERENCES_STRATEGY, see SipUserAgent), and a
     * challenge completes the transaction before we re-send.
     */
    private volatile Request sent;
    private volatile ScheduledFuture<?> timer;
    private boolean ringing;
    private volatile boolean failed;
    private int authAttempts;

    private ClientExchange(SipUserAgent agent, EndpointHandler endpoint, Listener listener, Duration ringTimeout) {
        this.agent = agent;
        this.endpoint = endpoint;
        this.listener = listener;
        this.ringTimeout = ringTimeout;
    }

    /**
     * Sends {@code request}; an immediate transport error is reported to the listener as a
     * connection failure, like any later one.
     */
    static ClientExchange start(SipUserAgent agent, EndpointHandler endpoint, Request request, Duration timeout,
            Listener listener) {
        return start(agent, endpoint, request, null, timeout, listener);
    }

    /** Like the other, for a request inside {@code dialog} (null: outside any). */
    static ClientExchange start(SipUserAgent agent, EndpointHandler endpoint, Request request, Dialog dialog,
            Duration timeout, Listener listener) {
        return start(agent, endpoint, request, dialog, timeout, null, listener);
    }

    /**
     * Like the others; with a {@code ringTimeout} (an INVITE), the operation timeout only runs
     * until the callee rings, and from then on the ring timeout does (null: the operation timeout
     * covers the whole exchange).
     */
    static ClientExchange start(SipUserAgent agent, EndpointHandler endpoint, Request request, javax.sip.Dialog dialog,
            Duration timeout, Duration ringTimeout, Listener listener) {
        ClientExchange exchange = new ClientExchange(agent, endpoint, listener, ringTimeout);
        exchange.timer = SipUserAgent.TIMERS.schedule(() -> exchange.finish(new SipFailure(SipFailure.Kind.TIMEOUT,
                "no final response to " + request.getMethod() + " within " + seconds(timeout) + " s"), null),
                timeout.toMillis(), TimeUnit.MILLISECONDS);
        exchange.sent = request;
        try {
            exchange.current = agent.send(endpoint, request, dialog, exchange);
        } catch (SipFailure e) {
            exchange.finish(e, null);
        }
        return exchange;
    }

    EndpointHandler endpoint() {
        return endpoint;
    }

    ClientTransaction transaction() {
        return current;
    }

    /** The request last sent: the original, or its re-send with credentials. */
    Request request() {
        return sent;
    }

    boolean isDone() {
        return done.get();
    }

    void responseReceived(Response response, ClientTransaction ct) {
        if (done.get()) {
            if (failed && response.getStatusCode() >= 200 && response.getStatusCode() < 300) {
                listener.lateSuccess(response, ct);
            }
            return;
        }
        int code = response.getStatusCode();
        MessageView view = MessageView.of(response);
        if (code < 200) {
            if (ringTimeout != null && isRinging(code)) {
                startRinging();
            }
            listener.provisional(view, ct);
            return;
        }
        boolean challenged = code == Response.UNAUTHORIZED || code == Response.PROXY_AUTHENTICATION_REQUIRED;
        // A stale nonce is no refusal: answer the fresh one again, a bounded number of times.
        if (challenged && (authAttempts == 0 || (authAttempts < MAX_AUTH_ATTEMPTS && isStale(response)))) {
            authAttempts++;
            try {
                current = reoriginate(response);
                return;
            } catch (SipFailure e) {
                finish(new SipFailure(SipFailure.Kind.AUTHENTICATION, "the server asked for credentials ("
                        + code + " " + response.getReasonPhrase() + ") and " + e.getMessage(), view, e), ct);
                return;
            }
        }
        if (code == Response.UNAUTHORIZED || code == Response.PROXY_AUTHENTICATION_REQUIRED
                || (code == Response.FORBIDDEN && authAttempts > 0)) {
            finish(new SipFailure(SipFailure.Kind.AUTHENTICATION,
                    "the credentials were refused: " + code + " " + response.getReasonPhrase(), view, null), ct);
            return;
        }
        if (code >= 300) {
            finish(SipFailure.response(view), ct);
            return;
        }
        if (done.compareAndSet(false, true)) {
            cancelTimer();
            listener.success(view, response, ct);
        }
    }

    /**
     * Sends the challenged request again with credentials (RFC 3261 §22.2): same Call-ID, CSeq
     * one higher, a new branch, and an Authorization for the strongest challenge we can answer.
     */
    private ClientTransaction reoriginate(Response challenge) throws SipFailure {
        boolean proxy = challenge.getStatusCode() == Response.PROXY_AUTHENTICATION_REQUIRED;
        DigestClient.Challenge best = null;
        for (ListIterator<?> it = challenge.getHeaders(proxy ? "Proxy-Authenticate" : "WWW-Authenticate"); it.hasNext(); ) {
            String text = it.next().toString();
            String value = text.substring(text.indexOf(':') + 1).trim();
            best = DigestClient.stronger(best, DigestClient.Challenge.parse(value));
        }
        if (best == null) {
            throw new SipFailure(SipFailure.Kind.AUTHENTICATION, "it offered no digest algorithm we know (MD5, SHA-256)");
        }
        Request original = sent;
        if (((ToHeader) original.getHeader("To")).getTag() != null) {
            throw new SipFailure(SipFailure.Kind.AUTHENTICATION, "a challenge inside a dialog is not supported");
        }
        EndpointHandler.Credentials credentials = endpoint.credentialsFor(best.realm());
        if (credentials == null) {
            throw new SipFailure(SipFailure.Kind.AUTHENTICATION, "the credential cache has nothing for realm \"" + best.realm() + "\"");
        }
        Request retry = (Request) original.clone();
        try {
            retry.removeHeader("Authorization");
            retry.removeHeader("Proxy-Authorization");
            ((ViaHeader) retry.getHeader("Via")).removeParameter("branch");
            CSeqHeader cseq = (CSeqHeader) retry.getHeader("CSeq");
            cseq.setSeqNumber(cseq.getSeqNumber() + 1);
            retry.addHeader(agent.headers().createHeader(proxy ? "Proxy-Authorization" : "Authorization",
                    DigestClient.authorization(best, credentials.userName(), credentials.password(),
                            retry.getMethod(), retry.getRequestURI().toString())));
        } catch (ParseException | InvalidArgumentException e) {
            throw new SipFailure(SipFailure.Kind.OTHER, "the request could not be re-sent: " + e.getMessage(), null, e);
        }
        sent = retry;
        listener.resent(retry);
        return agent.send(endpoint, retry, null, this);
    }

    private static boolean isStale(Response challenge) {
        boolean proxy = challenge.getStatusCode() == Response.PROXY_AUTHENTICATION_REQUIRED;
        for (ListIterator<?> it = challenge.getHeaders(proxy ? "Proxy-Authenticate" : "WWW-Authenticate"); it.hasNext(); ) {
            String text = it.next().toString();
            if (DigestClient.isStale(text.substring(text.indexOf(':') + 1))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a provisional response means a person is being alerted. 100 Trying does not: it is
     * hop-by-hop (RFC 3261 §16.7 step 10, §21.1.1), and our own registrar, like any stateful proxy,
     * sends it for every INVITE before the callee has seen anything. 180 Ringing, 181, 182 and
     * 183 come end to end from the callee's user agent (§8.2.6, §21.1), so from the first of them
     * the callee is known to be there and the caller waits for a person, not for the network.
     */
    static boolean isRinging(int code) {
        return code > 100 && code < 200;
    }

    /** Swaps the operation timeout for the ring timeout, once; on the stack thread that got the 1xx. */
    private void startRinging() {
        synchronized (this) {
            if (ringing) {
                return;
            }
            ringing = true;
        }
        cancelTimer();
        if (done.get()) {
            return;
        }
        timer = SipUserAgent.TIMERS.schedule(() -> finish(new SipFailure(SipFailure.Kind.TIMEOUT,
                "the callee did not answer within " + seconds(ringTimeout) + " s of ringing, so the invitation was cancelled"),
                null), ringTimeout.toMillis(), TimeUnit.MILLISECONDS);
        if (done.get()) {
            // A final answer (or the operation timeout) won while the new timer was being set.
            cancelTimer();
        }
    }

    /** "60" for whole seconds, "1.5" otherwise. */
    static String seconds(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? Long.toString(ms / 1000) : Double.toString(ms / 1000.0);
    }

    void stackTimedOut() {
        finish(new SipFailure(SipFailure.Kind.TIMEOUT, "the request timed out (no response from the peer)"), current);
    }

    /** Ends the exchange with {@code failure} unless it has already ended. */
    void finish(SipFailure failure, ClientTransaction ct) {
        if (done.compareAndSet(false, true)) {
            failed = true;
            cancelTimer();
            listener.failure(failure, ct == null ? current : ct);
        }
    }

    private void cancelTimer() {
        ScheduledFuture<?> t = timer;
        if (t != null) {
            t.cancel(false);
        }
    }
}
