// UCMA 1.0, C#: only a server connection manager can listen.
// After signing in:
_connectionManager = new RealTimeServerTcpConnectionManager();   // given to the SipEndpoint
...
try
{
    _connectionManager.StartListening(new IPEndPoint(IPAddress.Loopback, 0));
    RecordProgress("Waiting for invites.");
}
catch (ConnectionFailureException e)
{
    Error("Cannot listen: {0}", e.Message);      // e.g. the port is taken
    return;
}
_endpoint.SessionReceived += new EventHandler<SessionReceivedEventArgs>(SessionReceived);
