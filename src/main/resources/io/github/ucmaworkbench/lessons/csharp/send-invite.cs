// UCMA 1.0, C#: a session to "our server", then the INVITE.
public void SendInvite(List<SignalingHeader> headers)
{
    RealTimeAddress target = new RealTimeAddress(_settings.OurServer);
    _session = new SignalingSession(_endpoint, target);
    _session.OfferAnswerNegotiation = new TextMessagingOfferAnswer();

    // Blocking form: fine on a worker thread, freezes a form's UI thread.
    //   _session.Participate(headers);

    _session.BeginParticipate(headers, new AsyncCallback(ParticipateCallback), _session);
}

private void ParticipateCallback(IAsyncResult ar)
{
    SignalingSession session = (SignalingSession)ar.AsyncState;
    try
    {
        SipMessageData ok = session.EndParticipate(ar);   // the 200 OK
        RecordProgress("The server took the call.");
    }
    catch (OperationTimeoutException) { Error("Nobody answered in time."); }
    catch (FailureResponseException e)
    {
        if (e.ResponseData != null)
            Error("Refused: {0} {1}", e.ResponseData.ResponseCode, e.ResponseData.ResponseText);
        else
            Error("Refused.");
    }
    catch (ConnectionFailureException) { Error("Could not reach the server."); }
    catch (RealTimeException e)        { Error("The call failed: {0}", e.Message); }
}
