package io.github.ucmaworkbench.tutorial;

import io.github.ucmaworkbench.rtc.SignalingHeader;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * What the server shows the person deciding on an invite: who calls, the INVITE's headers, how
 * long they have to decide (the policy's own number, so a dialog's countdown and the log agree),
 * and {@code gone}, completed with a reason when the caller gives up (CANCEL) or the question
 * lapses before anyone decided: a dialog closes then.
 */
public record IncomingCall(String callerUri, List<SignalingHeader> headers, Duration timeout,
        CompletionStage<String> gone) {

    /** A call that never goes away by itself, with the default decision time (tests, examples). */
    public IncomingCall(String callerUri, List<SignalingHeader> headers) {
        this(callerUri, headers, Duration.ofSeconds(20), new CompletableFuture<>());
    }
}
