package io.github.ucmaworkbench.app;

import io.github.ucmaworkbench.lessons.LessonLibrary;
import io.github.ucmaworkbench.lessons.LessonProgressStore;
import io.github.ucmaworkbench.registrar.RegistrarConfig;
import io.github.ucmaworkbench.settings.SettingsHolder;
import io.github.ucmaworkbench.settings.Theme;
import io.github.ucmaworkbench.trace.SipTrace;
import io.github.ucmaworkbench.settings.WorkbenchSettings;
import io.github.ucmaworkbench.ui.ClientPanel;
import io.github.ucmaworkbench.ui.ServerPanel;
import io.github.ucmaworkbench.ui.WorkbenchFrame;
import io.github.ucmaworkbench.ui.exercise.HomeworkTabs;
import io.github.ucmaworkbench.ui.log.ProgressLogPanel;
import io.github.ucmaworkbench.ui.theme.ThemeSupport;
import java.awt.Dimension;
import java.awt.Point;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import javax.swing.JDialog;
import javax.swing.JFrame;
import org.assertj.swing.core.Robot;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.fixture.FrameFixture;
import org.assertj.swing.timing.Condition;
import org.assertj.swing.timing.Pause;
import org.assertj.swing.timing.Timeout;

/**
 * The real window on the real stack for a GUI test: settings in the test's own folder, a real
 * {@link Workbench} (embedded registrar on loopback, any free port), the frame built as the app
 * builds it, and a {@link FrameFixture} on it. {@link #close()} disposes the window (and with it
 * its lesson engine and ladder, which follow the global trace) and stops the registrar and both
 * endpoints, waiting until they are closed; opening one clears the global trace, so a window's
 * ladder never shows an earlier test's messages. Open one with {@link #in}{@code (...).open()}.
 */
final class WindowFixture implements AutoCloseable {
    /** How long a window test waits for a SIP outcome: several operation timeouts on a loaded machine. */
    static final long WAIT_MILLIS = 20_000;

    private final Path configDir;
    private final SettingsHolder settings;
    private final Workbench workbench;
    private final WorkbenchFrame frame;
    private final FrameFixture window;
    private final boolean decorated;
    private final boolean configDirProperty;

    private WindowFixture(Builder b, Workbench workbench, WorkbenchFrame frame) {
        this.configDir = b.configDir;
        this.settings = b.holder;
        this.workbench = workbench;
        this.frame = frame;
        this.window = new FrameFixture(b.robot, frame);
        this.decorated = b.decorated;
        this.configDirProperty = b.configDirProperty;
    }

    /** A window whose settings (and lesson progress) live in {@code configDir}. */
    static Builder in(Robot robot, Path configDir) {
        return new Builder(robot, configDir);
    }

    static final class Builder {
        private final Robot robot;
        private final Path configDir;
        private WorkbenchSettings initial = WorkbenchSettings.defaults();
        private RegistrarConfig registrar = RegistrarConfig.builder()
                .bindAddress(InetAddress.getLoopbackAddress()).port(0).build();
        private Duration operationTimeout;
        private Runnable onClosed = () -> { };
        private boolean asMainShowsIt;
        private boolean decorated;
        private Dimension size = new Dimension(1280, 900);
        private Point location;
        private Consumer<WorkbenchFrame> placement;
        private SettingsHolder holder;
        private Path progressFile;
        private boolean configDirProperty;

        private Builder(Robot robot, Path configDir) {
            this.robot = robot;
            this.configDir = configDir;
        }

        Builder settings(WorkbenchSettings settings) {
            this.initial = settings;
            return this;
        }

        Builder registrar(RegistrarConfig config) {
            this.registrar = config;
            return this;
        }

        Builder operationTimeout(Duration timeout) {
            this.operationTimeout = timeout;
            return this;
        }

        /** Run once the window has closed by its own close sequence (Close, Ctrl+Q). */
        Builder onClosed(Runnable closed) {
            this.onClosed = closed;
            return this;
        }

        /**
         * Built as Main builds it: ladder, lesson column (lessons from {@code lessons/}, progress in
         * the config folder) and homework; {@link #open} waits until the lesson column is in, so no
         * click lands while it moves the side panels.
         */
        Builder asMainShowsIt() {
            this.asMainShowsIt = true;
            return this;
        }

        /** Lesson progress kept in {@code file} instead of beside settings.json. */
        Builder progressIn(Path file) {
            this.progressFile = file;
            return this;
        }

        /** While the window is open, the app's config folder is the test's, as {@code --config-dir} makes it. */
        Builder configDirProperty() {
            this.configDirProperty = true;
            return this;
        }

        /** FlatLaf draws the title bars (Xvfb has no window manager): for the README's pictures. */
        Builder decorated() {
            this.decorated = true;
            return this;
        }

        /** Shown at this size, then moved to {@code location} (the top left corner, for most tests). */
        Builder shownAt(Dimension size, Point location) {
            this.size = size;
            this.location = location;
            return this;
        }

        /** Not resized by the fixture: {@code place} sets the bounds (a first start on a small screen). */
        Builder placed(Consumer<WorkbenchFrame> place) {
            this.placement = place;
            this.size = null;
            return this;
        }

