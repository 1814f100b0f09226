package io.github.ucmaworkbench.ui.ladder;

import io.github.ucmaworkbench.trace.SipTrace;
import io.github.ucmaworkbench.trace.SipTraceEvent;
import io.github.ucmaworkbench.trace.TraceQueue;
import io.github.ucmaworkbench.trace.export.PcapExporter;
import io.github.ucmaworkbench.trace.export.TextExporter;
import io.github.ucmaworkbench.trace.ladder.LadderArrow;
import io.github.ucmaworkbench.trace.ladder.LadderFilter;
import io.github.ucmaworkbench.trace.ladder.LadderModel;
import java.awt.Rectangle;
import java.awt.event.ActionEvent;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.IntPredicate;
import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JToggleButton;
import javax.swing.SwingWorker;
import javax.swing.Timer;
import net.miginfocom.swing.MigLayout;

/**
 * The SIP ladder: a column per party (client, registrar or outside server, server, anyone else),
 * one arrow per message labelled with its method or code and reason, time offsets on the left,
 * retransmissions dashed, one colour per Call-ID. Follows the trace live.
 *
 * <p>Threads: the trace calls us on SIP stack threads, where we only queue ({@link TraceQueue}); a
 * Swing timer drains the queue every {@link #BATCH_MILLIS} ms and applies the batch on the event
 * thread, so a burst of thousands of messages costs one layout and one repaint per tick, and a
 * tick never spends more than {@link #BUDGET_NANOS} applying them. Every method of this class must
 * be called on the event thread.
 *
 * <p>For the window: {@link #selectMessage(long)}, {@link #selectResponseBefore(String, Instant, int)}
 * (a progress-log line to its arrow), {@link #addArrowSelectionListener(Consumer)}, the
 * {@code highlight*} methods (a lesson step's arrows), {@link #setColumnOrder(List)}, and
 * {@link #close()} when the window goes.
 */
public class LadderView extends JPanel implements AutoCloseable {
    public static final String CANVAS = "ladder.canvas";
    public static final String CALL_ID_FILTER = "ladder.filter.callId";
    public static final String METHOD_FILTER = "ladder.filter.method";
    public static final String CALLER_FILTER = "ladder.filter.caller";
    public static final String GROUP_BY_CALLER = "ladder.groupByCaller";
    public static final String PAUSE = "ladder.pause";
    public static final String CLEAR = "ladder.clear";
    public static final String EXPORT = "ladder.export";
    public static final String EXPORT_TEXT = "ladder.export.text";
    public static final String EXPORT_PCAP = "ladder.export.pcap";
    public static final String EXPORT_PNG = "ladder.export.png";
    public static final String EXPORT_SVG = "ladder.export.svg";
    public static final String STATUS = "ladder.status";

    /** How often queued trace events are applied. */
    public static final int BATCH_MILLIS = 100;
    /** The most event-thread time one tick spends applying trace events. */
    static final long BUDGET_NANOS = 8_000_000;
    /** The tick while a backlog remains: half the event thread for the backlog, half for the user. */
    static final int CATCH_UP_MILLIS = 16;
    /**
     * Records the ladder keeps (about half as many arrows); past that, the older half is
     * forgotten, so a registrar refreshing all day cannot fill the heap.
     */
    public static final int MAX_EVENTS = 100_000;
    /** Events kept for a paused or hidden view before the oldest are dropped. */
    static final int QUEUE_CAPACITY = 100_000;
    /** The stack stamps a response before the API's callback writes the log line that reports it. */
    private static final long LOG_LINE_SLACK_MILLIS = 200;

    private final SipTrace trace;
    private final TraceQueue queue;
    private final int maxEvents;
    private LadderModel model = new LadderModel();
    private List<String> columnOrder = List.of();
    private boolean trimming;
    /** Counts Clears, so a trim that was under way when the user cleared is thrown away. */
    private int generation;
    private final LadderCanvas canvas = new LadderCanvas(this);
    private final JScrollPane scroll;
    private final LadderFilterBar filterBar = new LadderFilterBar(this::filterChanged, this::setGroupByCaller);
    private final JToggleButton pause = new JToggleButton("Pause");
    private final JButton clear = new JButton("Clear");
    private final JButton export = new JButton("Export \u25BE");
    private final JLabel status = new JLabel(" ");
    private final Timer timer = new Timer(BATCH_MILLIS, this::drainPerformed);
    private final List<Consumer<LadderArrow>> selectionListeners = new ArrayList<>();
    private final Set<String> methodsSeen = new HashSet<>();
    private final Set<String> callersSeen = new HashSet<>();
    private final LadderExports exports;
    private final java.util.ArrayDeque<SipTraceEvent> backlog = new java.util.ArrayDeque<>();

