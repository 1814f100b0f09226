package io.github.ucmaworkbench.ui;

import java.awt.Graphics;
import javax.swing.JRootPane;

/**
 * The window's root pane, which can say when it was first painted whole: benchmark 1's second
 * row (issue 14's "window shown") times the real frame's first pixels, not a paint still queued.
 * Event thread.
 */
final class FirstPaintRootPane extends JRootPane {
    private Runnable onFirstPaint;

    FirstPaintRootPane() {
        setOpaque(true); // as JFrame's own root pane
    }

    /** Runs {@code then} once, right after the first paint of the whole pane from now on. */
    void whenFirstPainted(Runnable then) {
        onFirstPaint = then;
    }

    @Override
    public void paint(Graphics g) {
        super.paint(g);
        Runnable then = onFirstPaint;
        java.awt.Rectangle clip = g.getClipBounds();
        // A paint of one dirty child starts at that child, not here; a clip smaller than the pane
        // (a part repainted before the first exposure) is not the window seen whole.
        if (then != null && isShowing() && (clip == null || clip.width >= getWidth() && clip.height >= getHeight())) {
            onFirstPaint = null;
            then.run();
        }
    }
}
