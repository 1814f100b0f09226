package io.github.ucmaworkbench.app;

import io.github.ucmaworkbench.ui.GuiTest;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;
import org.assertj.swing.fixture.FrameFixture;
import org.junit.jupiter.api.io.TempDir;

/**
 * A GUI test of the real window ({@link WindowFixture}): the test opens it, in {@code onSetUp} or
 * in the test itself, and it is closed after the test whatever happened, before the robot's clean-up.
 */
abstract class WindowTest extends GuiTest {
    @TempDir
    Path configDir;

    /** The opened window; null until {@link #open}. */
    WindowFixture app;
    /** {@code app.window()}, for brevity. */
    FrameFixture window;

    /** A window whose settings live in this test's folder; open it with {@link #open}. */
    WindowFixture.Builder aWindow() {
        return WindowFixture.in(robot(), configDir);
    }

    void open(WindowFixture.Builder builder) {
        app = builder.open();
        window = app.window();
    }

    @Override
    protected void onSetUp() throws Exception {
    }

    /** Closes what {@link #closeOthers} names, then the window and its SIP side, whatever happened. */
    @Override
    protected final void onTearDown() throws Exception {
        try {
            closeOthers();
        } finally {
            if (app != null) {
                app.close();
            }
        }
    }

    /** What the test opened besides the window (a second registrar, students' endpoints): closed first. */
    protected void closeOthers() throws Exception {
    }

    String[] lines(String log) {
        return app.lines(log);
    }

    void waitFor(String log, String line) {
        app.waitFor(log, line);
    }

    void waitShowingLogs(String what, BooleanSupplier condition) {
        app.waitShowingLogs(what, condition);
    }
}
