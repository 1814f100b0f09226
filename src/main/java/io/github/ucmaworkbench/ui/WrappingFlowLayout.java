package io.github.ucmaworkbench.ui;

import java.awt.Component;
import java.awt.Container;
import java.awt.Dimension;
import java.awt.FlowLayout;
import java.awt.Insets;

/**
 * A flow layout whose preferred height counts the rows it really wraps into at its container's
 * width, so a toolbar in a narrow window grows a second row instead of cutting off its last
 * buttons (a plain {@link FlowLayout} always reports one row). The container must be revalidated
 * when its width changes; {@link #install} arranges that.
 */
final class WrappingFlowLayout extends FlowLayout {
    WrappingFlowLayout() {
        super(LEADING, 2, 2);
    }

    /** Gives {@code container} this layout and lays it out again whenever its width changes. */
    static void install(Container container) {
        container.setLayout(new WrappingFlowLayout());
        container.addComponentListener(new java.awt.event.ComponentAdapter() {
            private int width = -1;

            @Override
            public void componentResized(java.awt.event.ComponentEvent e) {
                if (container.getWidth() != width) {
                    width = container.getWidth();
                    container.revalidate();
                }
            }
        });
    }

    @Override
    public Dimension preferredLayoutSize(Container target) {
        return size(target, true);
    }

    @Override
    public Dimension minimumLayoutSize(Container target) {
        Dimension minimum = size(target, false);
        minimum.width = 0; // any width: the rows wrap
        return minimum;
    }

    private Dimension size(Container target, boolean preferred) {
        synchronized (target.getTreeLock()) {
            Insets insets = target.getInsets();
            int available = target.getWidth() > 0 ? target.getWidth() - insets.left - insets.right - 2 * getHgap()
                    : Integer.MAX_VALUE;
            int rowWidth = 0;
            int rowHeight = 0;
            int widest = 0;
            int height = 0;
            for (Component c : target.getComponents()) {
                if (!c.isVisible()) {
                    continue;
                }
                Dimension d = preferred ? c.getPreferredSize() : c.getMinimumSize();
                if (rowWidth > 0 && rowWidth + getHgap() + d.width > available) {
                    widest = Math.max(widest, rowWidth);
                    height += rowHeight + getVgap();
                    rowWidth = 0;
                    rowHeight = 0;
                }
                rowWidth += (rowWidth > 0 ? getHgap() : 0) + d.width;
                rowHeight = Math.max(rowHeight, d.height);
            }
            widest = Math.max(widest, rowWidth);
            height += rowHeight;
            return new Dimension(widest + insets.left + insets.right + 2 * getHgap(),
                    height + insets.top + insets.bottom + 2 * getVgap());
        }
    }
}
