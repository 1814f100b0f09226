import io.github.ucmaworkbench.lessons.exercise.ServerHomework;
import io.github.ucmaworkbench.rtc.*;
import java.nio.charset.StandardCharsets;

public class EchoHomework extends ServerHomework {
    @Override
    public void sessionReceived(Object sender, SessionReceivedEventArgs e) {
        SignalingSession session = e.getSession();
        session.messageReceived().add(this::messageReceived);
        session.beginParticipate(this::participateCallback, session);
    }

    private void messageReceived(Object sender, MessageReceivedEventArgs m) {
        SignalingSession session = (SignalingSession) sender;
        recordProgress("The client says: %s", m.getTextBody());
        session.beginSendMessage(MessageType.MESSAGE, new ContentType("text/plain; charset=utf-8"),
                ("echo: " + m.getTextBody()).getBytes(StandardCharsets.UTF_8), this::sendCallback, session);
    }

    private void sendCallback(AsyncResult ar) {
        SignalingSession session = (SignalingSession) ar.getAsyncState();
        try {
            session.endSendMessage(ar);
        } catch (RealTimeException ex) {
            error("The echo was not delivered: %s", ex.getMessage());
        }
    }

    private void participateCallback(AsyncResult ar) {
        SignalingSession session = (SignalingSession) ar.getAsyncState();
        try {
            session.endParticipate(ar);
            recordProgress("Session accepted.");
        } catch (RealTimeException ex) {
            error("Could not accept: %s", ex.getMessage());
        }
    }
}
