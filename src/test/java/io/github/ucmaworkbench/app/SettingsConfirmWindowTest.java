package io.github.ucmaworkbench.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ucmaworkbench.registrar.RegistrarConfig;
import io.github.ucmaworkbench.settings.SettingsHolder;
import io.github.ucmaworkbench.settings.Theme;
import io.github.ucmaworkbench.settings.WorkbenchSettings;
import io.github.ucmaworkbench.ui.ClientPanel;
import io.github.ucmaworkbench.ui.GuiTest;
import io.github.ucmaworkbench.ui.ServerPanel;
import io.github.ucmaworkbench.ui.WorkbenchFrame;
import io.github.ucmaworkbench.ui.settings.ConfirmApply;
import io.github.ucmaworkbench.ui.settings.SideSettingsDialog;
import io.github.ucmaworkbench.ui.theme.ThemeSupport;
import java.awt.Dimension;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.finder.WindowFinder;
import org.assertj.swing.fixture.DialogFixture;
import org.assertj.swing.fixture.FrameFixture;
import org.assertj.swing.timing.Timeout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16, items 6 and 12a, in the real window on the real stack: new settings that would end a
 * live call ask first (Cancel keeps the call and what was typed; Apply ends it and the log says
 * so), and a server no one could use is never saved, whatever is selected.
 */
class SettingsConfirmWindowTest extends GuiTest {
    @TempDir
    Path configDir;

    private Workbench workbench;
    private FrameFixture window;

    @Override
    protected void onSetUp() {
        SettingsHolder settings = new SettingsHolder(new SettingsStore(configDir), WorkbenchSettings.defaults());
        workbench = Workbench.start(settings.get(), RegistrarConfig.builder()
                .bindAddress(InetAddress.getLoopbackAddress()).port(0).build());
        workbench.setOperationTimeout(Duration.ofSeconds(8));
        WorkbenchFrame frame = GuiActionRunner.execute(() -> {
            ThemeSupport.install(Theme.LIGHT, false);
            return new WorkbenchFrame(workbench, settings, () -> { });
        });
        window = new FrameFixture(robot(), frame);
        window.show(new Dimension(1280, 900));
    }

    @Override
    protected void onTearDown() {
        workbench.close();
    }

    @Test
    void newClientSettingsDuringACallAskFirstCancelKeepsItApplyEndsItAndSaysSo() throws Exception {
        signInBothAndListen();
        window.button(ClientPanel.SEND_INVITE).click();
        waitFor(ClientPanel.LOG_NAME, "Session established");
        waitShowingLogs("in a session", () -> window.label(ClientPanel.STATE_NAME).text().endsWith("in a session"));

        window.button(ClientPanel.SETTINGS_NAME).click();
        DialogFixture settings = WindowFinder.findDialog(SideSettingsDialog.CLIENT_DIALOG).withTimeout(5000).using(robot());
        settings.textBox(SideSettingsDialog.URI).deleteText().enterText("sip:teacher@example.com")
                .requireText("sip:teacher@example.com");
        DialogFixture confirm = okUntilAsked(settings);
        confirm.label(ConfirmApply.QUESTION).requireText("This ends the call. Apply?");

        pressUntilClosed(confirm, ConfirmApply.CANCEL);
        settings.requireVisible();
        settings.textBox(SideSettingsDialog.URI).requireText("sip:teacher@example.com");
        assertThat(window.label(ClientPanel.STATE_NAME).text()).endsWith("in a session");
        assertThat(Files.exists(new SettingsStore(configDir).file())).as("nothing saved on Cancel").isFalse();
        assertThat(lines(ServerPanel.LOG_NAME)).noneMatch(l -> l.contains("closed by the other side"));

        confirm = okUntilAsked(settings);
        pressUntilClosed(confirm, ConfirmApply.APPLY);
        waitShowingLogs("settings dialog closed", () -> !GuiActionRunner.execute(() -> settings.target().isShowing()));
        window.focus();
        waitFor(ClientPanel.LOG_NAME, "Settings applied: the call was ended, signed out as sip:client@example.com,"
                + " signing in again as sip:teacher@example.com.");
        waitFor(ServerPanel.LOG_NAME, "The session was closed by the other side");
        waitShowingLogs("signed in again with the new URI", () -> window.label(ClientPanel.STATE_NAME).text().equals("Signed in")
                && window.label(ClientPanel.URI_NAME).text().contains("sip:teacher@example.com"));
        assertThat(new SettingsStore(configDir).load().settings().client().endpoint().uri()).isEqualTo("sip:teacher@example.com");
    }

