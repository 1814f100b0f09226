import io.github.ucmaworkbench.lessons.exercise.ServerHomework;
import io.github.ucmaworkbench.rtc.*;

public class FarSideHomework extends ServerHomework {
    @Override
    public void sessionStateChanged(Object sender, SignalingStateChangedEventArgs e) {
        if (e.getPreviousState() == SignalingState.CONNECTED && e.getState() == SignalingState.DISCONNECTED
                && e.getReason().contains("BYE")) {
            recordProgress("The other side closed the session.");
        }
    }
}
