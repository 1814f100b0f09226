// UCMA 1.0, C#: IOfferAnswer tells the other side what the session carries.
class TextMessagingOfferAnswer : IOfferAnswer
{
    public ContentDescription GetOffer(object sender)
    {
        return new ContentDescription(new ContentType("application/sdp"), Sdp());
    }

    public ContentDescription GetAnswer(object sender, ContentDescription offer)
    {
        return new ContentDescription(new ContentType("application/sdp"), Sdp());
    }

    public void SetAnswer(object sender, ContentDescription answer) { }

    // (1.0 also asks for handlers of offers in re-INVITEs; omitted here)

    static string Sdp()
    {
        return "v=0\r\no=- 0 0 IN IP4 127.0.0.1\r\ns=session\r\nc=IN IP4 127.0.0.1\r\n"
             + "t=0 0\r\nm=message 5060 sip null\r\na=accept-types:text/plain\r\n";
    }
}
// session.OfferAnswerNegotiation = new TextMessagingOfferAnswer();  // before Participate
