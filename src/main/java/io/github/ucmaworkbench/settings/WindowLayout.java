package io.github.ucmaworkbench.settings;

import java.util.Map;
import java.util.TreeMap;

/**
 * Where the window was when it last closed: its normal (not maximized) bounds, whether it was
 * maximized, and each split pane's divider as a share of its pane. Shares rather than pixels, so a
 * layout saved on a large monitor still makes sense on a projector. Never a reason to refuse a
 * settings file: the frame clamps what it finds to the screen it opens on, and a value that makes
 * no sense is simply not used.
 *
 * @param x         left edge of the normal bounds, in screen coordinates
 * @param y         top edge of the normal bounds
 * @param width     width of the normal bounds; 0 when nothing was saved yet
 * @param height    height of the normal bounds; 0 when nothing was saved yet
 * @param maximized whether the window was maximized
 * @param dividers  split pane name to divider share (0..1)
 */
public record WindowLayout(int x, int y, int width, int height, boolean maximized, Map<String, Double> dividers) {

    /** Nothing saved yet: the window fits itself to the screen. */
    public static final WindowLayout UNSET = new WindowLayout(0, 0, 0, 0, false, Map.of());

    public WindowLayout {
        Map<String, Double> valid = new TreeMap<>();
        if (dividers != null) {
            dividers.forEach((name, share) -> {
                if (name != null && share != null && share > 0 && share < 1) {
                    valid.put(name, share);
                }
            });
        }
        dividers = Map.copyOf(valid);
    }

    /** True when bounds were saved (a positive size). */
    public boolean hasBounds() {
        return width > 0 && height > 0;
    }

    public WindowLayout withBounds(int newX, int newY, int newWidth, int newHeight, boolean nowMaximized) {
        return new WindowLayout(newX, newY, newWidth, newHeight, nowMaximized, dividers);
    }

    public WindowLayout withDividers(Map<String, Double> newDividers) {
        return new WindowLayout(x, y, width, height, maximized, newDividers);
    }
}
