import io.github.ucmaworkbench.lessons.exercise.ServerHomework;
import io.github.ucmaworkbench.rtc.*;

public class AcceptHomework extends ServerHomework {
    @Override
    public void sessionReceived(Object sender, SessionReceivedEventArgs e) {
        String nothing = null;
        recordProgress("Length: %d", nothing.length());
    }
}
