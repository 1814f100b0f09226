// UCMA 1.0, C#: one call ends the session in either state.
// Connected -> BYE; still Connecting/Alerted -> CANCEL.
public void HangUp()
{
    if (_session == null || _session.State == SignalingState.Disconnected)
    {
        Error("No session to end.");
        return;
    }
    RecordProgress("Ending the session with {0}.", _session.RemoteParticipant.Uri);
    try
    {
        _session.Terminate();            // 1.0 documents the synchronous form
        RecordProgress("Session ended.");
    }
    catch (RealTimeException e)
    {
        Error("Ended here; the far side did not confirm: {0}", e.Message);
    }
}
