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
 * stack's own timers (32 s) would wait longer. The listener hears exactly one of success or
 * failure; provisional responses before that.
 */
final class ClientExchange {
    /** Hears how the exchange goes; called on stack or timer threads, so it must not block. */
    interface Listener {
        default void provisional(MessageView response, ClientTransaction ct) {
        }

        void success(MessageView response, Response raw, ClientTransaction ct);

        void failure(SipFailure failure, ClientTransaction ct);
    }

    /** The first answer plus re-answers after {@code stale=true}; a server that stays stale is refused. */
    private static final int MAX_AUTH_ATTEMPTS = 3;

    private final SipUserAgent agent;
    private final EndpointHandler endpoint;
    private final Listener listener;
    private final AtomicBoolean done = new AtomicBoolean();
    private volatile ClientTransaction current;
    private volatile ScheduledFuture<?> timer;
    private int authAttempts;

    private ClientExchange(SipUserAgent agent, EndpointHandler endpoint, Listener listener) {
        this.agent = agent;
        this.endpoint = endpoint;
        this.listener = listener;
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
        ClientExchange exchange = new ClientExchange(agent, endpoint, listener);
        exchange.timer = SipUserAgent.TIMERS.schedule(() -> exchange.finish(new SipFailure(SipFailure.Kind.TIMEOUT,
                "no final response to " + request.getMethod() + " within " + timeout.toMillis() / 1000.0 + " s"), null),
                timeout.toMillis(), TimeUnit.MILLISECONDS);
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

    boolean isDone() {
        return done.get();
    }

    void responseReceived(Response response, ClientTransaction ct) {
        if (done.get()) {
            return;
        }
        int code = response.getStatusCode();
        MessageView view = MessageView.of(response);
        if (code < 200) {
            listener.provisional(view, ct);
            return;
        }
        boolean challenged = code == Response.UNAUTHORIZED || code == Response.PROXY_AUTHENTICATION_REQUIRED;
        // A stale nonce is no refusal: answer the fresh one again, a bounded number of times.
        if (challenged && (authAttempts == 0 || (authAttempts < MAX_AUTH_ATTEMPTS && isStale(response)))) {
            authAttempts++;
            try {
                current = reoriginate(response, ct);
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
    private ClientTransaction reoriginate(Response challenge, ClientTransaction challenged) throws SipFailure {
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
        Request original = challenged.getRequest();
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

    void stackTimedOut() {
        finish(new SipFailure(SipFailure.Kind.TIMEOUT, "the request timed out (no response from the peer)"), current);
    }

    /** Ends the exchange with {@code failure} unless it has already ended. */
    void finish(SipFailure failure, ClientTransaction ct) {
        if (done.compareAndSet(false, true)) {
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
