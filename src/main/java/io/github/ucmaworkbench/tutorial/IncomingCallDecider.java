package io.github.ucmaworkbench.tutorial;

import java.util.function.Consumer;

/**
 * Decides on an incoming invite for the "Ask me" policy. Called on a worker thread; it must
 * call {@code accept} once, from any thread, with true to accept or false to decline.
 */
@FunctionalInterface
public interface IncomingCallDecider {
    void decide(IncomingCall call, Consumer<Boolean> accept);

    /** Someone who says no at once: "Ask me" ending in 603 Decline without a dialog (lesson 6's demo). */
    IncomingCallDecider DECLINE_AT_ONCE = (call, accept) -> accept.accept(false);
}
