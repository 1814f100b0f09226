package io.github.ucmaworkbench.ui.ladder;

import java.awt.Dimension;
import java.awt.Graphics;
import java.awt.Graphics2D;
import javax.swing.JComponent;

/** The parties' names above their lifelines; stays put while the ladder scrolls down. */
final class LadderColumnHeader extends JComponent {
    private final LadderView view;
    private final LadderCanvas canvas;

    LadderColumnHeader(LadderView view, LadderCanvas canvas) {
        this.view = view;
        this.canvas = canvas;
        setOpaque(true);
    }

    @Override
    public Dimension getPreferredSize() {
        return new Dimension(canvas.getPreferredSize().width, LadderGeometry.HEADER_HEIGHT);
    }

    @Override
    protected void paintComponent(Graphics graphics) {
        Graphics2D g = (Graphics2D) graphics.create();
        try {
            LadderGeometry geo = new LadderGeometry(view.model().columns().size(), canvas.getWidth());
            LadderPainter.paintHeader(g, view.model().columns(), geo, view.palette(), getFont(),
                    Math.max(getWidth(), canvas.getWidth()), getHeight());
        } finally {
            g.dispose();
        }
    }
}
