package io.github.ucmaworkbench.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.formdev.flatlaf.FlatLaf;
import io.github.ucmaworkbench.app.SettingsStore;
import io.github.ucmaworkbench.rtc.RegistrationState;
import io.github.ucmaworkbench.settings.AcceptPolicySettings;
import io.github.ucmaworkbench.settings.SettingsHolder;
import io.github.ucmaworkbench.settings.Theme;
import io.github.ucmaworkbench.settings.WorkbenchSettings;
import io.github.ucmaworkbench.ui.log.ProgressLogPanel;
import io.github.ucmaworkbench.ui.policy.AcceptPolicyPanel;
import io.github.ucmaworkbench.ui.settings.SideSettingsDialog;
import io.github.ucmaworkbench.ui.theme.ThemeSupport;
import java.awt.Dimension;
import java.nio.file.Path;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.finder.WindowFinder;
import org.assertj.swing.fixture.DialogFixture;
import org.assertj.swing.fixture.FrameFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkbenchFrameTest extends GuiTest {
    @TempDir
    Path configDir;

    private FakeWorkbench model;
    private SettingsHolder settings;
    private FrameFixture window;

    @Override
    protected void onSetUp() {
        model = new FakeWorkbench();
        settings = new SettingsHolder(new SettingsStore(configDir), WorkbenchSettings.defaults());
        WorkbenchFrame frame = GuiActionRunner.execute(() -> {
            ThemeSupport.install(Theme.LIGHT, false);
            return new WorkbenchFrame(model, settings, () -> { });
        });
        window = new FrameFixture(robot(), frame);
        window.show(new Dimension(1280, 900));
    }

    @Test
    void buttonsAreEnabledOnlyWhenLegalThroughAWholeFlow() {
        window.button(ClientPanel.SIGN_IN).requireEnabled();
        window.button(ClientPanel.SIGN_OUT).requireDisabled();
        window.button(ClientPanel.SEND_INVITE).requireDisabled();
        window.button(ClientPanel.HANG_UP).requireDisabled();
        window.button(ClientPanel.SEND_MESSAGE).requireDisabled();
        window.button(ServerPanel.LISTEN).requireDisabled();
        window.button(ServerPanel.STOP_LISTENING).requireDisabled();

        window.button(ClientPanel.SIGN_IN).click();
        waitUntil("client signed in", () -> window.button(ClientPanel.SIGN_OUT).target().isEnabled());
        window.button(ClientPanel.SIGN_IN).requireDisabled();
        window.button(ClientPanel.SEND_INVITE).requireEnabled();
        window.label(ClientPanel.STATE_NAME).requireText("Signed in");

        window.button(ServerPanel.SIGN_IN).click();
        waitUntil("server may listen once signed in", () -> window.button(ServerPanel.LISTEN).target().isEnabled());
        window.button(ServerPanel.LISTEN).click();
        waitUntil("server listening", () -> window.button(ServerPanel.STOP_LISTENING).target().isEnabled());
        window.button(ServerPanel.LISTEN).requireDisabled();
        waitUntil("status counts both", () -> window.label(WorkbenchFrame.REGISTRAR_STATUS).text().contains("2 signed in"));

        window.button(ClientPanel.SEND_INVITE).click();
        waitUntil("invite pending", () -> window.button(ClientPanel.HANG_UP).target().isEnabled());
        window.button(ClientPanel.SEND_INVITE).requireDisabled();
        window.label(ClientPanel.PENDING_NAME + PendingIndicator.LABEL).requireVisible();
        assertThat(window.label(ClientPanel.PENDING_NAME + PendingIndicator.LABEL).text())
                .startsWith("Waiting for the server to answer the INVITE").matches(".*\\d+ s left");
        assertThat(model.client.lastSynchronous).isFalse();

        model.client.answered();
        waitUntil("message allowed once connected", () -> window.button(ClientPanel.SEND_MESSAGE).target().isEnabled());
        window.label(ClientPanel.STATE_NAME).requireText("Signed in · in a session");

        window.button(ClientPanel.HANG_UP).click();
        waitUntil("invite allowed again", () -> window.button(ClientPanel.SEND_INVITE).target().isEnabled());
        window.button(ClientPanel.SEND_MESSAGE).requireDisabled();
        waitUntil("log shows the tutorial's lines", () -> window.list(ClientPanel.LOG_NAME + ProgressLogPanel.LIST)
                .contents().length == 4);
        assertThat(window.list(ClientPanel.LOG_NAME + ProgressLogPanel.LIST).contents()[1])
                .contains("Sending the INVITE.");
    }

    @Test
    @SuppressWarnings("deprecation") // AssertJ-Swing reads the old ALT_MASK modifier
    void mnemonicsReachTheLessonActionsFromTheKeyboard() {
        window.textBox(ClientPanel.MESSAGE_TEXT).focus();
        window.pressAndReleaseKey(org.assertj.swing.core.KeyPressInfo.keyCode(java.awt.event.KeyEvent.VK_I)
                .modifiers(java.awt.event.InputEvent.ALT_MASK));
        waitUntil("Alt+I signed the client in", () -> model.client.calls.contains("signIn"));
        window.pressAndReleaseKey(org.assertj.swing.core.KeyPressInfo.keyCode(java.awt.event.KeyEvent.VK_G)
                .modifiers(java.awt.event.InputEvent.ALT_MASK));
        waitUntil("Alt+G signed the server in", () -> model.server.calls.contains("signIn"));
        assertThat(window.button(ClientPanel.SIGN_IN).target().getAccessibleContext().getAccessibleName())
                .isEqualTo("Sign in");
        assertThat(window.list(ClientPanel.LOG_NAME + ProgressLogPanel.LIST).target().getAccessibleContext()
                .getAccessibleName()).isEqualTo("Client progress log");
    }

    @Test
    void invalidHeaderKeepsSendInviteDisabledAndSaysWhy() {
        window.button(ClientPanel.SIGN_IN).click();
        waitUntil("client signed in", () -> window.button(ClientPanel.SEND_INVITE).target().isEnabled());
        window.button(ClientPanel.HEADERS + io.github.ucmaworkbench.ui.headers.HeadersPanel.ADD).click();
        window.table(ClientPanel.HEADERS + io.github.ucmaworkbench.ui.headers.HeadersPanel.TABLE)
                .enterValue(org.assertj.swing.data.TableCell.row(0).column(0), "Bad Name");
        window.button(ClientPanel.SEND_INVITE).requireDisabled();
        assertThat(window.label(ClientPanel.HEADERS + io.github.ucmaworkbench.ui.headers.HeadersPanel.PROBLEM).text())
                .contains("Row 1").contains("not a header name");
        window.table(ClientPanel.HEADERS + io.github.ucmaworkbench.ui.headers.HeadersPanel.TABLE)
                .enterValue(org.assertj.swing.data.TableCell.row(0).column(0), "X-Lesson");
        window.button(ClientPanel.SEND_INVITE).requireEnabled().click();
        waitUntil("invite sent", () -> model.client.lastHeaders != null);
        assertThat(model.client.lastHeaders).singleElement()
                .satisfies(h -> assertThat(h.getName()).isEqualTo("X-Lesson"));
    }

    @Test
    void settingsDialogRefusesBadInputWithAReasonAndCancelKeepsEverything() {
        WorkbenchSettings before = settings.get();
        window.button(ClientPanel.SETTINGS_NAME).click();
        DialogFixture dialog = WindowFinder.findDialog(SideSettingsDialog.CLIENT_DIALOG).withTimeout(5000).using(robot());

        dialog.textBox(SideSettingsDialog.URI).deleteText().enterText("client.example.com");
        dialog.button(SideSettingsDialog.OK).requireDisabled();
        assertThat(dialog.label(SideSettingsDialog.URI + SideSettingsDialog.PROBLEM).text()).contains("starts with \"sip:\"");

        dialog.textBox(SideSettingsDialog.URI).deleteText();
        dialog.button(SideSettingsDialog.OK).requireDisabled();
        assertThat(dialog.label(SideSettingsDialog.URI + SideSettingsDialog.PROBLEM).text()).contains("Enter a SIP URI");

        dialog.textBox(SideSettingsDialog.URI).enterText("sip:alice@example.com");
        dialog.button(SideSettingsDialog.OK).requireEnabled();
        assertThat(dialog.label(SideSettingsDialog.URI + SideSettingsDialog.PROBLEM).text()).isBlank();

        dialog.textBox(SideSettingsDialog.SERVER).requireDisabled();
        select(dialog.radioButton(SideSettingsDialog.EXTERNAL));
        dialog.textBox(SideSettingsDialog.SERVER).requireEnabled().deleteText().enterText("10.0.0.9:99999");
        dialog.button(SideSettingsDialog.OK).requireDisabled();
        assertThat(dialog.label(SideSettingsDialog.SERVER + SideSettingsDialog.PROBLEM).text()).contains("1 to 65535");

        dialog.textBox(SideSettingsDialog.OUR_SERVER).deleteText();
        dialog.textBox(SideSettingsDialog.SERVER).deleteText().enterText("10.0.0.9:5070");
        dialog.button(SideSettingsDialog.OK).requireDisabled();
        assertThat(dialog.label(SideSettingsDialog.OUR_SERVER + SideSettingsDialog.PROBLEM).text()).isNotBlank();

        clickUntilClosed(dialog, SideSettingsDialog.CANCEL);
        assertThat(settings.get()).isEqualTo(before);
        assertThat(model.client.calls).doesNotContain("apply");
    }

    @Test
    void acceptedSettingsAreSavedAndComeBackFromDisk() {
        window.button(ClientPanel.SETTINGS_NAME).click();
        DialogFixture dialog = WindowFinder.findDialog(SideSettingsDialog.CLIENT_DIALOG).withTimeout(5000).using(robot());
        dialog.textBox(SideSettingsDialog.URI).deleteText().enterText("sip:alice@lab.local");
        select(dialog.radioButton(SideSettingsDialog.EXTERNAL));
        dialog.textBox(SideSettingsDialog.SERVER).deleteText().enterText("kamailio.lab:5070");
        dialog.comboBox(SideSettingsDialog.TRANSPORT).selectItem("UDP");
        dialog.textBox(SideSettingsDialog.OUR_SERVER).deleteText().enterText("sip:teacher@lab.local");
        clickUntilClosed(dialog, SideSettingsDialog.OK);
        dialog.requireNotVisible();

        waitUntil("panel shows the new URI", () -> window.label(ClientPanel.URI_NAME).text().equals("sip:alice@lab.local"));
        WorkbenchSettings reloaded = new SettingsStore(configDir).load().settings();
        assertThat(reloaded).isEqualTo(settings.get());
        assertThat(reloaded.client().endpoint().server()).isEqualTo("kamailio.lab:5070");
        assertThat(reloaded.client().endpoint().useEmbeddedRegistrar()).isFalse();
        assertThat(reloaded.client().endpoint().transport().name()).isEqualTo("UDP");
        assertThat(reloaded.client().ourServerUri()).isEqualTo("sip:teacher@lab.local");
    }

    @Test
    void themeSwitchesAtRuntimeAndIsRemembered() {
        assertThat(GuiActionRunner.execute(FlatLaf::isLafDark)).isFalse();
        window.toggleButton(WorkbenchFrame.DARK_THEME).click();
        waitUntil("dark look and feel", () -> GuiActionRunner.execute(FlatLaf::isLafDark));
        assertThat(new SettingsStore(configDir).load().settings().theme()).isEqualTo(Theme.DARK);
        assertThat(GuiActionRunner.execute(() -> window.menuItem(WorkbenchFrame.MENU_VIEW_DARK).target().isSelected())).isTrue();

        float before = window.label(ClientPanel.STATE_NAME).target().getFont().getSize2D();
        window.toggleButton(WorkbenchFrame.PRESENTATION_FONT).click();
        waitUntil("bigger font", () -> GuiActionRunner.execute(
                () -> window.label(ClientPanel.STATE_NAME).target().getFont().getSize2D()) > before * 1.2f);
        assertThat(new SettingsStore(configDir).load().settings().presentationFont()).isTrue();

        window.toggleButton(WorkbenchFrame.DARK_THEME).click();
        waitUntil("light again", () -> !GuiActionRunner.execute(FlatLaf::isLafDark));
        window.toggleButton(WorkbenchFrame.PRESENTATION_FONT).click();
    }

    @Test
    void chosenRejectionReachesTheServerAndIsSaved() {
        window.comboBox(ServerPanel.POLICY + AcceptPolicyPanel.KIND).selectItem("Reject");
        window.comboBox(ServerPanel.POLICY + AcceptPolicyPanel.REJECTION).requireVisible().selectItem("603 Decline");
        waitUntil("policy handed to the server", () -> model.server.policy != null
                && model.server.policy.kind() == AcceptPolicySettings.Kind.REJECT && model.server.policy.rejectCode() == 603);
        assertThat(new SettingsStore(configDir).load().settings().server().acceptPolicy().rejectReason()).isEqualTo("Decline");

        window.comboBox(ServerPanel.POLICY + AcceptPolicyPanel.REJECTION).selectItem("Custom code…");
        window.textBox(ServerPanel.POLICY + AcceptPolicyPanel.CODE).deleteText().enterText("99");
        assertThat(window.label(ServerPanel.POLICY + AcceptPolicyPanel.PROBLEM).text()).contains("300 to 699");
        assertThat(model.server.policy.rejectCode()).isEqualTo(603);
        window.textBox(ServerPanel.POLICY + AcceptPolicyPanel.CODE).deleteText().enterText("488");
        window.textBox(ServerPanel.POLICY + AcceptPolicyPanel.REASON).deleteText().enterText("Not Acceptable Here");
        waitUntil("custom rejection", () -> model.server.policy.rejectCode() == 488
                && model.server.policy.rejectReason().equals("Not Acceptable Here"));
    }

    @Test
    void closingSignsOutThroughTheModelAndDisposes() {
        model.client.registration = RegistrationState.REGISTERED;
        window.close();
        waitUntil("model closed", () -> model.closed);
        waitUntil("window gone", () -> !GuiActionRunner.execute(() -> window.target().isDisplayable()));
    }

}
