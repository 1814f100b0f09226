package io.github.ucmaworkbench.tutorial;

import io.github.ucmaworkbench.rtc.EventHandler;
import io.github.ucmaworkbench.rtc.SessionReceivedEventArgs;
import io.github.ucmaworkbench.rtc.SignalingHeader;
import io.github.ucmaworkbench.rtc.SignalingSession;
import io.github.ucmaworkbench.rtc.SignalingStateChangedEventArgs;
import io.github.ucmaworkbench.rtc.SipEndpoint;
import java.util.List;

/**
 * The places where a student's homework replaces the tutorial's own code in a live manager
 * ({@link TutorialManager#setHomeworkSeams}). A null seam keeps the tutorial's code. The manager
 * still does the bookkeeping around a seam (creating the endpoint or session, adopting it, the
 * window's state), so the student writes only what the lesson's region shows.
 *
 * <p>Seams are called on rtc worker threads; whoever installs them must not block there.
 *
 * @param signIn          part 3: the endpoint exists; start the REGISTER and report its outcome
 * @param sendInvite      part 5: the session to "our server" exists; send the INVITE and report
 * @param sessionReceived part 6: an invite arrived at the server
 * @param hangUp          part 8: end this session
 * @param stateChanged    part 9: a session of this side changed state
 * @param sendMessage     part 11: send this text in the connected session
 */
public record HomeworkSeams(
        SignIn signIn,
        SendInvite sendInvite,
        EventHandler<SessionReceivedEventArgs> sessionReceived,
        HangUp hangUp,
        EventHandler<SignalingStateChangedEventArgs> stateChanged,
        SendMessage sendMessage) {

    /** The tutorial's own code everywhere. */
    public static final HomeworkSeams NONE = new HomeworkSeams(null, null, null, null, null, null);

    /** Part 3's seam. */
    @FunctionalInterface
    public interface SignIn {
        void signIn(SipEndpoint endpoint);
    }

    /** Part 5's seam. */
    @FunctionalInterface
    public interface SendInvite {
        void sendInvite(SignalingSession session, List<SignalingHeader> headers);
    }

    /** Part 8's seam. */
    @FunctionalInterface
    public interface HangUp {
        void hangUp(SignalingSession session);
    }

    /** Part 11's seam. */
    @FunctionalInterface
    public interface SendMessage {
        void sendMessage(SignalingSession session, String text);
    }
}
