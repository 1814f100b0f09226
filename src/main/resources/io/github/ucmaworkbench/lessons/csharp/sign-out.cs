// UCMA 1.0, C#: close an open session first, then unregister.
public void SignOut()
{
    if (_session != null && _session.State != SignalingState.Disconnected)
    {
        _session.Terminate();            // BYE (or CANCEL) before we disappear
    }
    RecordProgress("Signing out.");
    _endpoint.BeginUnregister(new AsyncCallback(UnregisterCallback), _endpoint);
}

private void UnregisterCallback(IAsyncResult ar)
{
    SipEndpoint endpoint = (SipEndpoint)ar.AsyncState;
    try
    {
        endpoint.EndUnregister(ar);
        RecordProgress("Signed out.");
    }
    catch (RealTimeException e)
    {
        Error("Gone locally; the server did not confirm: {0}", e.Message);
    }
}
