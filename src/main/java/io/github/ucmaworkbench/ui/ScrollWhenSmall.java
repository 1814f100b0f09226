package io.github.ucmaworkbench.ui;

import java.awt.BorderLayout;
import java.awt.Component;
import java.awt.Dimension;
import java.awt.Insets;
import java.awt.Rectangle;
import javax.swing.BorderFactory;
import javax.swing.JComponent;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JViewport;
import javax.swing.Scrollable;

/**
 * A pane of the window that fills its place while the place is at least the pane's minimum size,
 * and scrolls, instead of cutting off its buttons, once the window is smaller than that. Its
 * minimum size is the pane's, so split panes keep it whole as long as the window allows; when
 * they cannot, this is what keeps every control reachable. Event thread only.
 */
final class ScrollWhenSmall extends JScrollPane {
    private final Holder holder;

    ScrollWhenSmall(String name, JComponent pane) {
        this(new Holder());
        setName(name);
        setPane(pane);
    }

    private ScrollWhenSmall(Holder holder) {
        super(holder, VERTICAL_SCROLLBAR_AS_NEEDED, HORIZONTAL_SCROLLBAR_AS_NEEDED);
        this.holder = holder;
        setBorder(BorderFactory.createEmptyBorder());
        setViewportBorder(null);
        getVerticalScrollBar().setUnitIncrement(16);
        getHorizontalScrollBar().setUnitIncrement(16);
    }

    /** Puts {@code pane} in place of the one shown now. */
    void setPane(JComponent pane) {
        holder.removeAll();
        holder.add(pane, BorderLayout.CENTER);
        holder.revalidate();
        holder.repaint();
    }

    /** The pane shown, or null. */
    Component pane() {
        return holder.getComponentCount() == 0 ? null : holder.getComponent(0);
    }

    /** The pane's own minimum, so a split pane gives it that much while it can. */
    @Override
    public Dimension getMinimumSize() {
        if (isMinimumSizeSet()) {
            return super.getMinimumSize();
        }
        Dimension minimum = holder.getMinimumSize();
        Insets insets = getInsets();
        // Room for the vertical bar too: once the window is short of height it takes that width,
        // and without it a horizontal bar would follow for the sake of a few pixels.
        int bar = getVerticalScrollBar().getPreferredSize().width;
        return new Dimension(minimum.width + bar + insets.left + insets.right, minimum.height + insets.top + insets.bottom);
    }

    @Override
    public Dimension getPreferredSize() {
        if (isPreferredSizeSet()) {
            return super.getPreferredSize();
        }
        Dimension preferred = holder.naturalPreferredSize();
        Insets insets = getInsets();
        return new Dimension(preferred.width + insets.left + insets.right, preferred.height + insets.top + insets.bottom);
    }

    /** True while the pane has less room than its minimum and shows scroll bars. */
    boolean isScrolling() {
        return getHorizontalScrollBar().isShowing() || getVerticalScrollBar().isShowing();
    }

    /** Follows the viewport in each direction in which the viewport is at least the pane's minimum. */
    private static final class Holder extends JPanel implements Scrollable {
        Holder() {
            super(new BorderLayout());
        }

        Dimension naturalPreferredSize() {
            return super.getPreferredSize();
        }

        /** Where it scrolls, the pane is as small as it can be: the scroll bars then cover only what is missing. */
        @Override
        public Dimension getPreferredSize() {
            Dimension natural = super.getPreferredSize();
            if (!(getParent() instanceof JViewport viewport)) {
                return natural;
            }
            Dimension minimum = getMinimumSize();
            return new Dimension(viewport.getWidth() >= minimum.width ? natural.width : minimum.width,
                    viewport.getHeight() >= minimum.height ? natural.height : minimum.height);
        }

        @Override
        public Dimension getPreferredScrollableViewportSize() {
            return naturalPreferredSize();
        }

        @Override
        public int getScrollableUnitIncrement(Rectangle visible, int orientation, int direction) {
            return 16;
        }

        @Override
        public int getScrollableBlockIncrement(Rectangle visible, int orientation, int direction) {
            return Math.max(16, (orientation == javax.swing.SwingConstants.VERTICAL ? visible.height : visible.width) - 32);
        }

        @Override
        public boolean getScrollableTracksViewportWidth() {
            return getParent() instanceof JViewport viewport && viewport.getWidth() >= getMinimumSize().width;
        }

        @Override
        public boolean getScrollableTracksViewportHeight() {
            return getParent() instanceof JViewport viewport && viewport.getHeight() >= getMinimumSize().height;
        }
    }
}
