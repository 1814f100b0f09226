package io.github.ucmaworkbench.rtc;

import io.github.ucmaworkbench.rtc.sip.DialogChannel;
import io.github.ucmaworkbench.rtc.sip.MessageView;
import io.github.ucmaworkbench.rtc.sip.OutgoingInvite;
import io.github.ucmaworkbench.rtc.sip.SipFailure;
import java.util.List;
import java.util.Map;

/**
 * The caller's side of {@link SignalingSession#beginParticipate}: sends the INVITE and maps its
 * progress onto the session's states. Apart from the session so that class stays the UCMA-shaped
 * API the lessons read, with the SIP choreography here.
 */
final class OutgoingParticipation {
    private OutgoingParticipation() {
    }

    /** Runs on a worker thread: the offer comes from application code, which may be slow. */
    static void invite(SignalingSession session, RealTimeAddress target, List<Map.Entry<String, String>> headers,
            Operation<SipMessageData> op) {
        RealTimeEndpoint endpoint = session.getEndpoint();
        OfferAnswer negotiation = session.getOfferAnswerNegotiation();
        ContentDescription offer;
        try {
            offer = negotiation == null ? null : negotiation.getOffer(session);
        } catch (RuntimeException e) {
            // Application code: its failure must end the operation, not vanish on a worker thread.
            session.changeState(SignalingState.DISCONNECTED, "no offer could be made: " + e.getMessage());
            op.fail(new RealTimeException("Participate: no offer could be made: " + e.getMessage(), e));
            return;
        }
        OutgoingInvite started = OutgoingInvite.start(endpoint.agent(), endpoint.handler(), target.getUri(), headers,
                offer == null ? null : offer.getContentType().toString(), offer == null ? null : offer.getBody(),
                endpoint.getOperationTimeout(), endpoint.getRingTimeout(), new OutgoingInvite.Listener() {
                    @Override
                    public void alerted(MessageView provisional) {
                        session.alerted("the callee is ringing (" + provisional.getStatusCode()
                                + "); waiting up to " + endpoint.getRingTimeout().toSeconds() + " s for an answer");
                    }

                    @Override
                    public void connected(MessageView ok, DialogChannel dialog) {
                        if (negotiation != null && ok.getBody().length > 0) {
                            String type = ok.getContentType();
                            negotiation.setAnswer(session,
                                    new ContentDescription(new ContentType(type == null ? "application/sdp" : type), ok.getBody()));
                        }
                        session.connected(dialog, "the callee accepted (200 OK)");
                        op.succeed(SipMessageData.of(ok));
                    }

                    @Override
                    public void failed(SipFailure failure) {
                        session.changeState(SignalingState.DISCONNECTED, failure.getMessage());
                        op.fail(Failures.toException(failure, "Participate", false));
                    }
                }, session.dialogListener());
        session.inviteStarted(started);
    }
}
