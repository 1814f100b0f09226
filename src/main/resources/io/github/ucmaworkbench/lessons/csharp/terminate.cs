// UCMA 1.0, C#: one call ends the session in either state.
// Connected -> BYE; still Connecting/Alerted -> CANCEL.
// From a button handler, the Begin form: the blocking Terminate() would hold the UI thread
// until the far side answers the BYE.
public void HangUp()
{
    if (_session == null || _session.State == SignalingState.Disconnected)
    {
        Error("No session to end.");
        return;
    }
    RecordProgress("Ending the session with {0}.", _session.RemoteParticipant.Uri);
    _session.BeginTerminate(new AsyncCallback(TerminateCallback), _session);
}

private void TerminateCallback(IAsyncResult ar)
{
    SignalingSession session = (SignalingSession)ar.AsyncState;
    try
    {
        session.EndTerminate(ar);
        RecordProgress("Session ended.");
    }
    catch (RealTimeException e)
    {
        Error("Ended here; the far side did not confirm: {0}", e.Message);
    }
}
