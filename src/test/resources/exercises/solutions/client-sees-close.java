import io.github.ucmaworkbench.lessons.exercise.ClientHomework;
import io.github.ucmaworkbench.rtc.*;

public class ClientCloseHomework extends ClientHomework {
    @Override
    public void sessionStateChanged(Object sender, SignalingStateChangedEventArgs e) {
        if (e.getPreviousState() == SignalingState.CONNECTED && e.getState() == SignalingState.DISCONNECTED
                && e.getReason().contains("BYE")) {
            recordProgress("The server closed the session (%s).", e.getReason());
        }
    }
}
