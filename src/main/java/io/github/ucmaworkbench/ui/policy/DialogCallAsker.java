package io.github.ucmaworkbench.ui.policy;

import io.github.ucmaworkbench.rtc.SignalingHeader;
import java.awt.Window;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import javax.swing.SwingUtilities;

/** Asks through an {@link AskCallDialog}; called on an rtc worker thread, it only queues the dialog. */
public final class DialogCallAsker implements IncomingCallAsker {
    private final Window owner;

    public DialogCallAsker(Window owner) {
        this.owner = owner;
    }

    @Override
    public void ask(String callerUri, List<SignalingHeader> headers, Duration timeout, Consumer<Boolean> answer) {
        SwingUtilities.invokeLater(() -> new AskCallDialog(owner, callerUri, headers, timeout, answer).setVisible(true));
    }
}
