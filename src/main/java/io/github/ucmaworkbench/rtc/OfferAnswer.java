package io.github.ucmaworkbench.rtc;

/**
 * The media negotiation a session runs when it sends or accepts an INVITE; mirrors UCMA's
 * {@code IOfferAnswer}. Set it with {@link SignalingSession#setOfferAnswerNegotiation} before
 * {@code participate}. Methods run on the API's worker threads.
 */
public interface OfferAnswer {
    /** The offer to put in our INVITE, or null to send none ({@code GetOffer}). */
    ContentDescription getOffer(Object sender);

    /** Our answer to the caller's {@code offer} (null when the INVITE had no body), for the 200 OK ({@code GetAnswer}). */
    ContentDescription getAnswer(Object sender, ContentDescription offer);

    /** The callee's answer to our offer, from its 200 OK ({@code SetAnswer}). */
    void setAnswer(Object sender, ContentDescription answer);
}
