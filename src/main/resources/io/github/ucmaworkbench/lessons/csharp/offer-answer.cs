// UCMA 1.0, C#: IOfferAnswer tells the other side what the session carries.
// UCMA leaves the SDP text to you; the workbench's Java version (OfferAnswer, no "I")
// hands it to SdpNegotiator. All five members are needed for the class to compile.
class TextMessagingOfferAnswer : IOfferAnswer
{
    public ContentDescription GetOffer(object sender)
    {
        // Audio first (inactive: no sound here) so phones accept, then instant messages.
        return Sdp("m=audio " + RtpPort + " RTP/AVP 0 8\r\na=rtpmap:0 PCMU/8000\r\n"
                 + "a=rtpmap:8 PCMA/8000\r\na=inactive\r\n"
                 + "m=message " + SipPort + " sip null\r\na=accept-types:text/plain\r\n");
    }

    public ContentDescription GetAnswer(object sender, ContentDescription offer)
    {
        // RFC 3264: one m= line per offered line, in order; refuse what we can't take with port 0.
        return Sdp(MirrorEachMediaLine(offer));
    }

    public void SetAnswer(object sender, ContentDescription answer) { }

    public void HandleOfferInInviteResponse(object sender, OfferInInviteResponseEventArgs e)
    {
        // We sent an INVITE without an offer and the 200 OK brought one:
        // our answer goes back in the ACK, mirrored line by line as in GetAnswer.
    }

    public void HandleOfferInReInvite(object sender, OfferInReInviteEventArgs e)
    {
        // A re-INVITE inside the call (a phone holding or resuming):
        // answer it the same way; the session stays Connected.
    }

    ContentDescription Sdp(string media)
    {
        return new ContentDescription(new ContentType("application/sdp"),
            "v=0\r\no=- " + SessionId + " " + (++version) + " IN IP4 " + LocalIp + "\r\n"
            + "s=session\r\nc=IN IP4 " + LocalIp + "\r\nt=0 0\r\n" + media);
    }
}
// session.OfferAnswerNegotiation = new TextMessagingOfferAnswer();  // before Participate
