// UCMA 1.0, C#: an INVITE arrives as SessionReceived; Participate accepts it.
void SessionReceived(object sender, SessionReceivedEventArgs e)
{
    RecordProgress("Incoming invite from {0}.", e.Session.RemoteParticipant.Uri);
    e.Session.OfferAnswerNegotiation = new TextMessagingOfferAnswer();
    e.Session.BeginParticipate(new AsyncCallback(AcceptCallback), e.Session);
}

private void AcceptCallback(IAsyncResult ar)
{
    SignalingSession session = (SignalingSession)ar.AsyncState;
    try
    {
        session.EndParticipate(ar);      // returns when the caller's ACK is in
        RecordProgress("Call accepted.");
    }
    catch (OperationTimeoutException) { Error("The caller never confirmed (no ACK)."); }
    catch (FailureResponseException e)
    {
        if (e.ResponseData != null)
            Error("Refused along the way: {0} {1}", e.ResponseData.ResponseCode, e.ResponseData.ResponseText);
        else
            Error("Refused along the way.");
    }
    catch (ConnectionFailureException) { Error("No connection to the caller."); }
    catch (RealTimeException e)        { Error("Could not accept: {0}", e.Message); }
}
