// UCMA 1.0, C#: subscribe when the session is created...
_session.StateChanged +=
    new EventHandler<SignalingStateChangedEventArgs>(SessionStateChanged);

// ...and notice when the other side hangs up.
void SessionStateChanged(object sender, SignalingStateChangedEventArgs e)
{
    if (e.State == SignalingState.Disconnected
        && e.PreviousState == SignalingState.Connected)
    {
        RecordProgress("The other side closed the session ({0}).", e.Reason);
    }
}
