// UCMA 1.0, C#: subscribe when the session is created...
_session.StateChanged +=
    new EventHandler<SignalingStateChangedEventArgs>(SessionStateChanged);

// ...remember when we are the ones ending it...
public void HangUp()
{
    _endingHere = true;                   // our BYE also ends in Disconnected
    _session.BeginTerminate(new AsyncCallback(TerminateCallback), _session);
}

// ...and report only a close that came from the other side.
void SessionStateChanged(object sender, SignalingStateChangedEventArgs e)
{
    if (e.State != SignalingState.Disconnected) return;
    bool weEndedIt = _endingHere;
    _endingHere = false;
    if (!weEndedIt && e.PreviousState == SignalingState.Connected)
    {
        RecordProgress("The other side ended the session ({0}).", e.Reason);
    }
}
