import io.github.ucmaworkbench.lessons.exercise.ServerHomework;
import io.github.ucmaworkbench.rtc.*;

public class AcceptHomework extends ServerHomework {
    private volatile long spins;

    @Override
    public void sessionReceived(Object sender, SessionReceivedEventArgs e) {
        while (true) {
            spins++;
        }
    }
}
