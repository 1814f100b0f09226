// UCMA 1.0, C#: decline instead of Participate, before accepting.
void SessionReceived(object sender, SessionReceivedEventArgs e)
{
    try
    {
        e.Session.TerminateWithRejection(ResponseCode.BusyHere, "Busy Here", null);
        RecordProgress("Declined with 486.");
    }
    catch (InvalidOperationException) { Error("Too late to decline."); }
    catch (RealTimeException ex)      { Error("Could not decline: {0}", ex.Message); }
}
// The caller's EndParticipate then throws FailureResponseException,
// with ResponseData.ResponseCode == 486.
