import io.github.ucmaworkbench.lessons.exercise.ServerHomework;
import io.github.ucmaworkbench.rtc.*;

public class AcceptHomework extends ServerHomework {
    @Override
    public void sessionReceived(Object sender, SessionReceivedEventArgs e) {
        e.getSession().beginParticipate(this::participateCallback, e.getSession())
    }
}
