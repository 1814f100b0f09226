package io.github.ucmaworkbench.lessons.exercise;

import io.github.ucmaworkbench.rtc.SignalingHeader;
import io.github.ucmaworkbench.rtc.SignalingSession;
import io.github.ucmaworkbench.rtc.SignalingStateChangedEventArgs;
import io.github.ucmaworkbench.rtc.SipEndpoint;
import java.util.List;

/**
 * Homework that runs in the client. An exercise replaces one of these methods of the live
 * client manager (which still builds the endpoint or the session first); the others are never
 * called.
 */
public abstract class ClientHomework extends Homework {
    /** Part 3: the endpoint is built and not yet signed in; sign it in and report how it went. */
    public void signIn(SipEndpoint endpoint) {
    }

    /** Part 5: the session to our server is built; send the INVITE (with {@code headers}) and report. */
    public void sendInvite(SignalingSession session, List<SignalingHeader> headers) {
    }

    /** Part 8: end this session. */
    public void hangUp(SignalingSession session) {
    }

    /** Part 9: the client's session changed state. */
    public void sessionStateChanged(Object sender, SignalingStateChangedEventArgs e) {
    }

    /** Part 11: send {@code text} in this connected session. */
    public void sendMessage(SignalingSession session, String text) {
    }
}
