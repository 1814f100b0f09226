package io.github.ucmaworkbench.ui.ladder;

import io.github.ucmaworkbench.trace.SipTrace;
import io.github.ucmaworkbench.trace.SipTraceEvent;
import io.github.ucmaworkbench.trace.TraceQueue;
import io.github.ucmaworkbench.trace.ladder.LadderArrow;
import io.github.ucmaworkbench.trace.ladder.LadderFilter;
import io.github.ucmaworkbench.trace.ladder.LadderModel;
import io.github.ucmaworkbench.trace.ladder.MessageClue;
import java.awt.Rectangle;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javax.swing.JPanel;
import javax.swing.JPopupMenu;
import javax.swing.JScrollPane;
import net.miginfocom.swing.MigLayout;

/**
 * The SIP ladder: a column per party (client, registrar or outside server, server, anyone else),
 * one arrow per message labelled with its method or code and reason, time offsets on the left,
 * retransmissions dashed, one colour per Call-ID. Follows the trace live.
 *
 * <p>Threads: the trace calls us on SIP stack threads, where we only queue ({@link TraceQueue}); a
 * Swing timer drains the queue every {@link #BATCH_MILLIS} ms and applies the batch on the event
 * thread ({@link LadderFollower}), so a burst of thousands of messages costs one layout and one
 * repaint per tick, and a tick never spends more than {@link LadderFeed#BUDGET_NANOS} applying
 * them. A cross-link (a log line to its arrow) that must wait for queued messages catches up in
 * the same bounded slices. Every method of this class must be called on the event thread.
 *
 * <p>For the window: {@link #selectMessage(long)}, {@link #selectLoggedMessage(String, Instant, MessageClue)}
 * (a progress-log line to its arrow), {@link #setFollowing(boolean)}, {@link #addArrowSelectionListener(Consumer)}, the
 * {@code highlight*} methods (a lesson step's arrows), {@link #setColumnOrder(List)}, and
 * {@link #close()} when the window goes.
 */
public class LadderView extends JPanel implements AutoCloseable, LadderNames {
    /** How often queued trace events are applied. */
    public static final int BATCH_MILLIS = 100;
    /**
     * Records the ladder keeps (about half as many arrows); past that, the older half is
     * forgotten, so a registrar refreshing all day cannot fill the heap.
     */
    public static final int MAX_EVENTS = 100_000;

    private final LadderFeed feed;
    /** The last sequence number of the snapshot the view started from: {@link #tracedSequence()} on any thread. */
    private final long snapshotEnd;
    private final LadderFollower follower;
    private LadderModel model = new LadderModel();
    private List<String> columnOrder = List.of();
    private final LadderCanvas canvas = new LadderCanvas(this);
    private final JScrollPane scroll;
    private final LadderFilterBar filterBar = new LadderFilterBar(this::filterChanged, this::setGroupByCaller, this::setFollowing);
    private final LadderToolbar toolbar;
    private final List<Consumer<LadderArrow>> selectionListeners = new ArrayList<>();
    private final LadderExports exports;
    private final LadderRows rows = new LadderRows();
    private LadderFilter filter = LadderFilter.NONE;
    private int selectedArrow = -1;
    private LadderPalette palette = LadderPalette.current();
    private final LadderHighlighter highlights;
    /** Scroll to each new message; off once the user picks one, so it stays in view during a burst. */
    private boolean following = true;

    /** A view of {@code trace}, starting from what it retains now. */
    public LadderView(SipTrace trace) {
        this(trace, MAX_EVENTS);
    }

    LadderView(SipTrace trace, int maxEvents) {
        super(new MigLayout("insets 2, fill", "[][][][][grow,shrinkprio 200,right]", "[][grow,fill]"));
        this.feed = new LadderFeed(trace, filterBar);
        this.follower = new LadderFollower(this, feed, maxEvents);
        this.toolbar = new LadderToolbar(this::setPaused, this::clear, this::exportMenu);
        this.exports = new LadderExports(this, toolbar.status());
        this.highlights = new LadderHighlighter(feed::newestSequence, () -> model, canvas::repaint);
        for (SipTraceEvent event : trace.snapshot()) {
            feed.apply(model, event);
        }
        rows.reset(model, filter);
        snapshotEnd = feed.newestSequence();

        canvas.setName(CANVAS);

        scroll = new JScrollPane(canvas);
        scroll.setColumnHeaderView(new LadderColumnHeader(this, canvas));
        scroll.getVerticalScrollBar().setUnitIncrement(LadderGeometry.ROW_HEIGHT);

        toolbar.addTo(this, filterBar);
        add(scroll, "span, grow, push");

        LadderNavigation.install(this, canvas, scroll);
        updateStatus();
    }

    // ---- what the window calls -------------------------------------------------------------