    private int[] rows = new int[256];
    private int rowCount;
    private LadderFilter filter = LadderFilter.NONE;
    private int selectedArrow = -1;
    private long lastApplied;
    private LadderPalette palette = LadderPalette.current();

    private LadderHighlight highlight = LadderHighlight.NONE;

    /** A view of {@code trace}, starting from what it retains now. */
    public LadderView(SipTrace trace) {
        this(trace, MAX_EVENTS);
    }

    LadderView(SipTrace trace, int maxEvents) {
        super(new MigLayout("insets 2, fill", "[][][][][grow,right]", "[][grow,fill]"));
        this.trace = trace;
        this.maxEvents = maxEvents;
        this.queue = new TraceQueue(trace, QUEUE_CAPACITY);
        this.exports = new LadderExports(this, status);
        for (SipTraceEvent event : trace.snapshot()) {
            apply(event);
        }
        resetRows();

        canvas.setName(CANVAS);
        pause.setName(PAUSE);
        clear.setName(CLEAR);
        export.setName(EXPORT);
        status.setName(STATUS);
        pause.setToolTipText("Stop following the trace; new messages wait until you resume");
        clear.setToolTipText("Empty the trace");

        scroll = new JScrollPane(canvas);
        scroll.setColumnHeaderView(new LadderColumnHeader(this, canvas));
        scroll.getVerticalScrollBar().setUnitIncrement(LadderGeometry.ROW_HEIGHT);

        add(filterBar);
        add(pause);
        add(clear);
        add(export);
        add(status, "wrap");
        add(scroll, "span, grow, push");

        pause.addActionListener(e -> setPaused(pause.isSelected()));
        clear.addActionListener(e -> clear());
        export.addActionListener(e -> exports.menu().show(export, 0, export.getHeight()));
        LadderNavigation.install(this, canvas);
        updateStatus();
    }

    // ---- what the window calls -------------------------------------------------------------

    /** Selects the arrow of the message with this trace sequence number; false if unknown. */
    public boolean selectMessage(long sequence) {
        catchUp();
        LadderArrow arrow = model.arrowOfSequence(sequence);
        if (arrow == null) {
            return false;
        }
        selectArrow(arrow.index());
        return true;
    }

    /**
     * Selects the latest response {@code party} received no later than {@code time} (with
     * {@code statusCode}, or any code when 0): the arrow behind a progress-log line such as
     * "refused with 486". False when there is none.
     */
    public boolean selectResponseBefore(String party, Instant time, int statusCode) {
        catchUp();
        Instant limit = time.plusMillis(LOG_LINE_SLACK_MILLIS);
        for (int i = model.size() - 1; i >= 0; i--) {
            LadderArrow arrow = model.arrow(i);
            SipTraceEvent received = arrow.received();
            if (!arrow.isRequest() && received != null && received.party().equals(party)
                    && !received.time().isAfter(limit) && (statusCode == 0 || arrow.statusCode() == statusCode)) {
                selectArrow(i);
                return true;
            }
        }
        return false;
    }

    /** Selects an arrow by its index in the model (showing it even if the filter hid it). */
    public void selectArrow(int arrowIndex) {
        if (arrowIndex < 0 || arrowIndex >= model.size()) {
            return;
        }
        if (!filter.matches(model.arrow(arrowIndex))) {
            setFilter(LadderFilter.NONE);
        }
        selectedArrow = arrowIndex;
        int row = rowOfArrow(arrowIndex);
        if (row >= 0) {
            scroll.validate();
            canvas.scrollRectToVisible(canvas.rowBounds(row));
        }
        canvas.repaint();
        fireSelection();
    }

    /** The selected arrow, or null. */
    public LadderArrow getSelectedArrow() {
        return selectedArrow < 0 ? null : model.arrow(selectedArrow);
    }

    /** Called with the newly selected arrow (null when the selection goes, e.g. on Clear). */
    public void addArrowSelectionListener(Consumer<LadderArrow> listener) {
        selectionListeners.add(listener);
    }

