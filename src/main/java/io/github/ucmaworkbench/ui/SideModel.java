package io.github.ucmaworkbench.ui;

import io.github.ucmaworkbench.rtc.RegistrationState;
import io.github.ucmaworkbench.rtc.SignalingState;
import io.github.ucmaworkbench.ui.log.LogEntry;
import java.util.function.Consumer;

/**
 * What a side panel shows and asks for. The app implements it over the tutorial's managers; tests
 * implement it with a fake. Getters may be called on the event thread at any time; listeners are
 * called from any thread and the panel marshals to Swing itself. Actions never block.
 */
public interface SideModel {
    /** The endpoint's own SIP URI. */
    String uri();

    RegistrationState registrationState();

    /** The session's state, or null when there is none. */
    SignalingState sessionState();

    /** Whether the endpoint accepts incoming connections (always false for the client). */
    boolean isListening();

    /** What the side waits for and until when, or null. */
    PendingWait pending();

    /** Called (from any thread) whenever any getter may return something new. */
    AutoCloseable addChangeListener(Runnable listener);

    /** Called (from any thread) with each progress or error line. */
    AutoCloseable addProgressListener(Consumer<LogEntry> listener);

    void signIn();

    void signOut();

    void hangUp();
}
