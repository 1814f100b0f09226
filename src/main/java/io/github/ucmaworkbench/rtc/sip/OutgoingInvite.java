package io.github.ucmaworkbench.rtc.sip;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.header.CallIdHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An INVITE we send: provisional responses make it "alerted", a 2xx is acknowledged at once and
 * connects it, anything else fails it. {@link #cancel()} sends CANCEL once a provisional came
 * (RFC 3261 §9.1 forbids it before); a 2xx racing a cancel is acknowledged and hung up. The
 * operation timeout runs until the callee rings; then the ring timeout does, and when it passes
 * the INVITE is cancelled like a hang-up (§9.1) and fails as a timeout.
 */
public final class OutgoingInvite {
    /** Hears how the INVITE goes; called on stack or timer threads, so it must not block. */
    public interface Listener {
        void alerted(MessageView provisional);

        void connected(MessageView ok, DialogChannel channel);

        void failed(SipFailure failure);
    }

    private static final Logger LOG = LoggerFactory.getLogger(OutgoingInvite.class);

    private final SipUserAgent agent;
    private final EndpointHandler endpoint;
    private final Listener listener;
    private final DialogChannel.Listener dialogListener;
    private volatile ClientExchange exchange;
    private boolean provisionalSeen;
    private boolean cancelRequested;
    private boolean cancelSent;
    private boolean lateAnswerEnded;

    private OutgoingInvite(SipUserAgent agent, EndpointHandler endpoint, Listener listener,
            DialogChannel.Listener dialogListener) {
        this.agent = agent;
        this.endpoint = endpoint;
        this.listener = listener;
        this.dialogListener = dialogListener;
    }

    /** Builds and sends the INVITE to {@code targetUri} through the endpoint's server. */
    public static OutgoingInvite start(SipUserAgent agent, EndpointHandler endpoint, String targetUri,
            List<Map.Entry<String, String>> headers, String contentType, byte[] body, Duration timeout,
            Duration ringTimeout, Listener listener, DialogChannel.Listener dialogListener) {
        OutgoingInvite invite = new OutgoingInvite(agent, endpoint, listener, dialogListener);
        Request request;
        try {
            String fromTag = Long.toHexString(Double.doubleToLongBits(Math.random()));
            request = Requests.outOfDialog(agent, endpoint, Request.INVITE, targetUri, targetUri, null, 1, fromTag,
                    headers, contentType, body);
        } catch (SipFailure e) {
            listener.failed(e);
            return invite;
        }
        invite.exchange = ClientExchange.start(agent, endpoint, request, null, timeout, ringTimeout, invite.new Tracker());
        return invite;
    }

    /** The Call-ID of the INVITE, or null when it could not be built. */
    public String getCallId() {
        // The exchange's own request: the stack may have released the transaction's (SipUserAgent).
        ClientExchange x = exchange;
        Request request = x == null ? null : x.request();
        CallIdHeader callId = request == null ? null : (CallIdHeader) request.getHeader(CallIdHeader.NAME);
        return callId == null ? null : callId.getCallId();
    }

    /** Asks to cancel the INVITE; sends CANCEL now if the callee already answered provisionally. */
    public void cancel() {
        synchronized (this) {
            cancelRequested = true;
            if (!provisionalSeen || cancelSent) {
                return;
            }
            cancelSent = true;
        }
        sendCancel();
    }

    private void sendCancel() {
        ClientExchange x = exchange;
        ClientTransaction ct = x == null ? null : x.transaction();
        if (ct == null) {
            return;
        }
        try {
            Request cancel = ct.createCancel();
            ClientTransaction cancelTx = agent.providerFor(endpoint).getNewClientTransaction(cancel);
            cancelTx.sendRequest();
        } catch (Exception e) {
            LOG.debug("could not send CANCEL", e);
        }
    }

    private final class Tracker implements ClientExchange.Listener {
        @Override
        public void provisional(MessageView response, ClientTransaction ct) {
            boolean cancelNow;
            synchronized (OutgoingInvite.this) {
                provisionalSeen = true;
                cancelNow = cancelRequested && !cancelSent;
                cancelSent |= cancelNow;
            }
            if (cancelNow) {
                sendCancel();
            } else if (response.getStatusCode() > 100) {
                listener.alerted(response);
            }
        }

        @Override
        public void success(MessageView response, Response raw, ClientTransaction ct) {
            Dialog dialog = ct.getDialog();
            DialogChannel channel = new DialogChannel(agent, endpoint, dialog, dialogListener);
            try {
                channel.acknowledge(raw);
            } catch (Exception e) {
                listener.failed(SipUserAgent.connectionFailure(e));
                return;
            }
            boolean cancelled;
            synchronized (OutgoingInvite.this) {
                cancelled = cancelRequested;
            }
            if (cancelled) {
                // The callee accepted as we cancelled (§9.1): the dialog exists, so end it with BYE.
                channel.send(Request.BYE, null, null, List.of(), Duration.ofSeconds(8), new Registration.Outcome() {
                    @Override public void succeeded(MessageView r) { }
                    @Override public void failed(SipFailure f) { }
                });
                listener.failed(new SipFailure(SipFailure.Kind.OTHER, "the callee answered (200 OK) as the invitation was "
                        + "cancelled, so the call was acknowledged (ACK) and ended (BYE)"));
                return;
            }
            listener.connected(response, channel);
        }

        @Override
        public void lateSuccess(Response raw, ClientTransaction ct) {
            synchronized (OutgoingInvite.this) {
                if (lateAnswerEnded) {
                    return;
                }
                lateAnswerEnded = true;
            }
            // The callee picked up as our timeout cancelled the INVITE (§9.1: the 200 may cross the
            // CANCEL): the dialog exists on its side, so confirm it and end it at once.
            DialogChannel channel = new DialogChannel(agent, endpoint, ct.getDialog(), dialogListener);
            try {
                channel.acknowledge(raw);
            } catch (Exception e) {
                LOG.debug("could not acknowledge a late 200", e);
                return;
            }
            channel.send(Request.BYE, null, null, List.of(), Duration.ofSeconds(8), new Registration.Outcome() {
                @Override public void succeeded(MessageView r) { }
                @Override public void failed(SipFailure f) { }
            });
        }

        @Override
        public void failure(SipFailure failure, ClientTransaction ct) {
            if (failure.getKind() == SipFailure.Kind.TIMEOUT) {
                // Our operation or ring timeout fired first: tell the callee to stop ringing.
                cancel();
            }
            listener.failed(failure);
        }
    }
}
