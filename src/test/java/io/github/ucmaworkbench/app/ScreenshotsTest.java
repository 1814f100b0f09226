package io.github.ucmaworkbench.app;

import io.github.ucmaworkbench.registrar.RegistrarConfig;
import io.github.ucmaworkbench.ui.ClientPanel;
import io.github.ucmaworkbench.ui.ServerPanel;
import io.github.ucmaworkbench.ui.WorkbenchFrame;
import io.github.ucmaworkbench.ui.policy.AcceptPolicyPanel;
import io.github.ucmaworkbench.ui.settings.SideSettingsDialog;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import javax.imageio.ImageIO;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.finder.WindowFinder;
import org.assertj.swing.fixture.DialogFixture;
import org.assertj.swing.fixture.FrameFixture;
import org.assertj.swing.timing.Pause;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Writes the README's pictures of the main states into {@code screenshots/}:
 * <pre>xvfb-run -a -s "-screen 0 1280x1024x24" mvn -B test -Dtest=ScreenshotsTest -Ducma.screenshots=true</pre>
 * Skipped in the normal build. The pictures come from the real window on the real stack, so
 * they show exactly what a class would see.
 */
@EnabledIfSystemProperty(named = "ucma.screenshots", matches = "true")
class ScreenshotsTest extends WindowTest {
    static final Path OUT = Paths.get(System.getProperty("ucma.screenshots.dir", "screenshots"));

    @Override
    protected void onSetUp() {
        // Earlier tests in this JVM (the classroom's fifty students) are not in the README's story.
        io.github.ucmaworkbench.trace.SipTrace.global().clear();
        // Built as Main builds it, lesson view included: the pictures show the app as it ships. Xvfb
        // has no window manager: FlatLaf draws the title bars, so the pictures show the window's
        // title and where a dialog begins, as a desktop would. The registrar on its usual port.
        open(aWindow().registrar(RegistrarConfig.defaults()).asMainShowsIt().decorated()
                .shownAt(new java.awt.Dimension(1280, 860), new java.awt.Point(0, 0)));
    }

    @Test
    void mainStates() throws Exception {
        Files.createDirectories(OUT);
        app.signInBothAndListen();
        capture("signed-in.png");

        window.button(ClientPanel.SEND_INVITE).click();
        waitFor(window, ClientPanel.LOG_NAME, "Session established");
        window.button(ClientPanel.SEND_MESSAGE).click();
        waitFor(window, ServerPanel.LOG_NAME, "Message received");
        capture("call-accepted.png");

        window.button(ClientPanel.HANG_UP).click();
        waitFor(window, ClientPanel.LOG_NAME, "The session was ended.");
        window.comboBox(ServerPanel.POLICY + AcceptPolicyPanel.KIND).selectItem("Reject");
        window.comboBox(ServerPanel.POLICY + AcceptPolicyPanel.REJECTION).selectItem("486 Busy Here");
        waitFor(window, ServerPanel.LOG_NAME, "reject with 486 Busy Here");
        waitUntil("invite allowed", () -> window.button(ClientPanel.SEND_INVITE).target().isEnabled());
        window.button(ClientPanel.SEND_INVITE).click();
        waitFor(window, ClientPanel.LOG_NAME, "refused with 486");
        capture("call-rejected.png");

        window.button(ClientPanel.SETTINGS_NAME).click();
        DialogFixture dialog = WindowFinder.findDialog(SideSettingsDialog.CLIENT_DIALOG).withTimeout(5000).using(robot());
        dialog.textBox(SideSettingsDialog.URI).deleteText().enterText("client.example.com");
        capture("settings-dialog.png");
        dialog.button(SideSettingsDialog.CANCEL).click();

        window.toggleButton(WorkbenchFrame.DARK_THEME).click();
        window.comboBox(ServerPanel.POLICY + AcceptPolicyPanel.KIND).selectItem("Accept all");
        waitFor(window, ServerPanel.LOG_NAME, "accept all");
        window.button(ClientPanel.SEND_INVITE).click();
        waitFor(window, ClientPanel.LOG_NAME, "Session established (");
        capture("dark-theme.png");
        // High contrast, from the View menu, with the INVITE selected: the inspector's header names
        // and the selected ladder row are what the contrast check is about.
        chooseMenuItem(window, WorkbenchFrame.MENU_VIEW_HIGH_CONTRAST);
        GuiActionRunner.execute(() -> {
            io.github.ucmaworkbench.ui.ladder.LadderView ladder = robot().finder().findByType(window.target(),
                    io.github.ucmaworkbench.ui.ladder.LadderView.class, true);
            for (int i = 0; i < ladder.model().size(); i++) {
                if (ladder.model().arrow(i).label().startsWith("INVITE")) {
                    ladder.selectArrow(i);
                    break;
                }
            }
        });
        capture("high-contrast.png");
        chooseMenuItem(window, WorkbenchFrame.MENU_VIEW_LIGHT);
        window.toggleButton(WorkbenchFrame.PRESENTATION_FONT).click();
        capture("presentation-font.png");
        window.toggleButton(WorkbenchFrame.PRESENTATION_FONT).click();
        // The pictures show this window's parties only: no traffic of an earlier test's window
        // (run after ProjectorScreenshotsTest, a sign-out of its client once drew a fourth column).
        java.util.List<String> columns = GuiActionRunner.execute(() -> robot().finder()
                .findByType(window.target(), io.github.ucmaworkbench.ui.ladder.LadderView.class, true).model().columns()
                .stream().map(io.github.ucmaworkbench.trace.ladder.LadderColumn::id).toList());
        org.assertj.core.api.Assertions.assertThat(columns).as("the ladder's columns")
                .containsExactly("sip:client@example.com", "registrar", "sip:server@example.com");
    }

    private void capture(String file) throws Exception {
        capture(window, robot(), file);
    }

    /** Whether this run was asked to write the README's pictures. */
    static boolean wanted() {
        return "true".equals(System.getProperty("ucma.screenshots"));
    }

    /** Writes the window as it is on screen to {@code screenshots/<file>}. */
    static void capture(FrameFixture window, org.assertj.swing.core.Robot robot, String file) throws Exception {
        robot.waitForIdle();
        Pause.pause(400); // one more log drain and the caret blink settle before the picture
        robot.waitForIdle();
        Rectangle bounds = GuiActionRunner.execute(() -> window.target().getBounds());
        BufferedImage image = new Robot().createScreenCapture(bounds);
        write(image, OUT.resolve(file));
    }

    private static void write(BufferedImage image, Path target) throws IOException {
        Path temp = Files.createTempFile(target.getParent(), "shot-", ".png");
        ImageIO.write(image, "png", temp.toFile());
        Files.move(temp, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }


}