    @Test
    void aNewRingTimeoutDuringACallRebuildsNothingAndAsksNothing() throws Exception {
        signInBothAndListen();
        window.button(ClientPanel.SEND_INVITE).click();
        waitFor(ClientPanel.LOG_NAME, "Session established");

        window.button(ClientPanel.SETTINGS_NAME).click();
        DialogFixture settings = WindowFinder.findDialog(SideSettingsDialog.CLIENT_DIALOG).withTimeout(5000).using(robot());
        // Set, not typed: a keystroke lost under a busy Xvfb is not what this test is about.
        GuiActionRunner.execute(() -> settings.textBox(SideSettingsDialog.RING_TIMEOUT).target().setText("7"));
        settings.button(SideSettingsDialog.OK).requireEnabled();
        pressUntilClosed(settings, SideSettingsDialog.OK); // no question: the call is not at stake
        window.focus();

        waitFor(ClientPanel.LOG_NAME, "Settings applied: invites go to sip:server@example.com and may ring 7 s;"
                + " the sign-in is left as it was.");
        assertThat(window.label(ClientPanel.STATE_NAME).text()).isEqualTo("Signed in · in a session");
        assertThat(lines(ServerPanel.LOG_NAME)).noneMatch(l -> l.contains("closed by the other side"));
        assertThat(new SettingsStore(configDir).load().settings().client().ringTimeoutSeconds()).isEqualTo(7);
        assertThat(workbench.clientManager().getRingTimeout()).isEqualTo(Duration.ofSeconds(7));
    }

    @Test
    void aWrongServerIsRefusedInTheFieldEvenUnderTheOwnRegistrar() throws Exception {
        window.button(ServerPanel.SETTINGS_NAME).click();
        DialogFixture settings = WindowFinder.findDialog(SideSettingsDialog.SERVER_DIALOG).withTimeout(5000).using(robot());
        settings.radioButton(SideSettingsDialog.EXTERNAL).click();
        settings.textBox(SideSettingsDialog.SERVER).deleteText().enterText("host name with spaces");
        settings.radioButton(SideSettingsDialog.EMBEDDED).click();

        settings.button(SideSettingsDialog.OK).requireDisabled();
        assertThat(settings.label(SideSettingsDialog.SERVER + SideSettingsDialog.PROBLEM).text())
                .contains("host name with spaces");
        settings.textBox(SideSettingsDialog.SERVER).requireEnabled(); // so the user can put it right
        settings.button(SideSettingsDialog.OK).click();
        settings.requireVisible();
        assertThat(Files.exists(new SettingsStore(configDir).file())).as("nothing saved").isFalse();

        settings.textBox(SideSettingsDialog.SERVER).deleteText().enterText("192.0.2.7:5070");
        pressUntilClosed(settings, SideSettingsDialog.OK);
        assertThat(new SettingsStore(configDir).load().settings().server().endpoint().server()).isEqualTo("192.0.2.7:5070");
    }

    private static DialogFixture okUntilAsked(DialogFixture settings) {
        press(settings, SideSettingsDialog.OK);
        return WindowFinder.findDialog(ConfirmApply.DIALOG).withTimeout(5000).using(settings.robot());
    }

    /**
     * Presses a dialog button the way Space does, without a mouse: under Xvfb with no window manager
     * a robot click on a dialog just shown sometimes lands beside the button (seen as a dialog closed
     * by its Cancel), which is not what these tests are about. Queued, since OK may open a modal question.
     */
    private static void press(DialogFixture dialog, String button) {
        javax.swing.JButton target = dialog.button(button).requireEnabled().target();
        javax.swing.SwingUtilities.invokeLater(target::doClick);
    }

    private static void pressUntilClosed(DialogFixture dialog, String button) {
        press(dialog, button);
        waitUntil("the dialog closed", () -> !GuiActionRunner.execute(() -> dialog.target().isShowing()));
    }

    private void signInBothAndListen() {
        window.button(ClientPanel.SIGN_IN).click();
        window.button(ServerPanel.SIGN_IN).click();
        waitFor(ClientPanel.LOG_NAME, "Signed in successfully");
        waitFor(ServerPanel.LOG_NAME, "Signed in successfully");
        waitShowingLogs("server may listen", () -> window.button(ServerPanel.LISTEN).target().isEnabled());
        window.button(ServerPanel.LISTEN).click();
        waitFor(ServerPanel.LOG_NAME, "Listening on ");
        waitShowingLogs("client may invite", () -> window.button(ClientPanel.SEND_INVITE).target().isEnabled());
    }

    private String[] lines(String log) {
        return new WindowLogs(window).lines(log);
    }

    private void waitFor(String log, String line) {
        new WindowLogs(window).waitFor(log, line);
    }

    private void waitShowingLogs(String what, BooleanSupplier condition) {
        new WindowLogs(window).waitShowingLogs(what, condition);
    }
}