    /**
     * Selects the arrow of the message with this trace sequence number; false if unknown. A
     * message still waiting to be drawn is caught up with first (see {@link LadderFollower#catchUpThen}); when
     * that takes more than one slice this returns false and the arrow is selected once it is in.
     */
    public boolean selectMessage(long sequence) {
        return follower.catchUpThen(event -> event.sequence() <= sequence, () -> {
            LadderArrow arrow = model.arrowOfSequence(sequence);
            if (arrow == null) {
                return false;
            }
            selectArrow(arrow.index());
            return true;
        });
    }

    /**
     * Selects the latest response {@code party} received no later than {@code time} (with
     * {@code statusCode}, or any code when 0): the arrow behind a progress-log line such as
     * "refused with 486". False when there is none, or when the ladder must first catch up with
     * more than one slice of waiting messages; it then selects the arrow once they are in.
     */
    public boolean selectResponseBefore(String party, Instant time, int statusCode) {
        return selectLoggedMessage(party, time, MessageClue.received(MessageClue.Kind.anyResponse()).withStatus(statusCode));
    }

    /**
     * Selects the message {@code party}'s progress-log line stamped {@code time} reports, as
     * {@code clue} describes it: the arrow behind a click on that line. Stops following at once.
     * False when there is none, or while the ladder catches up (as {@link #selectResponseBefore}).
     */
    public boolean selectLoggedMessage(String party, Instant time, MessageClue clue) {
        setFollowing(false);
        Instant limit = clue.lastUseful(time);
        return follower.catchUpThen(event -> !event.time().isAfter(limit), () -> {
            int found = clue.findIn(model, party, time);
            if (found >= 0) {
                selectArrow(found);
            }
            return found >= 0;
        });
    }

    /**
     * Selects an arrow by its index in the model (showing it even if the filter hid it). Stops
     * {@linkplain #setFollowing following}: the user is looking at this one.
     */
    public void selectArrow(int arrowIndex) {
        if (arrowIndex < 0 || arrowIndex >= model.size()) {
            return;
        }
        setFollowing(false);
        if (!filter.matches(model.arrow(arrowIndex))) {
            setFilter(LadderFilter.NONE);
        }
        repaintRow(selectedRow());
        selectedArrow = arrowIndex;
        int row = rows.rowOf(model, arrowIndex);
        scrollToRow(row);
        repaintRow(row); // the old and the new selection's rows, not the whole ladder: a click during a burst
        fireSelection();
    }

    /** The selected arrow, or null. */
    public LadderArrow getSelectedArrow() {
        return selectedArrow < 0 ? null : model.arrow(selectedArrow);
    }

    /** Called with the newly selected arrow (null when the selection goes, e.g. on Clear); close the result to stop. */
    public AutoCloseable addArrowSelectionListener(Consumer<LadderArrow> listener) {
        selectionListeners.add(listener);
        return () -> selectionListeners.remove(listener);
    }

    /** The newest trace sequence number this view has been given or holds; safe on any thread. */
    public long tracedSequence() {
        return Math.max(snapshotEnd, feed.lastEnqueuedSequence());
    }

    /** A lesson step's arrows, whole calls or single messages lit on this ladder. */
    public LadderHighlighter highlights() {
        return highlights;
    }

    /** Pins the column order, e.g. {@code List.of(clientUri, "registrar", serverUri)}. */
    public void setColumnOrder(List<String> parties) {
        columnOrder = List.copyOf(parties);
        model.setColumnOrder(parties);
        layoutChanged();
    }

    public void setFilter(LadderFilter newFilter) {
        filterBar.show(newFilter);
        filter = newFilter;
        rows.reset(model, filter);
        layoutChanged();
    }

    /**
     * Grouped by caller: all parties other than the pinned ones and the registrar share one
     * column, and the rows come caller by caller (each caller's messages in ladder order), with
     * the caller named where its group starts. For a classroom calling the teacher's server.
     */
    public void setGroupByCaller(boolean grouped) {
        filterBar.showGrouped(grouped);
        if (grouped == model.isGroupByCaller()) {
            return;
        }
        model.setGroupByCaller(grouped);
        rows.reset(model, filter);
        scroll.getColumnHeader().revalidate();
        layoutChanged();
        scrollToRow(following ? rows.count() - 1 : selectedRow());
    }

    public boolean isGroupByCaller() {
        return model.isGroupByCaller();
    }

    /** Paused: the display holds still and new messages wait (not lost) until resumed. */
    public void setPaused(boolean paused) {
        toolbar.showPaused(paused);
        if (!paused) {
            follower.applyQueued();
        }
        updateStatus();
    }

    public boolean isPaused() {
        return toolbar.isPaused();
    }

    /**
     * Following: the ladder scrolls to each new message. Selecting a message (a click on an arrow
     * or a log line) or scrolling up turns it off; turning it on (the Follow button, Ctrl+End)
     * jumps to the newest message.
     */
    public void setFollowing(boolean on) {
        filterBar.showFollowing(on);
        following = on;
        if (on) {
            scrollToRow(rows.count() - 1);
        }
    }

