import io.github.ucmaworkbench.lessons.exercise.ClientHomework;
import io.github.ucmaworkbench.rtc.*;
import java.util.List;

public class DeclineHomework extends ClientHomework {
    @Override
    public void sendInvite(SignalingSession session, List<SignalingHeader> headers) {
        session.beginParticipate(headers, this::participateCallback, session);
    }

    private void participateCallback(AsyncResult ar) {
        SignalingSession session = (SignalingSession) ar.getAsyncState();
        try {
            session.endParticipate(ar);
            recordProgress("The invite was accepted.");
        } catch (FailureResponseException e) {
            SipResponseData response = e.getResponseData();
            if (response != null) {
                error("The server refused the invite: %d %s", response.getResponseCode(), response.getResponseText());
            } else {
                error("The invite failed without an answer.");
            }
        } catch (RealTimeException e) {
            error("The invite failed: %s", e.getMessage());
        }
    }
}
