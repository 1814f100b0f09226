import io.github.ucmaworkbench.lessons.exercise.ServerHomework;
import io.github.ucmaworkbench.rtc.*;

public class AcceptHomework extends ServerHomework {
    @Override
    public void sessionReceived(Object sender, SessionReceivedEventArgs e) {
        recordProgress("An invite was received from %s.", e.getSession().getRemoteParticipant().getUri());
        e.getSession().beginParticipate(this::participateCallback, e.getSession());
    }

    private void participateCallback(AsyncResult ar) {
        SignalingSession session = (SignalingSession) ar.getAsyncState();
        try {
            session.endParticipate(ar);
            recordProgress("Session accepted.");
        } catch (RealTimeException e) {
            error("Could not accept: %s", e.getMessage());
        }
    }
}