    public boolean isFollowing() {
        return following;
    }

    /** Empties the trace (its retained records) and the ladder. */
    public void clear() {
        follower.cleared();
        feed.clear();
        model.clear();
        rows.clear();
        selectedArrow = -1;
        layoutChanged();
        fireSelection();
    }

    /** The model indexes of the arrows shown, in row order (filtered, and grouped if chosen). */
    public int[] shownArrows() {
        return rows.copy();
    }

    /** The ladder's data; read it on the event thread only. */
    public LadderModel model() {
        return model;
    }

    /** Writing the trace (text, pcap) or the shown arrows (PNG, SVG) to a file. */
    public LadderExports exports() {
        return exports;
    }

    /** Stops following the trace for good. */
    @Override
    public void close() {
        follower.close();
    }

    // ---- live feed -------------------------------------------------------------------------

    @Override
    public void addNotify() {
        super.addNotify();
        follower.start();
    }

    @Override
    public void removeNotify() {
        follower.stop();
        super.removeNotify();
    }

    @Override
    public void updateUI() {
        super.updateUI();
        palette = LadderPalette.current();
    }

    /** The follower added the model's arrows from {@code before} on: rows, layout and scrolling catch up. */
    void arrowsAdded(int before, boolean newColumns, boolean follow) {
        if (model.isGroupByCaller()) {
            rows.reset(model, filter); // a new arrow belongs inside its caller's group, not at the end
        } else {
            for (int i = before; i < model.size(); i++) {
                if (filter.matches(model.arrow(i))) {
                    rows.append(i);
                }
            }
        }
        if (newColumns) {
            scroll.getColumnHeader().revalidate();
        }
        layoutChanged();
        if (follow) {
            scrollToRow(rows.count() - 1);
        }
    }

    /**
     * The follower rebuilt the ladder from its newer half ({@code fresh}; null when that failed:
     * start afresh rather than stall). The selection follows its message if that message is kept.
     */
    void replaceModel(LadderModel fresh) {
        LadderArrow selected = getSelectedArrow(); // of the old model: the user may have clicked meanwhile
        if (fresh == null) {
            model.clear();
        } else if (fresh != model) {
            model = fresh;
            model.setGroupByCaller(filterBar.isGroupSelected()); // the user may have switched meanwhile
        }
        selectedArrow = LadderRebuild.indexIn(model, selected);
        rows.reset(model, filter);
        layoutChanged();
        fireSelection();
    }

    List<String> columnOrder() {
        return columnOrder;
    }

    private void scrollToRow(int row) {
        if (row >= 0) {
            scroll.validate();
            canvas.scrollRectToVisible(canvas.rowBounds(row));
        }
    }

    private void repaintRow(int row) {
        if (row >= 0) {
            Rectangle bounds = canvas.rowBounds(row);
            bounds.grow(0, LadderGeometry.ROW_HEIGHT / 2); // a label may reach into the next row's edge
            canvas.repaint(bounds);
        }
    }

    boolean isAtBottom() {
        Rectangle visible = canvas.getVisibleRect();
        return visible.y + visible.height >= canvas.getHeight() - LadderGeometry.ROW_HEIGHT;
    }

    private void filterChanged(LadderFilter next) {
        if (!next.equals(filter)) {
            filter = next;
            rows.reset(model, filter);
            layoutChanged();
            scrollToRow(following ? rows.count() - 1 : selectedRow());
        }
    }

    private void layoutChanged() {
        canvas.revalidate();
        canvas.repaint();
        if (scroll.getColumnHeader() != null) {
            scroll.getColumnHeader().repaint();
        }
        updateStatus();
    }

    private JPopupMenu exportMenu() {
        return exports.menu();
    }

    void updateStatus() {
        toolbar.status().setText(feed.describe(model.size(), rows.count(), isPaused()));
    }

    private void fireSelection() {
        LadderArrow selected = getSelectedArrow();
        for (Consumer<LadderArrow> listener : List.copyOf(selectionListeners)) {
            listener.accept(selected);
        }
    }

    // ---- painting support for the canvas ---------------------------------------------------

    int rowCount() {
        return rows.count();
    }

    /** The row of the selected arrow, or -1 when none is selected or the filter hides it. */
    int selectedRow() {
        return selectedArrow < 0 ? -1 : rows.rowOf(model, selectedArrow);
    }

    int rowArrow(int row) {
        return rows.arrowAt(row);
    }

    LadderPalette palette() {
        return palette;
    }

    LadderCanvas canvas() {
        return canvas;
    }

    LadderPainter.Scene scene() {
        return new LadderPainter.Scene(model, rows.array(), rows.count(), selectedArrow, highlights.predicate(model), model.isGroupByCaller());
    }

}
