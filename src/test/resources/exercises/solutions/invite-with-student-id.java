import io.github.ucmaworkbench.lessons.exercise.ClientHomework;
import io.github.ucmaworkbench.rtc.*;
import java.util.ArrayList;
import java.util.List;

public class InviteHomework extends ClientHomework {
    @Override
    public void sendInvite(SignalingSession session, List<SignalingHeader> headers) {
        List<SignalingHeader> all = new ArrayList<>(headers);
        all.add(new SignalingHeader("X-Student-Id", "4711"));
        session.beginParticipate(all, this::participateCallback, session);
    }

    private void participateCallback(AsyncResult ar) {
        SignalingSession session = (SignalingSession) ar.getAsyncState();
        try {
            session.endParticipate(ar);
            recordProgress("The invite was accepted.");
        } catch (FailureResponseException e) {
            if (e.getResponseData() != null) {
                error("The invite failed: %d %s", e.getResponseData().getResponseCode(), e.getResponseData().getResponseText());
            } else {
                error("The invite failed.");
            }
        } catch (RealTimeException e) {
            error("The invite failed: %s", e.getMessage());
        }
    }
}
