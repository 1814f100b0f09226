import io.github.ucmaworkbench.lessons.exercise.ClientHomework;
import io.github.ucmaworkbench.rtc.*;

public class SignInHomework extends ClientHomework {
    @Override
    public void signIn(SipEndpoint endpoint) {
        recordProgress("Signing in as %s.", endpoint.getUri());
        endpoint.beginRegister(this::registerCallback, endpoint);
    }

    private void registerCallback(AsyncResult ar) {
        SipEndpoint endpoint = (SipEndpoint) ar.getAsyncState();
        try {
            SipResponseData response = endpoint.endRegister(ar);
            recordProgress("Signed in: %d %s", response.getResponseCode(), response.getResponseText());
        } catch (RealTimeException e) {
            error("Sign-in failed: %s", e.getMessage());
        }
    }
}
