package io.github.ucmaworkbench.rtc.sip;

import io.github.ucmaworkbench.sip.CallLanes;
import io.github.ucmaworkbench.sip.InputBacklog;
import java.text.ParseException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javax.sip.Dialog;
import javax.sip.ListeningPoint;
import javax.sip.ServerTransaction;
import javax.sip.SipProvider;
import javax.sip.header.FromHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An INVITE that reached one of our endpoints: rung at once (180), then accepted (200, waiting
 * for the ACK), rejected (a final error), or cancelled by the caller (200 to the CANCEL, 487 to
 * the INVITE, RFC 3261 §9.2).
 *
 * <p>After the 200 OK we wait for the ACK as long as RFC 3261 §13.3.1.4 says: 64*T1, while the
 * stack retransmits the 200 and the caller acknowledges each copy. An ACK lost under load (a
 * full UDP receive buffer drops it; callers never retransmit ACKs) is thereby recovered instead
 * of ending in a false "timed out". A BYE before the ACK (Linphone does this, and it is what a
 * lost ACK looks like) ends the wait too: the caller evidently had our 200 OK.
 *
 * <p>The window is judged by when the ACK reached us, not by when our busy stack got to it: a
 * window that ends is checked on the call's lane ({@link CallLanes}), after every message of the
 * call already handed over, and not before the stack has taken every datagram that reached our
 * socket before the window ended ({@link InputBacklog}), including those still in the kernel's
 * buffer then (a marker datagram to our own socket tells when the reader is past them). Under
 * load an ACK waited seconds in our own queues; decided on the timer thread, it was reported as
 * "never came" although it had.
 */
public final class IncomingInvite {
    /** Hears what the caller does; called on stack or timer threads. */
    public interface Listener {
        /** The caller sent CANCEL before we answered. */
        void cancelled();
    }

    /** Hears how an accept ends, exactly one of the three; called on stack or timer threads. */
    public interface AcceptOutcome {
        void acknowledged(MessageView ack, DialogChannel channel);

        /** The caller hung up (BYE, already answered 200) before its ACK reached us. */
        void hungUpBeforeAck(MessageView bye, DialogChannel channel);

        void failed(SipFailure failure);
    }

    private static final String ACK_TIMEOUT_PROPERTY = "ucma.ackTimeoutMs";
    /** The ACK window and the property text it was parsed from (see {@link #ackWindow}). */
    private record AckWindow(String raw, Duration window) {
    }

    private static volatile AckWindow knownAckWindow = new AckWindow(null, Duration.ofMillis(64 * 500));

    /** How long we wait for the ACK: 64*T1 (RFC 3261 §13.3.1.4); tests shorten it with {@code ucma.ackTimeoutMs}. */
    static Duration ackWindow() {
        // Parsed again only when the property changed (tests set it at run time): Long.getLong
        // was 4 % of the worker's time per accepted call under load.
        String raw = System.getProperty(ACK_TIMEOUT_PROPERTY);
        AckWindow known = knownAckWindow;
        if (!Objects.equals(known.raw(), raw)) {
            known = new AckWindow(raw, Duration.ofMillis(Long.getLong(ACK_TIMEOUT_PROPERTY, 64 * 500)));
            knownAckWindow = known;
        }
        return known.window();
    }

    private static final Logger LOG = LoggerFactory.getLogger(IncomingInvite.class);
    /** How soon a window that ended while our own input was behind is checked again. */
    private static final long RECHECK_MS = 50;
    /**
     * The longest a datagram can wait for the stack: the RI throws away what waited 8 s in its
     * queue (its congestion audit, CONGESTION_CONTROL_TIMEOUT), checked every 2 s.
     */
    private static final long STACK_QUEUE_LIMIT_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final SipUserAgent agent;
    private final EndpointHandler endpoint;
    private final ServerTransaction transaction;
    private final Request request;
    private final MessageView view;
    private final String key;
    private final SipProvider provider;
    private final String toTag = Long.toHexString(Double.doubleToLongBits(Math.random()));
    private volatile Listener listener;
    private boolean answered;
    private ScheduledFuture<?> ackTimer;