    public void removeArrowSelectionListener(Consumer<LadderArrow> listener) {
        selectionListeners.remove(listener);
    }

    /**
     * Highlights every message traced from now on, until {@link #clearHighlight()}: call it
     * before a lesson step runs to show the arrows the step caused.
     */
    public void highlightFromNow() {
        highlight = highlight.after(Math.max(lastApplied, queue.lastEnqueuedSequence()));
        canvas.repaint();
    }

    /** Highlights every message of these calls (Call-IDs). */
    public void highlightCallIds(Collection<String> callIds) {
        highlight = highlight.calls(callIds);
        canvas.repaint();
    }

    /** Highlights the messages with these trace sequence numbers (either record of a message counts). */
    public void highlightSequences(Collection<Long> sequences) {
        highlight = highlight.messages(sequences);
        canvas.repaint();
    }

    /** Ends every highlight. */
    public void clearHighlight() {
        highlight = LadderHighlight.NONE;
        canvas.repaint();
    }

    /** Whether the arrow is highlighted now. */
    public boolean isHighlighted(LadderArrow arrow) {
        IntPredicate h = highlightPredicate();
        return h != null && h.test(arrow.index());
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
        resetRows();
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
        resetRows();
        scroll.getColumnHeader().revalidate();
        layoutChanged();
        if (selectedArrow >= 0 && rowOfArrow(selectedArrow) >= 0) {
            scroll.validate();
            canvas.scrollRectToVisible(canvas.rowBounds(rowOfArrow(selectedArrow)));
        }
    }

    public boolean isGroupByCaller() {
        return model.isGroupByCaller();
    }

    public LadderFilter getFilter() {
        return filter;
    }

    /** Paused: the display holds still and new messages wait (not lost) until resumed. */
    public void setPaused(boolean paused) {
        pause.setSelected(paused);
        pause.setText(paused ? "Resume" : "Pause");
        if (!paused) {
            applyQueued(false);
        }
        updateStatus();
    }

    public boolean isPaused() {
        return pause.isSelected();
    }

    /** Empties the trace (its retained records) and the ladder. */
    public void clear() {
        generation++;
        trace.clear();
        queue.drain();
        backlog.clear();
        model.clear();
        rowCount = 0;
        selectedArrow = -1;
        layoutChanged();
        fireSelection();
    }

    /** The model indexes of the arrows shown, in row order (filtered, and grouped if chosen). */
    public int[] shownArrows() {
        return Arrays.copyOf(rows, rowCount);
    }

    /** The ladder's data; read it on the event thread only. */
    public LadderModel model() {
        return model;
    }

    /** Writes the trace as text off the event thread; completes on the event thread. */
    public CompletableFuture<Path> exportText(Path file) {
        List<SipTraceEvent> events = List.copyOf(model.events());
        return exports.write(file, () -> TextExporter.write(events, file));
    }

    /** Writes the trace as a pcap capture off the event thread. */
    public CompletableFuture<Path> exportPcap(Path file) {
        List<SipTraceEvent> events = List.copyOf(model.events());
        return exports.write(file, () -> PcapExporter.write(events, file));
    }

    /** Writes the shown arrows (filter applied) as a PNG picture for slides. */
    public CompletableFuture<Path> exportPng(Path file) {
        var image = LadderPictureExporter.png(model, Arrays.copyOf(rows, rowCount), firstVisibleRow(), getFont());
        return exports.write(file, () -> LadderPictureExporter.writePng(image, file));
    }

    /** Writes the shown arrows (filter applied) as an SVG picture. */
    public CompletableFuture<Path> exportSvg(Path file) {
        String svg = LadderPictureExporter.svg(model, Arrays.copyOf(rows, rowCount));
        return exports.write(file, () -> java.nio.file.Files.writeString(file, svg));
    }

    /** Stops following the trace for good. */
    @Override
    public void close() {
        timer.stop();
        queue.close();
    }

    // ---- live feed -------------------------------------------------------------------------

    @Override
    public void addNotify() {
        super.addNotify();
        timer.start();
    }

    @Override
    public void removeNotify() {
        timer.stop();
        super.removeNotify();
    }

    @Override
    public void updateUI() {
        super.updateUI();
        palette = LadderPalette.current();
    }

