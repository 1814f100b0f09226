package io.github.ucmaworkbench.app;

import io.github.ucmaworkbench.ui.WorkbenchFrame;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.net.InetSocketAddress;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javax.swing.JFrame;
import javax.swing.JRootPane;
import javax.swing.RepaintManager;
import javax.swing.SwingUtilities;

/**
 * Benchmark 1's finish line ({@code -Ducma.startup.mark=true}): one line once the window is
 * whole, not merely open. Three things must have happened, in any order: the window is open, the
 * lesson column (step text and code) is in it beside the ladder, and the registrar listens (or
 * has said why not). The window is then painted at once, so the line follows real pixels rather
 * than a paint still queued. Event thread, except {@link #registrarReady}.
 */
final class StartupMark {
    static final String PREFIX = "Workbench ready";
    /**
     * Benchmark 1's second row, issue 14's own words ("the window is shown and the registrar
     * listens"): the real frame (toolbar, client and server panels, not a splash) painted whole
     * for the first time, and the registrar listening. Printed before, never instead of, the
     * {@link #PREFIX} line, which waits for the lesson column too.
     */
    static final String SHOWN_PREFIX = "Workbench shown";

    private final Consumer<String> sink;
    private final Supplier<InetSocketAddress> registrarAddress;
    private JFrame frame;
    private boolean opened;
    private boolean painted;
    /** The first whole paint came after the lesson column was in: the window was already seen whole once. */
    private boolean paintedWithLesson;
    private boolean shownFired;
    private boolean lessonShown;
    private int lessons;
    private boolean registrarDone;
    private boolean fired;

    /**
     * @param sink where the line goes (stdout in the app)
     * @param registrarAddress where the registrar listens once ready, null when it did not start
     */
    StartupMark(Consumer<String> sink, Supplier<InetSocketAddress> registrarAddress) {
        this.sink = sink;
        this.registrarAddress = registrarAddress;
    }

    /** The frame to watch; before it is shown. */
    void watch(WorkbenchFrame window) {
        window.whenFirstPainted(() -> {
            painted = true;
            paintedWithLesson = lessonShown;
            fireShownIfReady();
        });
        watch((JFrame) window);
    }

    private void watch(JFrame window) {
        this.frame = window;
        window.addWindowListener(new WindowAdapter() {
            @Override
            public void windowOpened(WindowEvent e) {
                opened = true;
                fireIfWhole();
            }
        });
    }

    /**
     * The lesson column (text, code) has replaced its placeholder, offering {@code lessonCount}
     * lessons: said in the line, as a start without lessons is lighter and not the window a class sees.
     */
    void lessonShown(int lessonCount) {
        lessonShown = true;
        lessons = lessonCount;
        fireIfWhole();
    }

    /** The registrar listens or has failed to start; any thread. */
    void registrarReady() {
        SwingUtilities.invokeLater(() -> {
            registrarDone = true;
            fireShownIfReady();
            fireIfWhole();
        });
    }

    boolean fired() {
        return fired;
    }

    /**
     * " (N ms after main started)": the platform MBeans that give the JVM's uptime are some 40
     * classes this line alone would load, and the process's start instant from /proc is only good
     * to a second. Benchmark 1 times the start from outside; this is for a reader of the line.
     */
    private static String sinceStart() {
        return " (" + (System.nanoTime() - Main.STARTED_NANOS) / 1_000_000 + " ms after main started)";
    }

    private void fireShownIfReady() {
        if (shownFired || !painted || !registrarDone) {
            return;
        }
        shownFired = true;
        sink.accept(SHOWN_PREFIX + ": frame painted (toolbar, client and server panels), " + registrar() + sinceStart());
    }

    private String registrar() {
        InetSocketAddress at = registrarAddress.get();
        return at == null ? "registrar not running" : "registrar listening on " + at;
    }

    private void fireIfWhole() {
        if (fired || !opened || !lessonShown || !registrarDone || !frame.isDisplayable()) {
            return;
        }
        fired = true;
        frame.validate();
        JRootPane root = frame.getRootPane();
        if (paintedWithLesson) {
            // Every pixel was painted once with the lesson column in (the dividers are placed in
            // the first layout, so nothing moved since): what changed since then (the registrar's
            // status, the focus on Sign in) is what the repaint manager holds. Paint that now,
            // not the whole window a second time.
            RepaintManager.currentManager(root).paintDirtyRegions();
        } else {
            root.paintImmediately(0, 0, root.getWidth(), root.getHeight());
        }
        sink.accept(PREFIX + ": window whole (lesson, code and ladder painted), " + lessons + " lessons, "
                + registrar() + sinceStart());
    }
}
