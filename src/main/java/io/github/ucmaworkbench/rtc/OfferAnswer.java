package io.github.ucmaworkbench.rtc;

/**
 * The media negotiation a session runs when it sends or accepts an INVITE; mirrors UCMA's
 * {@code IOfferAnswer}. Set it with {@link SignalingSession#setOfferAnswerNegotiation} before
 * {@code participate}. Methods run on the API's worker threads.
 */
public interface OfferAnswer {
    /** The offer to put in our INVITE, or null to send none ({@code GetOffer}). */
    ContentDescription getOffer(Object sender);

    /**
     * Our answer to the caller's {@code offer}, for the 200 OK ({@code GetAnswer}). With no offer
     * (an INVITE without a body) return an offer instead: the caller answers it in the ACK, which
     * arrives through {@link #setAnswer}. Also called for the offer in a re-INVITE (hold, resume).
     *
     * @throws IllegalArgumentException for an offer that cannot be answered: the INVITE is then
     *                                  refused with 488 Not Acceptable Here, the message in a Warning
     */
    ContentDescription getAnswer(Object sender, ContentDescription offer);

    /** The other side's answer to our offer: from the 200 OK, or from the ACK when we offered in our 200 ({@code SetAnswer}). */
    void setAnswer(Object sender, ContentDescription answer);
}
