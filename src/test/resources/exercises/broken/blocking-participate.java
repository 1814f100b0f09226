import io.github.ucmaworkbench.lessons.exercise.ServerHomework;
import io.github.ucmaworkbench.rtc.*;

public class AcceptHomework extends ServerHomework {
    @Override
    public void sessionReceived(Object sender, SessionReceivedEventArgs e) {
        try {
            e.getSession().participate();
            recordProgress("Session accepted.");
        } catch (RealTimeException ex) {
            error("Could not accept: %s", ex.getMessage());
        }
    }
}
