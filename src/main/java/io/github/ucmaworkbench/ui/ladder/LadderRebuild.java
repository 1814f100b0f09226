package io.github.ucmaworkbench.ui.ladder;

import io.github.ucmaworkbench.common.DaemonThreads;
import io.github.ucmaworkbench.trace.SipTraceEvent;
import io.github.ucmaworkbench.trace.ladder.LadderArrow;
import io.github.ucmaworkbench.trace.ladder.LadderModel;
import java.util.List;
import java.util.function.Consumer;
import javax.swing.SwingUtilities;

/**
 * Builds a fresh ladder model from kept records on a worker thread: rebuilding tens of thousands of
 * records would stall the event thread. The result is handed over on the event thread.
 */
final class LadderRebuild {

    private LadderRebuild() {
    }

    /** Where {@code selected} (an arrow of the old model) is in {@code model}, or -1 when neither record was kept. */
    static int indexIn(LadderModel model, LadderArrow selected) {
        if (selected == null) {
            return -1;
        }
        LadderArrow again = model.arrowOfSequence(selected.primary().sequence());
        if (again == null && selected.received() != null) {
            again = model.arrowOfSequence(selected.received().sequence()); // its sender's record was in the older half
        }
        return again == null ? -1 : again.index();
    }

    /**
     * Calls {@code done} on the event thread with the new model, or null if building it failed. A
     * thread of its own rather than a SwingWorker: a trim comes once per tens of thousands of
     * messages, and the first SwingWorker of a burst (its class set and executor) was a 70 ms stall.
     */
    static void start(List<SipTraceEvent> kept, List<String> columnOrder, boolean grouped, Consumer<LadderModel> done) {
        DaemonThreads.start("ladder-rebuild", () -> {
            LadderModel fresh;
            try {
                fresh = new LadderModel();
                fresh.setColumnOrder(columnOrder);
                fresh.setGroupByCaller(grouped);
                fresh.addAll(kept);
                fresh.columns();
            } catch (RuntimeException e) {
                fresh = null; // the view starts afresh rather than stall
            }
            LadderModel result = fresh;
            SwingUtilities.invokeLater(() -> done.accept(result));
        });
    }
}
