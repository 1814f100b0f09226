package io.github.ucmaworkbench.ui.policy;

import io.github.ucmaworkbench.tutorial.IncomingCall;
import java.util.function.Consumer;

/** Asks the person at the screen whether to take an incoming call ("Ask me"). */
@FunctionalInterface
public interface IncomingCallAsker {
    /**
     * Called from any thread; must return at once. {@code answer} gets true (accept) or false
     * (decline) at most once, at the latest when {@link IncomingCall#timeout()} has passed; once
     * {@link IncomingCall#gone()} completes (the caller gave up) nobody waits for it any more.
     */
    void ask(IncomingCall call, Consumer<Boolean> answer);
}
