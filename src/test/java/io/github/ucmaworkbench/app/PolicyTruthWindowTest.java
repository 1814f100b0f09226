package io.github.ucmaworkbench.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ucmaworkbench.lessons.Lesson;
import io.github.ucmaworkbench.lessons.LessonEngine;
import io.github.ucmaworkbench.lessons.LessonLibrary;
import io.github.ucmaworkbench.lessons.StepResult;
import io.github.ucmaworkbench.lessons.StepStatus;
import io.github.ucmaworkbench.settings.AcceptPolicySettings;
import io.github.ucmaworkbench.settings.AcceptPolicySettings.Kind;
import io.github.ucmaworkbench.settings.WorkbenchSettings;
import io.github.ucmaworkbench.ui.ClientPanel;
import io.github.ucmaworkbench.ui.ServerPanel;
import io.github.ucmaworkbench.ui.lesson.WindowLessonHost;
import io.github.ucmaworkbench.ui.policy.AcceptPolicyPanel;
import io.github.ucmaworkbench.ui.policy.AskCallDialog;
import java.awt.Window;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.finder.WindowFinder;
import org.assertj.swing.fixture.DialogFixture;
import org.junit.jupiter.api.Test;

/**
 * Issue 16, item 1, in the real window on the real stack: the policy box, the server's log and
 * the running server agree after a lesson's policy step and after Server settings → OK, checked
 * by real INVITEs on loopback. Item 2's "Ask me" half: the dialog closes when the caller cancels.
 */
class PolicyTruthWindowTest extends WindowTest {
    private static final Duration OPERATION_TIMEOUT = Duration.ofSeconds(8);

    /** Starts the window with the teacher's saved choice {@code saved} and the client's ring timeout. */
    private void start(AcceptPolicySettings saved, int ringTimeoutSeconds) {
        WorkbenchSettings initial = WorkbenchSettings.defaults();
        initial = initial.withServer(initial.server().withAcceptPolicy(saved))
                .withClient(new io.github.ucmaworkbench.settings.ClientSideSettings(initial.client().endpoint(),
                        initial.client().ourServerUri(), ringTimeoutSeconds));
        open(aWindow().settings(initial).operationTimeout(OPERATION_TIMEOUT));
    }

    @Test
    void afterALessonStepAndAnUnchangedSettingsOkTheServerAnswersAsTheBoxSays() throws Exception {
        start(ask(20), 60);
        signInBothAndListen();

        // Lesson 6's own step, run by a lesson engine on the window's host (as the lesson column does).
        Lesson six = LessonLibrary.load(Path.of("lessons")).byPart(6).orElseThrow();
        WindowLessonHost host = GuiActionRunner.execute(
                () -> new WindowLessonHost(app.frame(), app.workbench()::clientManager, app.workbench()::serverManager));
        StepResult result;
        try (LessonEngine engine = new LessonEngine(host)) {
            result = engine.runAndWait(six.step("policy-reject"));
        }
        assertThat(result.status()).as(result.reason()).isEqualTo(StepStatus.PASSED);
        waitFor(ServerPanel.LOG_NAME, "A lesson step changed a setting: the accept policy is now \"Reject with 486 Busy Here\"");
        waitShowingLogs("the box shows the lesson's policy", () -> box().kind() == Kind.REJECT && box().rejectCode() == 486);
        assertThat(new SettingsStore(configDir).load().settings().server().acceptPolicy())
                .as("the box's model is what is saved").isEqualTo(box());

        inviteAndExpect("refused with 486", 1);

        // OK without a change: nothing is rebuilt, no sign-out, the policy stays what the box says.
        window.button(ServerPanel.SETTINGS_NAME).click();
        DialogFixture dialog = WindowFinder.findDialog(io.github.ucmaworkbench.ui.settings.SideSettingsDialog.SERVER_DIALOG)
                .withTimeout(5000).using(robot());
        pressUntilClosed(dialog, io.github.ucmaworkbench.ui.settings.SideSettingsDialog.OK);
        window.focus();
        assertThat(lines(ServerPanel.LOG_NAME)).noneMatch(l -> l.contains("Settings applied") || l.contains("Signed out"));
        assertThat(box().kind()).isEqualTo(Kind.REJECT);
        assertThat(window.label(ServerPanel.STATE_NAME).text()).startsWith("Signed in · listening");

        inviteAndExpect("refused with 486", 2);
        assertThat(askDialogShowing()).as("no Ask dialog: the server rejects as the box says").isFalse();
    }

