import io.github.ucmaworkbench.lessons.exercise.ServerHomework;
import io.github.ucmaworkbench.rtc.*;

public class RequireIdHomework extends ServerHomework {
    @Override
    public void sessionReceived(Object sender, SessionReceivedEventArgs e) {
        SignalingSession session = e.getSession();
        if (e.getRequestData().getHeaderValue("X-Student-Id") == null) {
            try {
                session.terminateWithRejection(403, "Forbidden (no X-Student-Id)", null);
                recordProgress("Refused an invite without X-Student-Id.");
            } catch (RealTimeException ex) {
                error("Could not refuse: %s", ex.getMessage());
            }
            return;
        }
        session.beginParticipate(this::participateCallback, session);
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
