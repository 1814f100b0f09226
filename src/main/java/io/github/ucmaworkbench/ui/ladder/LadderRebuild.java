package io.github.ucmaworkbench.ui.ladder;

import io.github.ucmaworkbench.trace.SipTraceEvent;
import io.github.ucmaworkbench.trace.ladder.LadderModel;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import javax.swing.SwingWorker;

/**
 * Builds a fresh ladder model from kept records on a worker thread: rebuilding tens of thousands of
 * records would stall the event thread. The result is handed over on the event thread.
 */
final class LadderRebuild {

    private LadderRebuild() {
    }

    /** Calls {@code done} on the event thread with the new model, or null if building it failed. */
    static void start(List<SipTraceEvent> kept, List<String> columnOrder, boolean grouped, Consumer<LadderModel> done) {
        new SwingWorker<LadderModel, Void>() {
            @Override
            protected LadderModel doInBackground() {
                LadderModel fresh = new LadderModel();
                fresh.setColumnOrder(columnOrder);
                fresh.setGroupByCaller(grouped);
                fresh.addAll(kept);
                fresh.columns();
                return fresh;
            }

            @Override
            protected void done() {
                LadderModel fresh;
                try {
                    fresh = get();
                } catch (InterruptedException | ExecutionException | RuntimeException e) {
                    fresh = null; // cannot happen short of an Error
                }
                done.accept(fresh);
            }
        }.execute();
    }
}
