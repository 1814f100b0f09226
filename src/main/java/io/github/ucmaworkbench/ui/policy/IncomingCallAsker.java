package io.github.ucmaworkbench.ui.policy;

import io.github.ucmaworkbench.rtc.SignalingHeader;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/** Asks the person at the screen whether to take an incoming call ("Ask me"). */
@FunctionalInterface
public interface IncomingCallAsker {
    /**
     * Called from any thread; must return at once. {@code answer} gets true (accept) or false
     * (decline) exactly once, at the latest when {@code timeout} has passed.
     */
    void ask(String callerUri, List<SignalingHeader> headers, Duration timeout, Consumer<Boolean> answer);
}
