// UCMA 1.0, C#: a text/plain MESSAGE inside the connected session; the charset says
// how to read the bytes, so text beyond ASCII arrives intact.
public void SendMessage(string text)
{
    byte[] body = Encoding.UTF8.GetBytes(text);
    _session.BeginSendMessage(MessageType.Message, new ContentType("text/plain; charset=utf-8"),
        body, new AsyncCallback(SendMessageCallback), _session);
}

private void SendMessageCallback(IAsyncResult ar)
{
    SignalingSession session = (SignalingSession)ar.AsyncState;
    try
    {
        SipResponseData response = session.EndSendMessage(ar);
        RecordProgress("Delivered ({0}).", response.ResponseCode);
    }
    catch (RealTimeException e)
    {
        Error("Not delivered: {0}", e.Message);
    }
}

// The receiving side:
//   _session.MessageReceived += new EventHandler<MessageReceivedEventArgs>(MessageReceived);
//   void MessageReceived(object sender, MessageReceivedEventArgs e)
//   { RecordProgress("Got: {0}", e.TextBody); }
