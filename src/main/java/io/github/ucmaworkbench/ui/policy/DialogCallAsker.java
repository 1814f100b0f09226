package io.github.ucmaworkbench.ui.policy;

import io.github.ucmaworkbench.tutorial.IncomingCall;
import java.awt.Window;
import java.util.function.Consumer;
import javax.swing.SwingUtilities;

/** Asks through an {@link AskCallDialog}; called on an rtc worker thread, it only queues the dialog. */
public final class DialogCallAsker implements IncomingCallAsker {
    private final Window owner;

    public DialogCallAsker(Window owner) {
        this.owner = owner;
    }

    @Override
    public void ask(IncomingCall call, Consumer<Boolean> answer) {
        SwingUtilities.invokeLater(() -> {
            if (!call.gone().toCompletableFuture().isDone()) { // a caller who gave up already gets no dialog
                new AskCallDialog(owner, call, answer).setVisible(true);
            }
        });
    }
}
