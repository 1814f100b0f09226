package io.github.ucmaworkbench.ui;

import io.github.ucmaworkbench.settings.WindowLayout;
import java.awt.Dimension;
import java.awt.Rectangle;
import java.util.List;

/**
 * Where the window opens, worked out without Swing so it can be tested for any screen: the
 * remembered bounds when they still fit a screen (moved and shrunk onto it when they do not, so a
 * monitor that went away never hides the window), else the preferred size centred, or the whole
 * usable screen, maximized, when the screen is smaller than that (a 1024×768 projector).
 */
final class WindowPlacement {
    /** How the window opens: its normal bounds and whether it is maximized over them. */
    record Placement(Rectangle bounds, boolean maximized) {
    }

    private WindowPlacement() {
    }

    /**
     * @param stored    what the settings remember
     * @param screens   the usable bounds (without task bars) of every screen; the first is the default one
     * @param preferred the size the window likes on a large screen
     * @param minimum   the smallest size the window keeps
     */
    static Placement initial(WindowLayout stored, List<Rectangle> screens, Dimension preferred, Dimension minimum) {
        if (stored != null && stored.hasBounds()) {
            Rectangle wanted = new Rectangle(stored.x(), stored.y(), stored.width(), stored.height());
            return new Placement(clamp(wanted, bestScreen(wanted, screens), minimum), stored.maximized());
        }
        Rectangle screen = screens.get(0);
        if (preferred.width >= screen.width || preferred.height >= screen.height) {
            return new Placement(new Rectangle(screen), true);
        }
        return new Placement(new Rectangle(screen.x + (screen.width - preferred.width) / 2,
                screen.y + (screen.height - preferred.height) / 2, preferred.width, preferred.height), false);
    }

    /** The screen most of {@code wanted} lies on; the default screen when it lies on none. */
    static Rectangle bestScreen(Rectangle wanted, List<Rectangle> screens) {
        Rectangle best = screens.get(0);
        long bestArea = 0;
        for (Rectangle screen : screens) {
            Rectangle common = screen.intersection(wanted);
            long area = common.isEmpty() ? 0 : (long) common.width * common.height;
            if (area > bestArea) {
                best = screen;
                bestArea = area;
            }
        }
        return best;
    }

    /** {@code wanted} no larger than {@code screen} (nor smaller than {@code minimum} where it fits) and wholly on it. */
    static Rectangle clamp(Rectangle wanted, Rectangle screen, Dimension minimum) {
        int width = Math.min(Math.max(wanted.width, Math.min(minimum.width, screen.width)), screen.width);
        int height = Math.min(Math.max(wanted.height, Math.min(minimum.height, screen.height)), screen.height);
        int x = Math.max(screen.x, Math.min(wanted.x, screen.x + screen.width - width));
        int y = Math.max(screen.y, Math.min(wanted.y, screen.y + screen.height - height));
        return new Rectangle(x, y, width, height);
    }
}