    /** Applies what the timer has not applied yet, so a cross-link finds a message just traced. */
    private void catchUp() {
        applyQueued(true);
    }

    private void drainPerformed(ActionEvent tick) {
        applyQueued(false);
    }

    /**
     * Applies queued events: all of them ({@code everything}, for a cross-link that must find a
     * message), or as many as fit in {@link #BUDGET_NANOS} so a flood never holds the event thread
     * longer than that; the timer then comes back sooner until the backlog is gone.
     */
    private void applyQueued(boolean everything) {
        if (isPaused() || trimming) {
            updateStatus();
            return;
        }
        if (backlog.isEmpty()) {
            backlog.addAll(queue.drain());
        }
        if (backlog.isEmpty()) {
            return;
        }
        boolean follow = isAtBottom();
        int before = model.size();
        int columnsBefore = model.columns().size();
        long deadline = System.nanoTime() + BUDGET_NANOS;
        int applied = 0;
        while (!backlog.isEmpty()) {
            apply(backlog.pollFirst());
            if (!everything && (++applied & 63) == 0 && System.nanoTime() > deadline) {
                break;
            }
            if (everything && backlog.isEmpty()) {
                backlog.addAll(queue.drain());
            }
        }
        timer.setDelay(backlog.isEmpty() ? BATCH_MILLIS : CATCH_UP_MILLIS);
        if (model.isGroupByCaller() && model.size() > before) {
            resetRows(); // a new arrow belongs inside its caller's group, not at the end
        } else {
            for (int i = before; i < model.size(); i++) {
                if (filter.matches(model.arrow(i))) {
                    appendRow(i);
                }
            }
        }
        if (model.columns().size() != columnsBefore) {
            scroll.getColumnHeader().revalidate();
        }
        layoutChanged();
        if (follow && rowCount > 0) {
            scroll.validate();
            canvas.scrollRectToVisible(canvas.rowBounds(rowCount - 1));
        }
        if (model.events().size() > maxEvents) {
            trim();
        }
    }

    /**
     * Rebuilds the ladder from the newer half of its records on a worker thread (a rebuild of tens
     * of thousands of records would stall the event thread) and swaps it in; new events wait in
     * the queue meanwhile. The selection follows its message if that message is kept.
     */
    private void trim() {
        trimming = true;
        List<SipTraceEvent> events = model.events();
        List<SipTraceEvent> kept = List.copyOf(events.subList(events.size() - maxEvents / 2, events.size()));
        List<String> order = columnOrder;
        boolean grouped = model.isGroupByCaller();
        int startedIn = generation;
        new SwingWorker<LadderModel, Void>() {
            @Override
            protected LadderModel doInBackground() {
                LadderModel fresh = new LadderModel();
                fresh.setColumnOrder(order);
                fresh.setGroupByCaller(grouped);
                fresh.addAll(kept);
                fresh.columns();
                return fresh;
            }

            @Override
            protected void done() {
                LadderArrow selected = getSelectedArrow(); // of the old model: the user may have clicked meanwhile
                long selectedSequence = selected == null ? -1 : selected.primary().sequence();
                long otherRecord = selected == null || selected.received() == null ? -1 : selected.received().sequence();
                try {
                    if (generation == startedIn) {
                        model = get();
                        model.setGroupByCaller(filterBar.isGroupSelected()); // the user may have switched meanwhile
                    }
                } catch (Exception e) {
                    model.clear(); // cannot happen short of an Error; start afresh rather than stall
                } finally {
                    trimming = false;
                }
                LadderArrow again = selectedSequence < 0 ? null : model.arrowOfSequence(selectedSequence);
                if (again == null && otherRecord >= 0) {
                    again = model.arrowOfSequence(otherRecord); // its sender's record was in the older half
                }
                selectedArrow = again == null ? -1 : again.index();
                resetRows();
                layoutChanged();
                fireSelection();
            }
        }.execute();
    }

    private void apply(SipTraceEvent event) {
        if (event.sequence() <= lastApplied) {
            return; // already in the snapshot we started from
        }
        lastApplied = event.sequence();
        LadderArrow arrow = model.add(event);
        String method = arrow.method();
        if (!method.isEmpty() && methodsSeen.add(method)) {
            filterBar.addMethod(method);
        }
        if (!arrow.caller().isEmpty() && callersSeen.add(arrow.caller())) {
            filterBar.addCaller(arrow.caller());
        }
    }

