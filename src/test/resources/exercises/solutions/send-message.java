import io.github.ucmaworkbench.lessons.exercise.ClientHomework;
import io.github.ucmaworkbench.rtc.*;
import java.nio.charset.StandardCharsets;

public class MessageHomework extends ClientHomework {
    @Override
    public void sendMessage(SignalingSession session, String text) {
        session.beginSendMessage(MessageType.MESSAGE, new ContentType("text/plain; charset=utf-8"),
                text.getBytes(StandardCharsets.UTF_8), this::sendMessageCallback, session);
    }

    private void sendMessageCallback(AsyncResult ar) {
        SignalingSession session = (SignalingSession) ar.getAsyncState();
        try {
            SipResponseData response = session.endSendMessage(ar);
            recordProgress("Delivered: %d %s", response.getResponseCode(), response.getResponseText());
        } catch (RealTimeException e) {
            error("Not delivered: %s", e.getMessage());
        }
    }
}
