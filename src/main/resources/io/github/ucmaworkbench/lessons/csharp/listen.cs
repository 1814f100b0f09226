// UCMA 1.0, C#: the server connection manager exists before the endpoint signs in
// (the endpoint is built on it), and the handler is on before anything can arrive.
_connectionManager = new RealTimeServerTcpConnectionManager();   // the concrete TCP kind
_endpoint = new SipEndpoint(_settings.Uri, protocols, SipTransportType.Tcp,
    _settings.ServerName, 5060, true, _connectionManager, null);
_endpoint.SessionReceived += SessionReceived;                     // before anything can arrive
_endpoint.BeginRegister(new AsyncCallback(RegisterCallback), _endpoint);

// Later, once signed in: open the door.
try
{
    _connectionManager.StartListening(new IPEndPoint(IPAddress.Loopback, 0));   // returns nothing
    RecordProgress("Waiting for invites.");
}
catch (ConnectionFailureException e)
{
    Error("Cannot listen: {0}", e.Message);      // e.g. the port is taken
}
