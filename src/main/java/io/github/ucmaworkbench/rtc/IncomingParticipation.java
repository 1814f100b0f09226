package io.github.ucmaworkbench.rtc;

import io.github.ucmaworkbench.rtc.sip.DialogChannel;
import io.github.ucmaworkbench.rtc.sip.IncomingInvite;
import io.github.ucmaworkbench.rtc.sip.MessageView;
import io.github.ucmaworkbench.rtc.sip.SipFailure;
import io.github.ucmaworkbench.rtc.sip.Warnings;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The callee's side of {@link SignalingSession#beginParticipate}: answers the INVITE's offer and
 * accepts it, or refuses an offer it cannot answer. Apart from the session so that class stays
 * the UCMA-shaped API the lessons read.
 */
final class IncomingParticipation {
    // Logged under the session's name: that is the category users' log settings already select.
    private static final Logger LOG = LoggerFactory.getLogger(SignalingSession.class);

    private IncomingParticipation() {
    }

    /** Runs on a worker thread: the answer comes from application code, which may be slow. */
    static void accept(SignalingSession session, IncomingInvite incoming, List<Map.Entry<String, String>> headers,
            Operation<SipMessageData> op) {
        OfferAnswer negotiation = session.getOfferAnswerNegotiation();
        ContentDescription answer = null;
        ContentDescription offer = SessionDialogListener.bodyOf(incoming.request());
        if (negotiation != null) {
            try {
                answer = negotiation.getAnswer(session, offer);
            } catch (RuntimeException e) {
                refuseOffer(session, incoming, e, op);
                return;
            }
        }
        try {
            incoming.accept(headers, answer == null ? null : answer.getContentType().toString(),
                    answer == null ? null : answer.getBody(), session.dialogListener(),
                    new IncomingInvite.AcceptOutcome() {
                        @Override
                        public void acknowledged(MessageView ack, DialogChannel dialog) {
                            ContentDescription late = SessionDialogListener.bodyOf(ack);
                            if (negotiation != null && offer == null && late != null) {
                                // The INVITE had no offer, so our 200 carried one and the ACK the answer (RFC 3264 §4).
                                negotiation.setAnswer(session, late);
                            }
                            session.connected(dialog, "the caller acknowledged (ACK)");
                            op.succeed(SipMessageData.of(ack));
                        }

                        @Override
                        public void hungUpBeforeAck(MessageView bye, DialogChannel dialog) {
                            // The BYE proves the caller had our 200 OK: the session was up, and is over.
                            // Events and the callback share one serial executor, so they arrive in this order.
                            session.connected(dialog, "the caller's BYE shows it received our 200 OK");
                            op.succeed(SipMessageData.of(bye));
                            session.changeState(SignalingState.DISCONNECTED,
                                    "the caller hung up (BYE) before acknowledging our 200 OK (no ACK came first)");
                        }

                        @Override
                        public void failed(SipFailure failure) {
                            session.changeState(SignalingState.DISCONNECTED, failure.getMessage());
                            op.fail(Failures.toException(failure, "Participate", false));
                        }
                    });
        } catch (IllegalStateException e) {
            // The caller cancelled between sessionReceived and our accept (UCMA documents this race).
            op.fail(new RealTimeException("Participate: the caller cancelled the invitation before it was accepted"));
        } catch (SipFailure e) {
            session.changeState(SignalingState.DISCONNECTED, e.getMessage());
            op.fail(Failures.toException(e, "Participate", false));
        } catch (IllegalArgumentException e) {
            op.fail(new RealTimeException("Participate: " + e.getMessage(), e));
        }
    }

    /**
     * The offer/answer object could not answer the INVITE's offer: 488 Not Acceptable Here with
     * the reason in a Warning (RFC 3261 §13.3.1.3), or 500 when the fault is ours.
     */
    private static void refuseOffer(SignalingSession session, IncomingInvite incoming, RuntimeException e,
            Operation<SipMessageData> op) {
        boolean theirs = e instanceof IllegalArgumentException;
        String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int code = theirs ? 488 : 500;
        List<Map.Entry<String, String>> warning = List.of(Map.entry("Warning", Warnings.of(why)));
        try {
            incoming.reject(code, theirs ? "Not Acceptable Here" : "Server Internal Error", warning);
        } catch (SipFailure | IllegalStateException ignored) {
            LOG.debug("could not refuse the offer", ignored);
        }
        session.changeState(SignalingState.DISCONNECTED, "the offer could not be answered (" + code + "): " + why);
        op.fail(new RealTimeException("Participate: the offer could not be answered, so the invite was refused with "
                + code + ": " + why));
    }
}
