package io.github.ucmaworkbench.tutorial;

import io.github.ucmaworkbench.rtc.ContentDescription;
import io.github.ucmaworkbench.rtc.ContentType;
import io.github.ucmaworkbench.rtc.OfferAnswer;

// region offer-answer
/**
 * Part 10: both sides agree, in SDP, to exchange SIP MESSAGEs of type text/plain. A real
 * client rejects an INVITE that offers nothing it understands; this offer is the smallest that
 * says "instant messages, plain text".
 */
public final class TextMessagingOfferAnswer implements OfferAnswer {
    private final String host;

    public TextMessagingOfferAnswer(String host) {
        this.host = host;
    }

    static String sdp(String host) {
        long id = System.currentTimeMillis() / 1000;
        return "v=0\r\n"
                + "o=- " + id + " " + id + " IN IP4 " + host + "\r\n"
                + "s=UCMA Workbench\r\n"
                + "c=IN IP4 " + host + "\r\n"
                + "t=0 0\r\n"
                + "m=message 5060 sip null\r\n"
                + "a=accept-types:text/plain\r\n";
    }

    @Override
    public ContentDescription getOffer(Object sender) {
        return new ContentDescription(ContentType.SDP, sdp(host));
    }

    @Override
    public ContentDescription getAnswer(Object sender, ContentDescription offer) {
        // We accept text/plain only; an offer without it still gets our answer, which says so.
        return new ContentDescription(ContentType.SDP, sdp(host));
    }

    @Override
    public void setAnswer(Object sender, ContentDescription answer) {
        // We offer text/plain only, so there is nothing to adjust to the callee's answer.
    }
}
// endregion
