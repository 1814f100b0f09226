package io.github.ucmaworkbench.rtc;

import io.github.ucmaworkbench.rtc.sip.DialogChannel;
import io.github.ucmaworkbench.rtc.sip.IncomingReinvite;
import io.github.ucmaworkbench.rtc.sip.IncomingRequest;
import io.github.ucmaworkbench.rtc.sip.MessageView;
import io.github.ucmaworkbench.rtc.sip.Sdp;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Requests the far end sends inside one session's dialog: BYE, MESSAGE/INFO, and the new offers
 * of UPDATE and re-INVITE with the remote hold they may announce. One per session, because the
 * remote hold it tracks belongs to the session.
 */
final class SessionDialogListener implements DialogChannel.Listener {
    // Logged under the session's name: that is the category users' log settings already select.
    private static final Logger LOG = LoggerFactory.getLogger(SignalingSession.class);

    private final SignalingSession session;
    private boolean remoteHold;

    SessionDialogListener(SignalingSession session) {
        this.session = session;
    }

    static ContentDescription bodyOf(MessageView message) {
        if (message.getBody().length == 0) {
            return null;
        }
        String type = message.getContentType();
        try {
            return new ContentDescription(new ContentType(type == null ? "application/sdp" : type), message.getBody());
        } catch (IllegalArgumentException e) {
            // An unreadable Content-Type is still a body; let the offer/answer object refuse it.
            return new ContentDescription(new ContentType("application/octet-stream"), message.getBody());
        }
    }

    @Override
    public void byeReceived(MessageView bye) {
        session.changeState(SignalingState.DISCONNECTED, "the remote participant ended the session (BYE)");
    }

    @Override
    public void requestReceived(IncomingRequest request) {
        if ("UPDATE".equals(request.request().getMethod())) {
            // Answered before the handlers hear of it: an offer needs our SDP answer (RFC 3311 §5.2).
            session.getEndpoint().executor.execute(() -> {
                answerUpdate(request);
                session.messageReceived().raise(session, new MessageReceivedEventArgs(request));
            });
            return;
        }
        MessageReceivedEventArgs args = new MessageReceivedEventArgs(request);
        session.messageReceived().raise(session, args);
        session.getEndpoint().executor.execute(args::answerIfUnanswered);
    }

    @Override
    public void reinviteReceived(IncomingReinvite reinvite) {
        Workers.execute(() -> answerReinvite(reinvite));
    }

    /**
     * An UPDATE without a body refreshes nothing we keep: 200. With an offer, the session's
     * negotiation answers it as it answered the INVITE; no negotiation or no answer: 488.
     */
    private void answerUpdate(IncomingRequest update) {
        ContentDescription offer = bodyOf(update.request());
        if (offer == null) {
            update.respond(200);
            return;
        }
        OfferAnswer negotiation = session.getOfferAnswerNegotiation();
        ContentDescription answer = null;
        if (negotiation != null) {
            try {
                answer = negotiation.getAnswer(session, offer);
            } catch (RuntimeException e) {
                // Refused like a re-INVITE's offer: the session stays as it was (RFC 3311 §5.2).
                LOG.info("the offer in an UPDATE could not be answered: {}", e.getMessage());
            }
        }
        if (answer == null) {
            update.respond(488, null, List.of());
        } else {
            update.respond(200, null, List.of(), answer.getContentType().toString(), answer.getBody());
        }
    }

    /**
     * A new offer in the dialog: the same offer/answer object answers it (UCMA's re-INVITE offer
     * handling), the session stays CONNECTED, and a change of hold is raised once.
     */
    private void answerReinvite(IncomingReinvite reinvite) {
        OfferAnswer negotiation = session.getOfferAnswerNegotiation();
        ContentDescription offer = bodyOf(reinvite.request());
        if (negotiation == null) {
            reinvite.reject(488, "Not Acceptable Here", "this session has no offer/answer negotiation");
            return;
        }
        ContentDescription answer;
        try {
            answer = negotiation.getAnswer(session, offer);
        } catch (RuntimeException e) {
            // A refused re-INVITE leaves the session as it was (RFC 3261 §14.2).
            reinvite.reject(e instanceof IllegalArgumentException ? 488 : 500, null, String.valueOf(e.getMessage()));
            return;
        }
        reinvite.accept(answer == null ? null : answer.getContentType().toString(), answer == null ? null : answer.getBody());
        String hold = offer == null ? null : Sdp.holdReasonOf(offer.getBodyString());
        RemoteHoldChangedEventArgs change = null;
        synchronized (this) {
            if (hold != null && !remoteHold) {
                remoteHold = true;
                change = new RemoteHoldChangedEventArgs(true, hold);
            } else if (hold == null && remoteHold && offer != null) {
                remoteHold = false;
                change = new RemoteHoldChangedEventArgs(false, "the offer sends media again");
            }
        }
        if (change != null) {
            session.remoteHoldChanged().raise(session, change);
        }
    }
}
