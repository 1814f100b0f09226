package io.github.ucmaworkbench.bench;

import static io.github.ucmaworkbench.testing.ComponentTree.find;
import io.github.ucmaworkbench.app.Main;
import io.github.ucmaworkbench.ui.ServerPanel;
import java.awt.Component;
import java.awt.Frame;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javax.swing.AbstractButton;
import javax.swing.SwingUtilities;

/**
 * Benchmark 5's window: the real workbench started by {@link Main} with the given arguments, then
 * the teacher's two clicks a classroom needs (server Sign in, then Listen), so that students who
 * sign in to the window's registrar can call the window's server. Prints "CLASSROOM ready" once
 * the server listens and stays up like the window does; {@code bench/run.sh} measures this
 * process from outside (/proc, jcmd), so it runs alone on the jar's class path (no test
 * resources, no test libraries). Asserts nothing.
 */
public final class ClassroomWindow {
    private ClassroomWindow() {
    }

    public static void main(String[] args) throws Exception {
        Main.main(args);
        Frame frame = null;
        for (long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(120); frame == null && System.nanoTime() < end; ) {
            frame = showingFrame();
            Thread.sleep(50);
        }
        if (frame == null) {
            fail("the window did not open");
        }
        Frame window = frame;
        awaitEnabled(window, ServerPanel.SIGN_IN, "the server's Sign in button");
        click(window, ServerPanel.SIGN_IN);
        awaitEnabled(window, ServerPanel.LISTEN, "the server signed in");
        click(window, ServerPanel.LISTEN);
        awaitEnabled(window, ServerPanel.STOP_LISTENING, "the server listening");
        System.out.println("CLASSROOM ready: the window's server signed in and listening");
        System.out.flush();
        // The window's event thread keeps the process alive until it is stopped.
    }

    private static void awaitEnabled(Frame frame, String name, String what) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < end) {
            boolean[] enabled = new boolean[1];
            SwingUtilities.invokeAndWait(() -> {
                Component c = find(frame, name);
                enabled[0] = c != null && c.isEnabled();
            });
            if (enabled[0]) {
                return;
            }
            Thread.sleep(50);
        }
        fail("gave up waiting for " + what);
    }

    private static void fail(String why) {
        System.out.println("CLASSROOM " + why);
        System.out.flush();
        System.exit(1);
    }

    private static void click(Frame frame, String name) throws Exception {
        SwingUtilities.invokeAndWait(() -> ((AbstractButton) find(frame, name)).doClick());
    }

    private static Frame showingFrame() {
        for (Frame f : Frame.getFrames()) {
            if (f.isShowing() && "workbench".equals(f.getName())) {
                return f;
            }
        }
        return null;
    }

}