    IncomingInvite(SipUserAgent agent, EndpointHandler endpoint, ServerTransaction transaction, Request request, String key,
            SipProvider provider) {
        this.agent = agent;
        this.endpoint = endpoint;
        this.transaction = transaction;
        this.request = request;
        this.view = MessageView.of(request);
        this.key = key;
        this.provider = provider;
    }

    public MessageView request() {
        return view;
    }

    public void setListener(Listener listener) {
        this.listener = listener;
    }

    /** The caller's URI from the From header. */
    public String remoteUri() {
        return ((FromHeader) request.getHeader("From")).getAddress().getURI().toString();
    }

    /** The URI the INVITE was addressed to (To header). */
    public String localUri() {
        return ((ToHeader) request.getHeader(ToHeader.NAME)).getAddress().getURI().toString();
    }

    synchronized void ring() {
        try {
            transaction.sendResponse(response(Response.RINGING, null));
        } catch (Exception e) {
            LOG.debug("could not send 180", e);
        }
    }

    /**
     * Sends 200 OK (with our Contact, {@code headers} and an optional body) and waits for the
     * caller's ACK, at most {@link #ackWindow()}.
     */
    public void accept(List<Map.Entry<String, String>> headers, String contentType, byte[] body,
            DialogChannel.Listener dialogListener, AcceptOutcome outcome) throws SipFailure {
        Duration timeout = ackWindow();
        synchronized (this) {
            claimAnswer();
            try {
                Response ok = response(Response.OK, null);
                ok.addHeader(agent.prototypes().contact(agent.contactUri(endpoint)));
                Requests.addHeaders(agent, ok, headers);
                Requests.setBody(agent, ok, contentType, body);
                Dialog dialog = transaction.getDialog();
                DialogChannel channel = new DialogChannel(agent, endpoint, dialog, dialogListener);
                channel.awaitAck(new DialogChannel.AckWaiter() {
                    @Override
                    public void acknowledged(MessageView ack) {
                        cancelAckTimer();
                        outcome.acknowledged(ack, channel);
                    }

                    @Override
                    public void hungUp(MessageView bye) {
                        cancelAckTimer();
                        outcome.hungUpBeforeAck(bye, channel);
                    }
                });
                transaction.sendResponse(ok);
                long deadline = System.nanoTime() + timeout.toNanos();
                AckDeadline check = new AckDeadline(channel, outcome, timeout, deadline);
                ackTimer = SipUserAgent.TIMERS.schedule(check::onLane, timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (SipFailure e) {
                throw e;
            } catch (ParseException e) {
                throw new IllegalArgumentException("bad header or body: " + e.getMessage(), e);
            } catch (Exception e) {
                throw SipUserAgent.connectionFailure(e);
            }
        }
    }

    /** The end of the ACK window, decided on the call's lane (see the class comment). */
    private final class AckDeadline {
        private final DialogChannel channel;
        private final AcceptOutcome outcome;
        private final Duration timeout;
        private final long deadline;
        private boolean caughtUp;
        /** The reader marker sent when the window ended (-1: not yet; 0: none to wait for). */
        private long marker = -1;

        AckDeadline(DialogChannel channel, AcceptOutcome outcome, Duration timeout, long deadline) {
            this.channel = channel;
            this.outcome = outcome;
            this.timeout = timeout;
            this.deadline = deadline;
        }

        /** On the timer thread: queue the decision behind the call's messages already handed over. */
        void onLane() {
            CallLanes.shared().execute(CallLanes.callIdOf(request), this::decide);
        }

        private void decide() {
            if (!channel.isAwaitingAck()) {
                return;
            }
            // The kernel's buffer may still hold datagrams that arrived before the window ended
            // (the ACK among them), where nothing sees them: a marker sent now queues behind
            // them, and once our reader has read it they are in our own input.
            ListeningPoint udp = provider == null ? null : provider.getListeningPoint(ListeningPoint.UDP);
            if (marker < 0) {
                marker = udp == null ? 0 : InputBacklog.mark(udp.getIPAddress(), udp.getPort());
            }
            boolean unread = udp != null && !InputBacklog.readUpTo(udp.getIPAddress(), udp.getPort(), marker);
            // Our own input still holds a datagram that arrived before the window ended (the ACK
            // may be among them): look again once the stack has taken it, but no longer than a
            // datagram can wait there (one the stack threw away stays queued until the next).
            Long waitingSince = udp == null ? null : InputBacklog.waitingSince(udp.getIPAddress(), udp.getPort());
            boolean behind = unread || waitingSince != null && waitingSince - deadline <= 0;
            long waited = System.nanoTime() - deadline;
            if ((behind || !caughtUp) && waited < Math.max(timeout.toNanos(), STACK_QUEUE_LIMIT_NANOS)) {
                // One more pass even when caught up: the stack may be handing the last datagram
                // it took over to the lane right now.
                caughtUp = !behind;
                rearm(SipUserAgent.TIMERS.schedule(this::onLane, RECHECK_MS, TimeUnit.MILLISECONDS));
                return;
            }
            if (channel.abandonAckWait()) {
                outcome.failed(new SipFailure(SipFailure.Kind.TIMEOUT,
                        "the caller did not acknowledge (no ACK) within " + timeout.toMillis() / 1000.0 + " s"));
            }
        }
    }

    private synchronized void rearm(ScheduledFuture<?> next) {
        ackTimer = next;
    }

    /** Only one final answer per INVITE: the first of accept, reject or the caller's CANCEL wins. */
    private void claimAnswer() {
        if (answered) {
            throw new IllegalStateException("the invitation was already answered or cancelled");
        }
        answered = true;
        agent.forgetInvite(key);
    }

    private synchronized void cancelAckTimer() {
        if (ackTimer != null) {
            ackTimer.cancel(false);
        }
    }

    /** Answers with a final error response ({@code TerminateWithRejection}). */
    public void reject(int code, String reason, List<Map.Entry<String, String>> headers) throws SipFailure {
        synchronized (this) {
            claimAnswer();
            try {
                Response response = response(code, reason);
                Requests.addHeaders(agent, response, headers);
                transaction.sendResponse(response);
            } catch (ParseException e) {
                throw new IllegalArgumentException("bad header: " + e.getMessage(), e);
            } catch (Exception e) {
                throw SipUserAgent.connectionFailure(e);
            }
        }
    }

    /** The caller cancelled: answer the INVITE with 487 unless we already answered it. */
    void cancelReceived() {
        synchronized (this) {
            if (answered) {
                return;
            }
            answered = true;
            agent.forgetInvite(key);
            try {
                transaction.sendResponse(response(Response.REQUEST_TERMINATED, null));
            } catch (Exception e) {
                LOG.debug("could not send 487", e);
            }
        }
        Listener l = listener;
        if (l != null) {
            l.cancelled();
        }
    }

    /** The agent is closing: refuse an unanswered INVITE so the caller hears at once. */
    void abandon() {
        try {
            reject(Response.TEMPORARILY_UNAVAILABLE, "Endpoint Shutting Down", List.of());
        } catch (SipFailure | IllegalStateException e) {
            LOG.debug("invite already answered at shutdown", e);
        }
    }

    private Response response(int code, String reason) throws ParseException {
        Response response = agent.messages().createResponse(code, request);
        if (reason != null && !reason.isBlank()) {
            response.setReasonPhrase(reason);
        }
        ToHeader to = (ToHeader) response.getHeader(ToHeader.NAME);
        if (to.getTag() == null && code > 100) {
            to.setTag(toTag);
        }
        response.addHeader(agent.prototypes().userAgent());
        return response;
    }
}
