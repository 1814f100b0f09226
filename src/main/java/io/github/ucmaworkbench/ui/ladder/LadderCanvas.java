package io.github.ucmaworkbench.ui.ladder;

import io.github.ucmaworkbench.trace.ladder.LadderArrow;
import java.awt.Dimension;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.event.MouseEvent;
import javax.swing.JComponent;
import javax.swing.JViewport;
import javax.swing.Scrollable;
import javax.swing.SwingConstants;

/**
 * The scrolling body of the ladder. It paints only the rows inside the clip, so its cost follows
 * the window's height, not the trace's length.
 */
final class LadderCanvas extends JComponent implements Scrollable {
    private final LadderView view;

    LadderCanvas(LadderView view) {
        this.view = view;
        setOpaque(true);
        setFocusable(true);
        setToolTipText("");
    }

    LadderGeometry geometry() {
        return new LadderGeometry(view.model().columns().size(), getWidth());
    }

    @Override
    protected void paintComponent(Graphics graphics) {
        Graphics2D g = (Graphics2D) graphics.create();
        try {
            Rectangle clip = g.getClipBounds();
            if (clip == null) {
                clip = new Rectangle(0, 0, getWidth(), getHeight());
            }
            int rowCount = view.rowCount();
            int first = Math.max(0, LadderGeometry.rowAt(clip.y));
            int last = Math.min(rowCount - 1, LadderGeometry.rowAt(clip.y + clip.height));
            LadderPainter.paintRows(g, view.scene(), geometry(), view.palette(), getFont(), getWidth(),
                    clip.y, clip.y + clip.height, first, last);
        } finally {
            g.dispose();
        }
    }

    /** The row under a point, or -1. */
    int rowAt(int y) {
        int row = LadderGeometry.rowAt(y);
        return row >= 0 && row < view.rowCount() ? row : -1;
    }

    /** The bounds of a row, for scrolling and for tests that click it. */
    Rectangle rowBounds(int row) {
        return new Rectangle(0, LadderGeometry.rowTop(row), Math.max(getWidth(), 1), LadderGeometry.ROW_HEIGHT);
    }

    @Override
    public String getToolTipText(MouseEvent event) {
        int row = rowAt(event.getY());
        if (row < 0) {
            return null;
        }
        LadderArrow arrow = view.model().arrow(view.rowArrow(row));
        return "<html><b>" + escape(arrow.primary().firstLine()) + "</b><br>Call-ID " + escape(arrow.callId())
                + "<br>" + escape(arrow.sourceAddress()) + " \u2192 " + escape(arrow.destinationAddress()) + " "
                + arrow.transport() + (arrow.isRetransmission() ? "<br><i>retransmission</i>" : "") + "</html>";
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    @Override
    public Dimension getPreferredSize() {
        int columns = view.model().columns().size();
        return new Dimension(LadderGeometry.minimumWidth(columns), LadderGeometry.height(view.rowCount()));
    }

    @Override
    public Dimension getPreferredScrollableViewportSize() {
        return new Dimension(LadderGeometry.preferredWidth(view.model().columns().size()), 10 * LadderGeometry.ROW_HEIGHT);
    }

    @Override
    public int getScrollableUnitIncrement(Rectangle visible, int orientation, int direction) {
        return orientation == SwingConstants.VERTICAL ? LadderGeometry.ROW_HEIGHT : 20;
    }

    @Override
    public int getScrollableBlockIncrement(Rectangle visible, int orientation, int direction) {
        return orientation == SwingConstants.VERTICAL
                ? Math.max(LadderGeometry.ROW_HEIGHT, visible.height - LadderGeometry.ROW_HEIGHT)
                : Math.max(20, visible.width - 40);
    }

    @Override
    public boolean getScrollableTracksViewportWidth() {
        return getParent() instanceof JViewport viewport && viewport.getWidth() >= getPreferredSize().width;
    }

    @Override
    public boolean getScrollableTracksViewportHeight() {
        return getParent() instanceof JViewport viewport && viewport.getHeight() > getPreferredSize().height;
    }
}
