package io.github.ucmaworkbench.ui;

import io.github.ucmaworkbench.common.DaemonThreads;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.swing.SwingUtilities;
import javax.swing.Timer;

/**
 * Closing the window: sign out, stop listening and stop the registrar off the event thread, then
 * finish on the event thread; a server that is gone must not keep the window open, so after
 * {@code graceMillis} it finishes anyway. Runs once, however often Close is pressed.
 */
final class CloseSequence {
    private final AtomicBoolean closing = new AtomicBoolean();
    private final Runnable closeModel;
    private final Runnable finish;
    private final int graceMillis;

    /** {@code finish} runs once, on the event thread, after {@code closeModel} returned or the grace ran out. */
    CloseSequence(Runnable closeModel, Runnable finish, int graceMillis) {
        this.closeModel = closeModel;
        this.finish = finish;
        this.graceMillis = graceMillis;
    }

    /** False when closing had started already. Event thread. */
    boolean start() {
        if (!closing.compareAndSet(false, true)) {
            return false;
        }
        AtomicBoolean done = new AtomicBoolean();
        Runnable once = () -> {
            if (done.compareAndSet(false, true)) {
                finish.run();
            }
        };
        DaemonThreads.start("workbench-close", () -> {
            try {
                closeModel.run();
            } finally {
                SwingUtilities.invokeLater(once);
            }
        });
        Timer grace = new Timer(graceMillis, e -> once.run());
        grace.setRepeats(false);
        grace.start();
        return true;
    }
}
