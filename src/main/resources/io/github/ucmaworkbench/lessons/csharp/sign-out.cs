// UCMA 1.0, C#: close an open session first, then unregister; both without blocking.
public void SignOut()
{
    if (_session != null && _session.State != SignalingState.Disconnected)
    {
        // BYE (or CANCEL) before we disappear; unregister once it is done.
        _session.BeginTerminate(new AsyncCallback(TerminateThenSignOut), _session);
        return;
    }
    BeginSignOut();
}

private void TerminateThenSignOut(IAsyncResult ar)
{
    try { ((SignalingSession)ar.AsyncState).EndTerminate(ar); }
    catch (RealTimeException) { }        // the session is over locally either way
    BeginSignOut();
}

private void BeginSignOut()
{
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
