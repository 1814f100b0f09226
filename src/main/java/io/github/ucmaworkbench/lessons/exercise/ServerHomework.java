package io.github.ucmaworkbench.lessons.exercise;

import io.github.ucmaworkbench.rtc.SessionReceivedEventArgs;
import io.github.ucmaworkbench.rtc.SignalingStateChangedEventArgs;

/**
 * Homework that runs in the server. An exercise replaces one of these methods of the live
 * server manager; the others are never called. They run on a worker thread of their own, so
 * an event handler that blocks or never returns is caught and reported, not frozen.
 */
public abstract class ServerHomework extends Homework {
    /** Part 6: an invite arrived (the tutorial's {@code SessionReceived} handler). */
    public void sessionReceived(Object sender, SessionReceivedEventArgs e) {
    }

    /** Part 9: a session of the server changed state (the {@code StateChanged} handler). */
    public void sessionStateChanged(Object sender, SignalingStateChangedEventArgs e) {
    }
}