    @Test
    void newServerSettingsKeepThePolicyAndListenAgain() {
        start(AcceptPolicySettings.defaults(), 60);
        window.comboBox(ServerPanel.POLICY + AcceptPolicyPanel.KIND).selectItem("Reject");
        window.comboBox(ServerPanel.POLICY + AcceptPolicyPanel.REJECTION).selectItem("603 Decline");
        signInBothAndListen();

        window.button(ServerPanel.SETTINGS_NAME).click();
        DialogFixture dialog = WindowFinder.findDialog(io.github.ucmaworkbench.ui.settings.SideSettingsDialog.SERVER_DIALOG)
                .withTimeout(5000).using(robot());
        javax.swing.JComboBox<?> transport = dialog.comboBox(io.github.ucmaworkbench.ui.settings.SideSettingsDialog.TRANSPORT).target();
        GuiActionRunner.execute(() -> transport.setSelectedItem(io.github.ucmaworkbench.rtc.SipTransportType.UDP));
        pressUntilClosed(dialog, io.github.ucmaworkbench.ui.settings.SideSettingsDialog.OK);
        window.focus();
        waitFor(ServerPanel.LOG_NAME, "Settings applied: signed out as sip:server@example.com, signing in again as sip:server@example.com.");
        waitShowingLogs("listening again", () -> Arrays.stream(lines(ServerPanel.LOG_NAME))
                .filter(l -> l.contains("Listening on ")).count() == 2);

        inviteAndExpect("refused with 603", 1);
    }

    @Test
    void theAskDialogClosesWhenTheCallerCancelsAndShowsTheBoxsNumber() {
        start(ask(30), 3); // the client cancels 3 s after the server starts ringing
        assertThat(window.spinner(ServerPanel.POLICY + AcceptPolicyPanel.ASK_SECONDS).target().getValue()).isEqualTo(30);
        signInBothAndListen();
        waitFor(ServerPanel.LOG_NAME, "ask me (decline after 30 s)");

        window.button(ClientPanel.SEND_INVITE).click();
        DialogFixture ask = WindowFinder.findDialog(AskCallDialog.DIALOG).withTimeout(10_000).using(robot());
        assertThat(ask.label(AskCallDialog.COUNTDOWN).text()).matches("Declines automatically in (30|29|28) s");

        // Nobody clicks: the caller gives up (CANCEL, answered 487) and the dialog goes by itself.
        waitShowingLogs("the Ask dialog closed", () -> !askDialogShowing());
        waitFor(ServerPanel.LOG_NAME, "The question is withdrawn: the caller cancelled the invitation (CANCEL) before anyone decided.");
        waitFor(ClientPanel.LOG_NAME, "the callee did not answer within 3 s");
        assertThat(lines(ServerPanel.LOG_NAME)).noneMatch(l -> l.contains("Too late"));
    }

    private static AcceptPolicySettings ask(int seconds) {
        return new AcceptPolicySettings(Kind.ASK, 486, "Busy Here", "X-Lesson", seconds);
    }

    private AcceptPolicySettings box() {
        return GuiActionRunner.execute(() -> app.frame().serverPanel().policy().policy());
    }

    private boolean askDialogShowing() {
        return GuiActionRunner.execute(() -> Arrays.stream(Window.getWindows())
                .anyMatch(w -> w instanceof AskCallDialog && w.isShowing()));
    }

    /** Sends an INVITE from the client panel and waits for the {@code count}-th client line containing {@code line}. */
    private void inviteAndExpect(String line, int count) {
        waitShowingLogs("client may invite", () -> window.button(ClientPanel.SEND_INVITE).target().isEnabled());
        window.button(ClientPanel.SEND_INVITE).click();
        waitShowingLogs("client log shows \"" + line + "\" " + count + " time(s)",
                () -> Arrays.stream(lines(ClientPanel.LOG_NAME)).filter(l -> l.contains(line)).count() >= count);
    }

    private void signInBothAndListen() {
        app.signInBothAndListen();
    }
}
