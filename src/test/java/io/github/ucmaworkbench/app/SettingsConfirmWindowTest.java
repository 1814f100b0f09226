package io.github.ucmaworkbench.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ucmaworkbench.ui.ClientPanel;
import io.github.ucmaworkbench.ui.ServerPanel;
import io.github.ucmaworkbench.ui.settings.ConfirmApply;
import io.github.ucmaworkbench.ui.settings.SideSettingsDialog;
import java.nio.file.Files;
import java.time.Duration;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.finder.WindowFinder;
import org.assertj.swing.fixture.DialogFixture;
import org.junit.jupiter.api.Test;

/**
 * Issue 16, items 6 and 12a, in the real window on the real stack: new settings that would end a
 * live call ask first (Cancel keeps the call and what was typed; Apply ends it and the log says
 * so), and a server no one could use is never saved, whatever is selected.
 */
class SettingsConfirmWindowTest extends WindowTest {
    @Override
    protected void onSetUp() {
        open(aWindow().operationTimeout(Duration.ofSeconds(8)));
    }

    @Test
    void newClientSettingsDuringACallAskFirstCancelKeepsItApplyEndsItAndSaysSo() throws Exception {
        signInBothAndListen();
        window.button(ClientPanel.SEND_INVITE).click();
        waitFor(ClientPanel.LOG_NAME, "Session established");
        waitShowingLogs("in a session", () -> window.label(ClientPanel.STATE_NAME).text().endsWith("in a session"));

        window.button(ClientPanel.SETTINGS_NAME).click();
        DialogFixture settings = WindowFinder.findDialog(SideSettingsDialog.CLIENT_DIALOG).withTimeout(5000).using(robot());
        setText(settings.textBox(SideSettingsDialog.URI), "sip:teacher@example.com");
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
        assertThat(app.workbench().clientManager().getRingTimeout()).isEqualTo(Duration.ofSeconds(7));
    }

    @Test
    void aWrongServerIsRefusedInTheFieldEvenUnderTheOwnRegistrar() throws Exception {
        window.button(ServerPanel.SETTINGS_NAME).click();
        DialogFixture settings = WindowFinder.findDialog(SideSettingsDialog.SERVER_DIALOG).withTimeout(5000).using(robot());
        select(settings.radioButton(SideSettingsDialog.EXTERNAL));
        setText(settings.textBox(SideSettingsDialog.SERVER), "host name with spaces");
        select(settings.radioButton(SideSettingsDialog.EMBEDDED));

        settings.button(SideSettingsDialog.OK).requireDisabled();
        assertThat(settings.label(SideSettingsDialog.SERVER + SideSettingsDialog.PROBLEM).text())
                .contains("host name with spaces");
        settings.textBox(SideSettingsDialog.SERVER).requireEnabled(); // so the user can put it right
        settings.button(SideSettingsDialog.OK).click();
        settings.requireVisible();
        assertThat(Files.exists(new SettingsStore(configDir).file())).as("nothing saved").isFalse();

        setText(settings.textBox(SideSettingsDialog.SERVER), "192.0.2.7:5070");
        pressUntilClosed(settings, SideSettingsDialog.OK);
        assertThat(new SettingsStore(configDir).load().settings().server().endpoint().server()).isEqualTo("192.0.2.7:5070");
    }

    private static DialogFixture okUntilAsked(DialogFixture settings) {
        press(settings, SideSettingsDialog.OK);
        return WindowFinder.findDialog(ConfirmApply.DIALOG).withTimeout(5000).using(settings.robot());
    }

    private void signInBothAndListen() {
        app.signInBothAndListen();
    }
}