        WindowFixture open() {
            if (configDirProperty) {
                System.setProperty(LessonProgressStore.CONFIG_DIR_PROPERTY, configDir.toString());
            }
            holder = new SettingsHolder(new SettingsStore(configDir), initial);
            // The previous window's endpoints are closed (see close()); what they traced is theirs.
            SipTrace.global().clear();
            Workbench workbench = Workbench.start(holder.get(), registrar);
            WindowFixture opened;
            try {
                if (operationTimeout != null) {
                    workbench.setOperationTimeout(operationTimeout);
                }
                WorkbenchFrame frame = GuiActionRunner.execute(() -> build(workbench));
                opened = new WindowFixture(this, workbench, frame);
            } catch (RuntimeException | Error e) {
                workbench.close();
                if (configDirProperty) {
                    System.clearProperty(LessonProgressStore.CONFIG_DIR_PROPERTY);
                }
                throw e;
            }
            try {
                opened.show(size, location);
                if (asMainShowsIt) {
                    opened.waitForTheLessonColumn();
                }
                robot.waitForIdle();
                return opened;
            } catch (RuntimeException | Error e) {
                opened.close(); // the test never gets it, so it could not close it
                throw e;
            }
        }

        private WorkbenchFrame build(Workbench workbench) {
            ThemeSupport.install(Theme.LIGHT, false);
            if (decorated) {
                JFrame.setDefaultLookAndFeelDecorated(true);
                JDialog.setDefaultLookAndFeelDecorated(true);
            }
            WorkbenchFrame frame = asMainShowsIt
                    ? Main.show(workbench, holder, LessonLibrary.loadOrReport(),
                            new LessonProgressStore(progressFile != null ? progressFile
                                    : configDir.resolve(LessonProgressStore.FILE_NAME)), null, onClosed)
                    : new WorkbenchFrame(workbench, holder, onClosed);
            if (placement != null) {
                placement.accept(frame);
            }
            return frame;
        }
    }

    private void show(Dimension size, Point location) {
        if (size != null) {
            window.show(size);
        }
        if (location != null) {
            window.moveTo(location);
        }
    }

    private void waitForTheLessonColumn() {
        Pause.pause(new Condition("the lesson column is in") {
            @Override
            public boolean test() {
                return GuiActionRunner.execute(() -> !window.robot().finder()
                        .findAll(frame, c -> HomeworkTabs.NAME.equals(c.getName()) && c.isShowing()).isEmpty());
            }
        }, Timeout.timeout(WAIT_MILLIS));
    }

    Path configDir() {
        return configDir;
    }

    SettingsHolder settings() {
        return settings;
    }

    Workbench workbench() {
        return workbench;
    }

    WorkbenchFrame frame() {
        return frame;
    }

    FrameFixture window() {
        return window;
    }

    /** Signs both sides in, starts listening, and waits until the client may invite. */
    void signInBothAndListen() {
        window.button(ClientPanel.SIGN_IN).click();
        window.button(ServerPanel.SIGN_IN).click();
        waitFor(ClientPanel.LOG_NAME, "Signed in successfully");
        waitFor(ServerPanel.LOG_NAME, "Signed in successfully");
        waitShowingLogs("server may listen", () -> window.button(ServerPanel.LISTEN).target().isEnabled());
        window.button(ServerPanel.LISTEN).click();
        waitFor(ServerPanel.LOG_NAME, "Listening on ");
        waitShowingLogs("client may invite", () -> window.button(ClientPanel.SEND_INVITE).target().isEnabled());
    }

    /** The lines of the progress log named {@code log} ({@link ClientPanel#LOG_NAME} or {@link ServerPanel#LOG_NAME}). */
    String[] lines(String log) {
        return window.list(log + ProgressLogPanel.LIST).contents();
    }

    /** Waits until {@code log} has a line containing {@code line}; a timeout prints both logs. */
    void waitFor(String log, String line) {
        waitShowingLogs(log + " shows \"" + line + "\"", () -> Arrays.stream(lines(log)).anyMatch(l -> l.contains(line)));
    }

    /** Waits until {@code condition} holds; a timeout prints both logs, which is what explains it. */
    void waitShowingLogs(String what, BooleanSupplier condition) {
        Pause.pause(new Condition(what) {
            @Override
            public boolean test() {
                return condition.getAsBoolean();
            }

            @Override
            protected String descriptionAddendum() {
                return "\nclient log:\n" + String.join("\n", lines(ClientPanel.LOG_NAME))
                        + "\nserver log:\n" + String.join("\n", lines(ServerPanel.LOG_NAME));
            }
        }, Timeout.timeout(WAIT_MILLIS));
    }

    /**
     * Waits until the client has closed too: {@link Workbench#close} waits only a moment for its
     * sign-out, and a sign-out still retransmitting reached the next test's registrar on the same
     * port, whose ladder then drew a column "outside this process".
     */
    private void awaitEndpointsClosed() {
        try {
            if (!workbench.awaitClosed(WAIT_MILLIS)) {
                throw new AssertionError("the window's client did not close within " + WAIT_MILLIS + " ms");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Disposes the window (its lesson engine and ladder stop following the trace), then stops the
     * SIP side and waits until its endpoints are closed, so the next test sees none of their traffic.
     */
    @Override
    public void close() {
        try {
            GuiActionRunner.execute(frame::dispose);
            if (decorated) {
                GuiActionRunner.execute(() -> {
                    JFrame.setDefaultLookAndFeelDecorated(false);
                    JDialog.setDefaultLookAndFeelDecorated(false);
                });
            }
        } finally {
            workbench.close();
            awaitEndpointsClosed();
            if (configDirProperty) {
                System.clearProperty(LessonProgressStore.CONFIG_DIR_PROPERTY);
            }
        }
    }
}
