package io.github.ucmaworkbench.ui.log;

import com.formdev.flatlaf.ui.FlatListUI;
import java.awt.Component;
import javax.swing.ListCellRenderer;
import javax.swing.ListModel;
import javax.swing.event.ListDataEvent;
import javax.swing.event.ListDataListener;

/**
 * The log list's look (FlatLaf's list) with row heights that are known rather than re-measured:
 * BasicListUI asks the renderer for the size of every row after any change to the model, which for
 * a log of 20,000 wrapped lines is a long pause on the event thread every time a batch arrives.
 * Here each row is measured once, when it arrives (or after the width or font changed), and the
 * stored heights are handed to the list's layout.
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

    private final RowHeights heights = new RowHeights();
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

    /** Every row is measured again on the next layout (the width the rows wrap to changed). */
    void forgetHeights() {
        heights.forgetAll();
        updateLayoutStateNeeded |= modelChanged;
    }

    /** How many rows this UI has measured so far (for tests: a batch measures only itself). */
    long measuredRows() {
        return measuredRows;
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
        int width = LogEntryRenderer.PREFERRED_WIDTH;
        for (int row = 0; row < size; row++) {
            if (heights.get(row) == RowHeights.UNKNOWN) {
                Component c = renderer.getListCellRendererComponent(list, model.getElementAt(row), row, false, false);
                rendererPane.add(c);
                heights.set(row, c.getPreferredSize().height);
                measuredRows++;
            }
        }
        cellWidth = width;
        cellHeight = -1;
        cellHeights = heights.toArray();
    }
}
