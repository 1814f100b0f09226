package io.github.ucmaworkbench.ui;

import io.github.ucmaworkbench.settings.WindowLayout;
import java.awt.Frame;
import java.awt.GraphicsConfiguration;
import java.awt.GraphicsDevice;
import java.awt.GraphicsEnvironment;
import java.awt.Insets;
import java.awt.Rectangle;
import java.awt.Toolkit;
import java.awt.event.ComponentAdapter;
import java.awt.event.ComponentEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.swing.JFrame;

/**
 * Puts the frame where {@link WindowPlacement} says and notes its normal (not maximized) bounds as
 * it moves, so that closing a maximized window remembers the size it goes back to. Event thread only.
 */
final class WindowGeometry {
    private final JFrame frame;
    private Rectangle normalBounds;

    WindowGeometry(JFrame frame) {
        this.frame = frame;
        frame.addComponentListener(new ComponentAdapter() {
            @Override
            public void componentResized(ComponentEvent e) {
                noteNormalBounds();
            }

            @Override
            public void componentMoved(ComponentEvent e) {
                noteNormalBounds();
            }
        });
    }

    private void noteNormalBounds() {
        if (!isMaximized() && frame.isShowing()) {
            normalBounds = frame.getBounds();
        }
    }

    private boolean isMaximized() {
        return (frame.getExtendedState() & Frame.MAXIMIZED_BOTH) == Frame.MAXIMIZED_BOTH;
    }

    /** Places the frame for {@code stored} on {@code screens} (usable bounds, default screen first). */
    void place(WindowLayout stored, List<Rectangle> screens) {
        WindowPlacement.Placement placement = WindowPlacement.initial(stored, screens, frame.getPreferredSize(),
                frame.getMinimumSize());
        frame.setExtendedState(Frame.NORMAL);
        frame.setBounds(placement.bounds());
        normalBounds = placement.bounds();
        if (placement.maximized() && Toolkit.getDefaultToolkit().isFrameStateSupported(Frame.MAXIMIZED_BOTH)) {
            // The bounds above already fit the screen, should the window manager ignore this.
            frame.setExtendedState(Frame.MAXIMIZED_BOTH);
        }
    }

    /** Where the window is now, with {@code dividers}, for the settings. */
    WindowLayout capture(Map<String, Double> dividers) {
        Rectangle normal = normalBounds != null ? normalBounds : frame.getBounds();
        return new WindowLayout(normal.x, normal.y, normal.width, normal.height, isMaximized(), dividers);
    }

    /** Each screen's bounds without its task bars and docks; the default screen first. */
    static List<Rectangle> usableScreens() {
        GraphicsEnvironment environment = GraphicsEnvironment.getLocalGraphicsEnvironment();
        GraphicsDevice primary = environment.getDefaultScreenDevice();
        List<Rectangle> screens = new ArrayList<>();
        screens.add(usable(primary.getDefaultConfiguration()));
        for (GraphicsDevice device : environment.getScreenDevices()) {
            if (device != primary) {
                screens.add(usable(device.getDefaultConfiguration()));
            }
        }
        return screens;
    }

    private static Rectangle usable(GraphicsConfiguration configuration) {
        Rectangle bounds = configuration.getBounds();
        Insets insets = Toolkit.getDefaultToolkit().getScreenInsets(configuration);
        return new Rectangle(bounds.x + insets.left, bounds.y + insets.top,
                bounds.width - insets.left - insets.right, bounds.height - insets.top - insets.bottom);
    }
}
