package io.github.ucmaworkbench.app;

import io.github.ucmaworkbench.registrar.RegistrarConfig;
import io.github.ucmaworkbench.settings.SettingsHolder;
import io.github.ucmaworkbench.settings.Theme;
import io.github.ucmaworkbench.settings.WorkbenchSettings;
import io.github.ucmaworkbench.ui.ClientPanel;
import io.github.ucmaworkbench.ui.GuiTest;
import io.github.ucmaworkbench.ui.ServerPanel;
import io.github.ucmaworkbench.ui.WorkbenchFrame;
import io.github.ucmaworkbench.ui.ladder.LadderView;
import io.github.ucmaworkbench.ui.lesson.LessonView;
import io.github.ucmaworkbench.ui.theme.ThemeSupport;
import java.awt.Rectangle;
import java.nio.file.Files;
import java.nio.file.Path;
import org.assertj.swing.core.GenericTypeMatcher;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.fixture.FrameFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's pictures of the window on a projector: the whole window at 1024×768, the
 * presentation font at 1280×800, and the ladder alone.
 * <pre>xvfb-run -a -s "-screen 0 1280x1024x24" mvn -B test -Dtest=ProjectorScreenshotsTest -Ducma.screenshots=true</pre>
 */
@EnabledIfSystemProperty(named = "ucma.screenshots", matches = "true")
class ProjectorScreenshotsTest extends GuiTest {
    @TempDir
    Path configDir;

    private Workbench workbench;
    private SettingsHolder settings;
    private FrameFixture window;

    @Override
    protected void onSetUp() throws Exception {
        io.github.ucmaworkbench.trace.SipTrace.global().clear();
        settings = new SettingsHolder(new SettingsStore(configDir), WorkbenchSettings.defaults());
        workbench = Workbench.start(settings.get(), RegistrarConfig.defaults());
        WorkbenchFrame frame = GuiActionRunner.execute(() -> {
            ThemeSupport.install(Theme.LIGHT, false);
            javax.swing.JFrame.setDefaultLookAndFeelDecorated(true);
            javax.swing.JDialog.setDefaultLookAndFeelDecorated(true);
            WorkbenchFrame f = Main.show(workbench, settings, null, () -> { });
            f.setBounds(0, 0, 1024, 768); // what a first start on a 1024x768 projector gives
            return f;
        });
        window = new FrameFixture(robot(), frame);
    }

    @Override
    protected void onTearDown() {
        workbench.close();
        GuiActionRunner.execute(() -> {
            javax.swing.JFrame.setDefaultLookAndFeelDecorated(false);
            javax.swing.JDialog.setDefaultLookAndFeelDecorated(false);
        });
    }

    @Test
    void projectorSizes() throws Exception {
        Files.createDirectories(ScreenshotsTest.OUT);
        WorkbenchFrame frame = (WorkbenchFrame) window.target();
        waitUntil("the lesson is in", () -> GuiActionRunner.execute(() -> window.button(LessonView.RUN).target().isShowing()));
        GuiActionRunner.execute(frame::layoutColumns);
        window.button(ClientPanel.SIGN_IN).click();
        window.button(ServerPanel.SIGN_IN).click();
        waitFor(window, ServerPanel.LOG_NAME, "Signed in successfully");
        waitFor(window, ClientPanel.LOG_NAME, "Signed in successfully");
        waitUntil("listen allowed", () -> window.button(ServerPanel.LISTEN).target().isEnabled());
        window.button(ServerPanel.LISTEN).click();
        waitFor(window, ServerPanel.LOG_NAME, "Listening on ");
        window.button(ClientPanel.SEND_INVITE).click();
        waitFor(window, ClientPanel.LOG_NAME, "Session established");
        window.button(ClientPanel.SEND_MESSAGE).click();
        waitFor(window, ServerPanel.LOG_NAME, "Message received");
        ScreenshotsTest.capture(window, robot(), "projector-1024x768.png");

        GuiActionRunner.execute(() -> frame.setBounds(new Rectangle(0, 0, 1280, 800)));
        window.toggleButton(WorkbenchFrame.PRESENTATION_FONT).click();
        ScreenshotsTest.capture(window, robot(), "presentation-font-1280x800.png");

        window.toggleButton(WorkbenchFrame.LADDER_ONLY).click();
        // The inspector beside it, at the presentation font too: the server's INVITE.
        LadderView ladder = robot().finder().find(frame, new GenericTypeMatcher<>(LadderView.class) {
            @Override
            protected boolean isMatching(LadderView view) {
                return true;
            }
        });
        GuiActionRunner.execute(() -> ladder.selectArrow(8));
        ScreenshotsTest.capture(window, robot(), "projector-ladder-only.png");
        window.toggleButton(WorkbenchFrame.LADDER_ONLY).click();
        window.toggleButton(WorkbenchFrame.PRESENTATION_FONT).click();
    }
}
