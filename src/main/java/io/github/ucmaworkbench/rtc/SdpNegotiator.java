package io.github.ucmaworkbench.rtc;

import io.github.ucmaworkbench.rtc.sip.DiscardPorts;
import io.github.ucmaworkbench.rtc.sip.SdpAnswerer;
import io.github.ucmaworkbench.rtc.sip.SdpOffers;
import io.github.ucmaworkbench.rtc.sip.SdpOrigin;
import io.github.ucmaworkbench.rtc.sip.SipFailure;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes our SDP for one session by RFC 3264: the offer (audio, {@code a=inactive}, and the
 * {@code m=message} line) and the answer that mirrors each line of the other side's offer.
 * UCMA 1.0 has no such class (each application wrote its SDP by hand); the workbench adds it so
 * an {@link OfferAnswer} stays a few lines and softphones accept what it says. Use one per
 * session: it keeps the {@code o=} session id and raises the version with every description.
 */
public final class SdpNegotiator {
    private final long sessionId = ThreadLocalRandom.current().nextLong(1, 1L << 40);
    private long version = 1;

    /** Our offer for {@code session}'s INVITE, or for a 200 OK answering an INVITE without one. */
    public ContentDescription offer(SignalingSession session) {
        return new ContentDescription(ContentType.SDP, SdpOffers.audioAndMessages(origin(session)));
    }

    /**
     * Our answer to {@code offer}; with no offer (an INVITE without a body, RFC 3264 §4), our
     * offer instead, to go in the 200 OK.
     *
     * @throws IllegalArgumentException if the offer is not SDP or cannot be read; the session
     *                                  then answers 488 Not Acceptable Here with the reason
     */
    public ContentDescription answer(SignalingSession session, ContentDescription offer) {
        if (offer == null) {
            return offer(session);
        }
        if (!offer.getContentType().getMediaType().equals(ContentType.SDP.getMediaType())) {
            throw new IllegalArgumentException("the offer is " + offer.getContentType().getMediaType() + ", not application/sdp");
        }
        return new ContentDescription(ContentType.SDP, SdpAnswerer.answer(offer.getBodyString(), origin(session)));
    }

    private SdpOrigin origin(SignalingSession session) {
        RealTimeEndpoint endpoint = session.getEndpoint();
        try {
            InetSocketAddress contact = endpoint.agent().contactAddress(endpoint.handler());
            long next;
            synchronized (this) {
                next = version++;
            }
            return new SdpOrigin(contact.getAddress(), DiscardPorts.rtpPort(contact.getAddress()), contact.getPort(), sessionId, next);
        } catch (SipFailure | IOException e) {
            throw new IllegalStateException("no local address or port for the session description: " + e.getMessage(), e);
        }
    }
}
