package io.github.ucmaworkbench.rtc.sip;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sip.ClientTransaction;
import javax.sip.SipException;
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
    static ClientExchange start(SipUserAgent agent, EndpointHandler endpoint, Request request, javax.sip.Dialog dialog,
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
        if ((code == Response.UNAUTHORIZED || code == Response.PROXY_AUTHENTICATION_REQUIRED) && authAttempts == 0) {
            authAttempts++;
            try {
                ClientTransaction retry = agent.authHelper().handleChallenge(response, ct, agent.providerFor(endpoint), 0, true);
                retry.setApplicationData(this);
                current = retry;
                retry.sendRequest();
                return;
            } catch (SipException | SipFailure | RuntimeException e) {
                finish(new SipFailure(SipFailure.Kind.AUTHENTICATION, "the server asked for credentials ("
                        + code + " " + response.getReasonPhrase() + ") and none could be given: " + e.getMessage(), view, e), ct);
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
