package io.github.ucmaworkbench.rtc;

/**
 * Called once when a Begin operation completes. Mirrors .NET's {@code AsyncCallback}, so the
 * tutorial's {@code new AsyncCallback(ParticipateCallback)} becomes {@code this::participateCallback}.
 *
 * <p>Runs on one of the API's worker threads: never on a SIP stack thread, never on the Swing
 * event thread. A UI must marshal with {@code SwingUtilities.invokeLater}.
 */
@FunctionalInterface
public interface AsyncCallback {
    void invoke(AsyncResult result);
}
