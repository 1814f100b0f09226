package io.github.ucmaworkbench.tutorial;

import java.util.function.Consumer;

/**
 * Decides on an incoming invite for the "Ask me" policy. Called on a worker thread; it must
 * call {@code accept} once, from any thread, with true to accept or false to decline.
 */
@FunctionalInterface
public interface IncomingCallDecider {
    void decide(IncomingCall call, Consumer<Boolean> accept);
}
