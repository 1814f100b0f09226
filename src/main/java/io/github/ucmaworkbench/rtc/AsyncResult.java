package io.github.ucmaworkbench.rtc;

import java.time.Duration;

/**
 * The handle a Begin method returns and its End method takes. Mirrors .NET's {@code IAsyncResult}.
 */
public interface AsyncResult {
    /** The {@code state} object given to the Begin call ({@code AsyncState}). */
    Object getAsyncState();

    /** Whether the operation has finished, successfully or not ({@code IsCompleted}). */
    boolean isCompleted();

    /** Whether it finished before its Begin call returned ({@code CompletedSynchronously}). */
    boolean isCompletedSynchronously();

    /**
     * Waits until the operation has finished, at most {@code timeout} ({@code AsyncWaitHandle.WaitOne}).
     *
     * @return whether it has finished
     */
    boolean waitForCompletion(Duration timeout) throws InterruptedException;
}