    private boolean isAtBottom() {
        Rectangle visible = canvas.getVisibleRect();
        return visible.y + visible.height >= canvas.getHeight() - LadderGeometry.ROW_HEIGHT;
    }

    private void filterChanged(LadderFilter next) {
        if (!next.equals(filter)) {
            filter = next;
            resetRows();
            layoutChanged();
            if (selectedArrow >= 0 && rowOfArrow(selectedArrow) >= 0) {
                scroll.validate();
                canvas.scrollRectToVisible(canvas.rowBounds(rowOfArrow(selectedArrow)));
            }
        }
    }

    private void resetRows() {
        int[] matching = model.filter(filter);
        if (model.isGroupByCaller()) {
            // Runs on every tick that brings arrows while grouped: a primitive sort of (group, index)
            // keys, not boxed comparators, keeps it to a few milliseconds for tens of thousands.
            long[] keys = new long[matching.length];
            for (int i = 0; i < matching.length; i++) {
                keys[i] = ((long) model.callerGroup(model.arrow(matching[i])) << 32) | matching[i];
            }
            Arrays.sort(keys);
            for (int i = 0; i < keys.length; i++) {
                matching[i] = (int) keys[i];
            }
        }
        rows = Arrays.copyOf(matching, Math.max(256, matching.length * 2));
        rowCount = matching.length;
    }

    private void appendRow(int arrowIndex) {
        if (rowCount == rows.length) {
            rows = Arrays.copyOf(rows, rows.length * 2);
        }
        rows[rowCount++] = arrowIndex;
    }

    private int rowOfArrow(int arrowIndex) {
        if (model.isGroupByCaller()) {
            for (int row = 0; row < rowCount; row++) { // grouped rows are not in ladder order
                if (rows[row] == arrowIndex) {
                    return row;
                }
            }
            return -1;
        }
        int row = Arrays.binarySearch(rows, 0, rowCount, arrowIndex); // rows are in ladder order
        return row >= 0 ? row : -1;
    }

    private void layoutChanged() {
        canvas.revalidate();
        canvas.repaint();
        if (scroll.getColumnHeader() != null) {
            scroll.getColumnHeader().repaint();
        }
        updateStatus();
    }

    private void updateStatus() {
        StringBuilder s = new StringBuilder();
        s.append(model.size()).append(model.size() == 1 ? " message" : " messages");
        if (rowCount != model.size()) {
            s.append(", ").append(rowCount).append(" shown");
        }
        if (isPaused()) {
            s.append(" \u2014 paused, ").append(queue.size() + backlog.size()).append(" waiting");
        } else if (!backlog.isEmpty()) {
            s.append(" \u2014 catching up, ").append(queue.size() + backlog.size()).append(" waiting");
        }
        if (queue.dropped() > 0) {
            s.append(" \u2014 ").append(queue.dropped()).append(" dropped");
        }
        status.setText(s.toString());
    }

    private void fireSelection() {
        LadderArrow selected = getSelectedArrow();
        for (Consumer<LadderArrow> listener : List.copyOf(selectionListeners)) {
            listener.accept(selected);
        }
    }

    // ---- painting support for the canvas ---------------------------------------------------

    int rowCount() {
        return rowCount;
    }

    /** The row of the selected arrow, or -1 when none is selected or the filter hides it. */
    int selectedRow() {
        return selectedArrow < 0 ? -1 : rowOfArrow(selectedArrow);
    }

    int rowArrow(int row) {
        return rows[row];
    }

    LadderPalette palette() {
        return palette;
    }

    LadderCanvas canvas() {
        return canvas;
    }

    LadderPainter.Scene scene() {
        return new LadderPainter.Scene(model, rows, rowCount, selectedArrow, highlightPredicate(), model.isGroupByCaller());
    }

    private IntPredicate highlightPredicate() {
        return highlight.predicate(model);
    }

    private int firstVisibleRow() {
        return Math.max(0, LadderGeometry.rowAt(canvas.getVisibleRect().y));
    }

    /** The methods offered by the filter: the usual ones and any seen. */
    List<String> offeredMethods() {
        return filterBar.offeredMethods();
    }

    /** The callers offered by the filter, sorted. */
    List<String> offeredCallers() {
        return filterBar.offeredCallers();
    }
}
