package io.github.ucmaworkbench.ui.log;

import com.formdev.flatlaf.ui.FlatListUI;
import java.awt.Component;
import javax.swing.ListCellRenderer;
import javax.swing.ListModel;
import javax.swing.SwingUtilities;
import javax.swing.event.ListDataEvent;
import javax.swing.event.ListDataListener;

/**
 * The log list's look (FlatLaf's list) with row heights that are known rather than re-measured:
 * BasicListUI asks the renderer for the size of every row after any change to the model, which for
 * a log of 20,000 wrapped lines is a long pause on the event thread every time a batch arrives.
 * Here each row is measured once, when it arrives (or after the width or font changed), and the
 * stored heights are handed to the list's layout.
 *
 * <p>After the width or the font changed, every row keeps its old height and is measured again
 * {@value #STALE_ROWS_PER_PASS} rows per event-thread dispatch at most, newest first (what a
 * following log shows): re-wrapping 20,000 lines in one go held the event thread for a second.
 *
 * <p>How: while the base class updates its layout state, {@link Measured} makes the list report a
 * fixed cell size, so the base class skips its scan; the real heights go into {@code cellHeights}
 * right after. Event thread only.
 */
final class LogListUI extends FlatListUI {
    /** The list side of the trick: reports fixed cell sizes only while the UI says so. */
    interface Measured {
        void reportFixedSize(boolean fixed);
    }

    /** Most stale rows measured again in one layout pass; the rest wait for the next dispatch. */
    static final int STALE_ROWS_PER_PASS = 1_000;

    private final RowHeights heights = new RowHeights();
    private boolean passQueued;
    private final ListDataListener tracker = new ListDataListener() {
        @Override
        public void intervalAdded(ListDataEvent e) {
            heights.inserted(e.getIndex0(), e.getIndex1());
        }

        @Override
        public void intervalRemoved(ListDataEvent e) {
            heights.removed(e.getIndex0(), e.getIndex1());
        }

        @Override
        public void contentsChanged(ListDataEvent e) {
            if (e.getIndex0() < 0) {
                heights.forgetAll();
            } else {
                heights.changed(e.getIndex0(), e.getIndex1());
            }
        }
    };
    private long measuredRows;

    @Override
    protected void installListeners() {
        super.installListeners();
        ListModel<Object> model = list.getModel();
        heights.resize(0);
        heights.resize(model.getSize());
        model.addListDataListener(tracker);
    }

    @Override
    protected void uninstallListeners() {
        list.getModel().removeListDataListener(tracker);
        super.uninstallListeners();
    }

    /** Every row is measured again, a slice per layout pass (the width the rows wrap to changed). */
    void forgetHeights() {
        heights.forgetAll();
        updateLayoutStateNeeded |= modelChanged;
    }

    /** True while rows still wait to be measured for the current width (for tests). */
    boolean hasStaleRows() {
        for (int row = 0; row < heights.size(); row++) {
            if (!heights.isMeasured(row)) {
                return true;
            }
        }
        return false;
    }

    /** How many rows this UI has measured so far (for tests: a batch measures only itself). */
    long measuredRows() {
        return measuredRows;
    }

    /** Another layout pass in a later dispatch, behind the paints and input already waiting. */
    private void measureMoreLater() {
        if (passQueued) {
            return;
        }
        passQueued = true;
        SwingUtilities.invokeLater(() -> {
            passQueued = false;
            if (list != null && list.getUI() == this) {
                updateLayoutStateNeeded |= modelChanged;
                list.revalidate();
                list.repaint();
            }
        });
    }

    @Override
    protected void updateLayoutState() {
        Measured measured = list instanceof Measured m ? m : null;
        if (measured == null) {
            super.updateLayoutState();
            return;
        }
        measured.reportFixedSize(true);
        try {
            super.updateLayoutState(); // with fixed sizes: no scan, just the base class's own bookkeeping
        } finally {
            measured.reportFixedSize(false);
        }
        ListModel<Object> model = list.getModel();
        int size = model.getSize();
        heights.resize(size); // a model replaced behind our back
        ListCellRenderer<Object> renderer = list.getCellRenderer();
        int stale = 0;
        boolean moreStale = false;
        for (int row = size - 1; row >= 0; row--) { // newest first: what a following log shows
            if (heights.isMeasured(row)) {
                continue;
            }
            if (!heights.isUnknown(row) && stale >= STALE_ROWS_PER_PASS) {
                moreStale = true; // keeps its old height until a later pass
                continue;
            }
            if (!heights.isUnknown(row)) {
                stale++;
            }
            Component c = renderer.getListCellRendererComponent(list, model.getElementAt(row), row, false, false);
            rendererPane.add(c);
            heights.set(row, c.getPreferredSize().height);
            measuredRows++;
        }
        if (moreStale) {
            measureMoreLater();
        }
        cellWidth = LogEntryRenderer.PREFERRED_WIDTH;
        cellHeight = -1;
        cellHeights = heights.toArray();
    }
}
