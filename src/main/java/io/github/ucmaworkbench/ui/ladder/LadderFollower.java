package io.github.ucmaworkbench.ui.ladder;

import io.github.ucmaworkbench.trace.SipTraceEvent;
import io.github.ucmaworkbench.trace.ladder.LadderModel;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import javax.swing.SwingUtilities;
import javax.swing.Timer;

/**
 * How a {@link LadderView} follows the trace: a Swing timer applies the queued records every
 * {@link LadderView#BATCH_MILLIS} ms in bounded slices ({@link LadderFeed}); a cross-link (a log
 * line to its arrow) that needs records still queued catches up in the same slices; past the
 * view's limit the ladder is rebuilt from its newer half on a worker thread. The view is told
 * what arrived ({@link LadderView#arrowsAdded}) and when its model is replaced. Event thread only.
 */
final class LadderFollower {
    private final LadderView view;
    private final LadderFeed feed;
    private final int maxEvents;
    private final Timer timer = new Timer(LadderView.BATCH_MILLIS, tick -> applyQueued());
    private boolean trimming;
    /** Counts Clears, so a trim that was under way when the user cleared is thrown away. */
    private int generation;
    /** A cross-link waiting for the ladder to catch up (null: none), and which messages it waits for. */
    private BooleanSupplier crossLink;
    private Predicate<SipTraceEvent> crossLinkWanted;

    LadderFollower(LadderView view, LadderFeed feed, int maxEvents) {
        this.view = view;
        this.feed = feed;
        this.maxEvents = maxEvents;
    }

    void start() {
        timer.start();
    }

    void stop() {
        timer.stop();
    }

    /** The user cleared the ladder: a trim under way is of no use any more. */
    void cleared() {
        generation++;
    }

    /**
     * A cross-link must find a message that may still wait in the queue: applies the waiting
     * messages {@code wanted} accepts, oldest first, one bounded slice per event-thread dispatch
     * (a burst can leave 100,000 waiting; applying them at once held the thread for a third of a
     * second), then runs {@code select}. Returns its answer when the first slice was enough, else
     * false. A newer cross-link replaces one still catching up: the user's latest click wins.
     */
    boolean catchUpThen(Predicate<SipTraceEvent> wanted, BooleanSupplier select) {
        boolean queued = crossLink != null;
        crossLinkWanted = wanted;
        crossLink = select;
        return !queued && catchUpSlice();
    }

    /** One slice of a cross-link's catch-up; runs the cross-link when done, else comes back later. */
    private boolean catchUpSlice() {
        if (crossLink == null) {
            return false;
        }
        boolean done = view.isPaused() || trimming || applied(() -> feed.applyWhile(view.model(), crossLinkWanted));
        if (!done) {
            SwingUtilities.invokeLater(this::catchUpSlice); // behind the paints and clicks already waiting
            return false;
        }
        BooleanSupplier select = crossLink;
        crossLink = null;
        crossLinkWanted = null;
        return select.getAsBoolean();
    }

    /**
     * The timer's tick: applies one bounded slice of queued events ({@link LadderFeed#applyBatch});
     * the timer then comes back sooner until the backlog is gone.
     */
    void applyQueued() {
        if (view.isPaused() || trimming) {
            view.updateStatus();
            return;
        }
        if (!feed.hasMore()) {
            return;
        }
        applied(() -> {
            feed.applyBatch(view.model());
            return true;
        });
    }

    /** Runs {@code apply} (which adds arrows to the model), then lets the view catch up; returns its answer. */
    private boolean applied(BooleanSupplier apply) {
        boolean follow = view.isFollowing();
        LadderModel model = view.model();
        int before = model.size();
        int columnsBefore = model.columns().size();
        boolean answer = apply.getAsBoolean();
        timer.setDelay(feed.hasBacklog() ? LadderFeed.CATCH_UP_MILLIS : LadderView.BATCH_MILLIS);
        if (model.size() == before) {
            view.updateStatus();
            return answer;
        }
        view.arrowsAdded(before, model.columns().size() != columnsBefore, follow);
        if (model.events().size() > maxEvents) {
            trim();
        }
        return answer;
    }

    /**
     * Rebuilds the ladder from the newer half of its records on a worker thread (a rebuild of tens
     * of thousands of records would stall the event thread) and swaps it in; new events wait in
     * the queue meanwhile.
     */
    private void trim() {
        trimming = true;
        LadderModel model = view.model();
        List<SipTraceEvent> events = model.events();
        List<SipTraceEvent> kept = List.copyOf(events.subList(events.size() - maxEvents / 2, events.size()));
        int startedIn = generation;
        LadderRebuild.start(kept, view.columnOrder(), model.isGroupByCaller(), fresh -> trimmed(fresh, startedIn));
    }

    private void trimmed(LadderModel fresh, int startedIn) {
        try {
            if (generation == startedIn) {
                view.replaceModel(fresh); // null: the rebuild failed, start afresh rather than stall
            } else {
                view.replaceModel(view.model()); // cleared meanwhile: keep the empty ladder
            }
        } finally {
            trimming = false;
        }
    }

    /** Stops following the trace for good. */
    void close() {
        timer.stop();
        feed.close();
    }
}
