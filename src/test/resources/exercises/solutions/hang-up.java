import io.github.ucmaworkbench.lessons.exercise.ClientHomework;
import io.github.ucmaworkbench.rtc.*;

public class HangUpHomework extends ClientHomework {
    @Override
    public void hangUp(SignalingSession session) {
        session.beginTerminate(this::terminateCallback, session);
    }

    private void terminateCallback(AsyncResult ar) {
        SignalingSession session = (SignalingSession) ar.getAsyncState();
        try {
            session.endTerminate(ar);
            recordProgress("Session ended.");
        } catch (RealTimeException e) {
            error("Ended here, not confirmed there: %s", e.getMessage());
        }
    }
}
