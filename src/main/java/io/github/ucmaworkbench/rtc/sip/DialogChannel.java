package io.github.ucmaworkbench.rtc.sip;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.ServerTransaction;
import javax.sip.SipProvider;
import javax.sip.header.CSeqHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A confirmed INVITE dialog: what both ends use to send BYE, MESSAGE or INFO inside it, and
 * where requests the far end sends inside it arrive. The dialog's route set (from
 * Record-Route) is followed by the stack, so in-dialog requests pass through the proxy.
 */
public final class DialogChannel {
    /** Hears requests the far end sends in the dialog; called on stack threads. */
    public interface Listener {
        /** The far end hung up (BYE, already answered 200). */
        void byeReceived(MessageView bye);

        /** A MESSAGE, INFO... arrived; answer it through {@code request}. */
        void requestReceived(IncomingRequest request);

        /** A re-INVITE arrived (hold, resume, a new offer); answer it through {@code reinvite}. */
        void reinviteReceived(IncomingReinvite reinvite);
    }

    /** Waits for the caller's ACK after our 200 OK; hears exactly one of the two. */
    interface AckWaiter {
        void acknowledged(MessageView ack);

        /** A BYE came first (RFC 3261 §15 lets a UAS receive it before the ACK); it is answered already. */
        void hungUp(MessageView bye);
    }

    private static final Logger LOG = LoggerFactory.getLogger(DialogChannel.class);

    private final SipUserAgent agent;
    private final EndpointHandler endpoint;
    private final Dialog dialog;
    private volatile Listener listener;
    private volatile Request lastAck;
    private AckWaiter ackWaiter;

    DialogChannel(SipUserAgent agent, EndpointHandler endpoint, Dialog dialog, Listener listener) {
        this.agent = agent;
        this.endpoint = endpoint;
        this.dialog = dialog;
        this.listener = listener;
        dialog.setApplicationData(this);
    }

    public void setListener(Listener listener) {
        this.listener = listener;
    }

    public String getCallId() {
        return dialog.getCallId().getCallId();
    }

    /** Sends a request of {@code method} inside the dialog; the outcome goes to {@code outcome}. */
    public void send(String method, String contentType, byte[] body, List<Map.Entry<String, String>> headers,
            Duration timeout, Registration.Outcome outcome) {
        Request request;
        try {
            request = dialog.createRequest(method);
            Requests.addHeaders(agent, request, headers);
            Requests.setBody(agent, request, contentType, body);
        } catch (Exception e) {
            outcome.failed(new SipFailure(SipFailure.Kind.OTHER, "cannot send " + method + " in this dialog: " + e.getMessage(), null, e));
            return;
        }
        ClientExchange.start(agent, endpoint, request, dialog, timeout, new ClientExchange.Listener() {
            @Override
            public void success(MessageView response, Response raw, ClientTransaction ct) {
                outcome.succeeded(response);
            }

            @Override
            public void failure(SipFailure failure, ClientTransaction ct) {
                outcome.failed(failure);
            }
        });
    }

    /** Sends the ACK for a 2xx (caller side) and keeps it for 2xx retransmissions. */
    void acknowledge(Response ok) throws Exception {
        long cseq = ((CSeqHeader) ok.getHeader("CSeq")).getSeqNumber();
        Request ack = dialog.createAck(cseq);
        lastAck = ack;
        dialog.sendAck(ack);
    }

    void retransmittedSuccess(Response response) {
        Request ack = lastAck;
        if (ack != null) {
            try {
                dialog.sendAck(ack);
            } catch (Exception e) {
                LOG.debug("could not re-send ACK", e);
            }
        }
    }

    synchronized void awaitAck(AckWaiter waiter) {
        ackWaiter = waiter;
    }

    synchronized boolean isAwaitingAck() {
        return ackWaiter != null;
    }

    /** Stops waiting for an ACK; true if one was still awaited. */
    boolean abandonAckWait() {
        return takeAckWaiter() != null;
    }

    private synchronized AckWaiter takeAckWaiter() {
        AckWaiter waiter = ackWaiter;
        ackWaiter = null;
        return waiter;
    }

    /** An ACK after the wait ended (a BYE came first, or the window passed) changes nothing. */
    void ackReceived(Request ack) {
        AckWaiter waiter = takeAckWaiter();
        if (waiter != null) {
            waiter.acknowledged(MessageView.of(ack));
        } else {
            LOG.debug("ACK for dialog {} after the wait for it ended", getCallId());
        }
    }

    void requestReceived(SipProvider provider, ServerTransaction st, Request request) throws Exception {
        ServerTransaction transaction = st != null ? st : provider.getNewServerTransaction(request);
        if (Request.BYE.equals(request.getMethod())) {
            transaction.sendResponse(agent.messages().createResponse(Response.OK, request));
            // The dialog is over, but the stack keeps it 32 s longer (the BYE transaction's Timer
            // J, RFC 3261 §17.2.2), and through it this channel, its session and everything the
            // application hung on it: under load, every call of the last half minute. Anything
            // that still arrives in it is answered 481 without us (RequestRouter).
            dialog.setApplicationData(null);
            // Reported once: as the end of the accept when the ACK was still awaited, else as a hang-up.
            AckWaiter waiter = takeAckWaiter();
            Listener l = listener;
            if (waiter != null) {
                waiter.hungUp(MessageView.of(request));
            } else if (l != null) {
                l.byeReceived(MessageView.of(request));
            }
            return;
        }
        if (Request.OPTIONS.equals(request.getMethod())) {
            Capabilities.answerOptions(agent, transaction, request);
            return;
        }
        if (Request.INVITE.equals(request.getMethod())) {
            IncomingReinvite reinvite = new IncomingReinvite(agent, endpoint, transaction, request);
            Listener l = listener;
            if (l == null) {
                reinvite.reject(Response.NOT_ACCEPTABLE_HERE, null, "nobody takes offers in this dialog");
            } else {
                l.reinviteReceived(reinvite);
            }
            return;
        }
        IncomingRequest incoming = new IncomingRequest(agent, transaction, request);
        Listener l = listener;
        if (l == null) {
            incoming.respond(Response.OK);
        } else {
            l.requestReceived(incoming);
        }
    }

    void dialogTerminated() {
        LOG.debug("dialog {} terminated", getCallId());
    }
}
