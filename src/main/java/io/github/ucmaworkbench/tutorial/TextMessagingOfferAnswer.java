package io.github.ucmaworkbench.tutorial;

import io.github.ucmaworkbench.rtc.ContentDescription;
import io.github.ucmaworkbench.rtc.OfferAnswer;
import io.github.ucmaworkbench.rtc.SdpNegotiator;
import io.github.ucmaworkbench.rtc.SignalingSession;

// region offer-answer
/**
 * Part 10: both sides agree, in SDP, on what the session carries. Our offer names an audio
 * stream, inactive because the workbench plays no sound, so that softphones accept the call, and
 * an {@code m=message} line for the SIP MESSAGEs of part 11. Our answer mirrors every line of
 * the caller's offer (RFC 3264): audio accepted (inactive) with a codec the caller offered,
 * messages accepted, anything else refused with port 0.
 */
public final class TextMessagingOfferAnswer implements OfferAnswer {
    // One per session: it keeps the o= line's session id and counts its versions.
    private final SdpNegotiator sdp = new SdpNegotiator();

    @Override
    public ContentDescription getOffer(Object sender) {
        return sdp.offer((SignalingSession) sender);
    }

    @Override
    public ContentDescription getAnswer(Object sender, ContentDescription offer) {
        // Also called for the offer in a re-INVITE, e.g. when a phone puts the call on hold.
        return sdp.answer((SignalingSession) sender, offer);
    }

    @Override
    public void setAnswer(Object sender, ContentDescription answer) {
        // The workbench carries no media, so nothing changes with what the callee accepted.
    }
}
// endregion
