// UCMA 1.0, C#: build the endpoint from the settings, then register it.
public void SignIn()
{
    RecordProgress("Signing in as {0}.", _settings.Uri);
    // client: new RealTimeClientConnectionManager(); server: new RealTimeServerTcpConnectionManager()
    _connectionManager = CreateConnectionManager();
    _endpoint = new SipEndpoint(_settings.Uri,
        SipAuthenticationProtocols.Ntlm | SipAuthenticationProtocols.Kerberos,
        SipTransportType.Tcp, _settings.ServerName, 5060,
        true, _connectionManager, null);
    _endpoint.CredentialCache.Add(SipEndpoint.DefaultRtcRealm,
        CredentialCache.DefaultNetworkCredentials);
    _endpoint.BeginRegister(new AsyncCallback(RegisterCallback), _endpoint);
}

private void RegisterCallback(IAsyncResult ar)
{
    SipEndpoint endpoint = (SipEndpoint)ar.AsyncState;
    try
    {
        SipResponseData response = endpoint.EndRegister(ar);
        RecordProgress("Signed in ({0} {1}).", response.ResponseCode, response.ResponseText);
    }
    catch (OperationTimeoutException) { Error("No answer from the server."); }
    catch (RegisterException e)       { Error("The server said no: {0}", e.Message); }
    catch (RealTimeException e)       { Error("Sign-in failed: {0}", e.Message); }
}
