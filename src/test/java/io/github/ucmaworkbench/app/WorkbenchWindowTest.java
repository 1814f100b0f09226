package io.github.ucmaworkbench.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ucmaworkbench.ui.ClientPanel;
import io.github.ucmaworkbench.ui.PendingIndicator;
import io.github.ucmaworkbench.ui.ServerPanel;
import io.github.ucmaworkbench.ui.WorkbenchFrame;
import io.github.ucmaworkbench.ui.headers.HeadersPanel;
import io.github.ucmaworkbench.ui.policy.AcceptPolicyPanel;
import io.github.ucmaworkbench.ui.policy.AskCallDialog;
import io.github.ucmaworkbench.ui.settings.SideSettingsDialog;
import java.time.Duration;
import javax.swing.JLabel;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.finder.WindowFinder;
import org.assertj.swing.fixture.DialogFixture;
import org.junit.jupiter.api.Test;

/** The real window on the real stack: embedded registrar, tutorial client and server, on loopback. */
class WorkbenchWindowTest extends WindowTest {
    /**
     * The product's default. It covers an INVITE only until the callee rings: the Ask me dialog
     * is open while the caller waits out the ring timeout (60 s by default), not this.
     */
    static final Duration OPERATION_TIMEOUT = Duration.ofSeconds(8);

    @Override
    protected void onSetUp() {
        open(aWindow().operationTimeout(OPERATION_TIMEOUT));
    }

    @Test
    void signInBothListenInviteIsAcceptedAndAMessageArrives() {
        window.button(ClientPanel.SEND_INVITE).requireDisabled();
        window.button(ServerPanel.LISTEN).requireDisabled();
        signInBothAndListen();
        window.button(ServerPanel.SIGN_IN).requireDisabled();
        window.button(ClientPanel.HANG_UP).requireDisabled();
        waitShowingLogs("registrar counts both", () -> window.label(WorkbenchFrame.REGISTRAR_STATUS).text()
                .contains("2 users signed in"));

        window.button(ClientPanel.SEND_INVITE).click();
        waitFor(ClientPanel.LOG_NAME, "Session established");
        waitFor(ServerPanel.LOG_NAME, "Invite arrived from sip:client@example.com");
        waitShowingLogs("client in a session", () -> window.label(ClientPanel.STATE_NAME).text().endsWith("in a session"));
        window.button(ClientPanel.SEND_INVITE).requireDisabled();
        window.button(ClientPanel.HANG_UP).requireEnabled();
        window.button(ServerPanel.HANG_UP).requireEnabled();

        window.button(ClientPanel.SEND_MESSAGE).requireEnabled().click();
        waitFor(ServerPanel.LOG_NAME, "Message received: Hello from the client");

        window.button(ClientPanel.HANG_UP).click();
        waitFor(ClientPanel.LOG_NAME, "The session was ended.");
        waitShowingLogs("invite possible again", () -> window.button(ClientPanel.SEND_INVITE).target().isEnabled());
        window.button(ClientPanel.SEND_MESSAGE).requireDisabled();

        window.button(ClientPanel.SIGN_OUT).click();
        waitFor(ClientPanel.LOG_NAME, "Signed out successfully.");
        waitShowingLogs("client may sign in again", () -> window.button(ClientPanel.SIGN_IN).target().isEnabled());
        window.button(ClientPanel.SEND_INVITE).requireDisabled();
    }

    @Test
    void rejectionShowsTheCodeAndReasonOnTheCaller() {
        window.comboBox(ServerPanel.POLICY + AcceptPolicyPanel.KIND).selectItem("Reject");
        window.comboBox(ServerPanel.POLICY + AcceptPolicyPanel.REJECTION).selectItem("486 Busy Here");
        signInBothAndListen();
        window.button(ClientPanel.SEND_INVITE).click();
        waitFor(ClientPanel.LOG_NAME, "The invite was refused with 486 Busy Here.");
        waitFor(ServerPanel.LOG_NAME, "The invite was rejected with 486 Busy Here.");
        waitShowingLogs("invite possible again", () -> window.button(ClientPanel.SEND_INVITE).target().isEnabled());
    }

    @Test
    void unansweredInviteShowsTimeLeftThenTheTimeout() {
        window.comboBox(ServerPanel.POLICY + AcceptPolicyPanel.KIND).selectItem("Don't answer");
        window.button(ClientPanel.SETTINGS_NAME).click();
        DialogFixture settings = WindowFinder.findDialog(SideSettingsDialog.CLIENT_DIALOG).withTimeout(5000).using(robot());
        // Set, not typed, and OK pressed, not clicked: a keystroke lost under a busy Xvfb can leave the
        // field invalid (OK disabled, the dialog stays open), which is not what this test is about.
        GuiActionRunner.execute(() -> settings.textBox(SideSettingsDialog.RING_TIMEOUT).target().setText("6"));
        pressUntilClosed(settings, SideSettingsDialog.OK);
        window.focus(); // the frame has the focus again before the next click (no window manager under Xvfb)
        signInBothAndListen();
        window.button(ClientPanel.SEND_INVITE).click();
        String pending = ClientPanel.PENDING_NAME + PendingIndicator.LABEL;
        waitFor(ClientPanel.LOG_NAME, "The callee is ringing; waiting up to 6 s for an answer.");
        waitShowingLogs("pending with ringing time left", () -> showingText(pending).matches("Ringing, waiting for an answer — \\d+ s left"));
        waitFor(ClientPanel.LOG_NAME, "The invite timed out: no final answer came in time"
                + " (Participate: the callee did not answer within 6 s");
        waitShowingLogs("pending gone", () -> showingText(pending).isEmpty());
    }

    @Test
    void askMeAcceptsAndDeclinesThroughTheDialog() {
        window.comboBox(ServerPanel.POLICY + AcceptPolicyPanel.KIND).selectItem("Ask me");
        signInBothAndListen();

        window.button(ClientPanel.SEND_INVITE).click();
        DialogFixture ask = WindowFinder.findDialog(AskCallDialog.DIALOG).withTimeout(10_000).using(robot());
        ask.label(AskCallDialog.CALLER).requireText("sip:client@example.com");
        assertThat(ask.label(AskCallDialog.COUNTDOWN).text()).matches("Declines automatically in \\d+ s");
        // The caller waits for the person, not for the network: longer than the dialog's 20 s.
        waitFor(ClientPanel.LOG_NAME, "The callee is ringing; waiting up to 60 s for an answer.");
        // No window manager under Xvfb: raise the modeless dialog so the click cannot land on the frame.
        clickUntilClosed(ask, AskCallDialog.ACCEPT);
        waitFor(ClientPanel.LOG_NAME, "Session established");

        window.button(ClientPanel.HANG_UP).click();
        waitShowingLogs("invite possible again", () -> window.button(ClientPanel.SEND_INVITE).target().isEnabled());
        window.button(ClientPanel.SEND_INVITE).click();
        ask = WindowFinder.findDialog(AskCallDialog.DIALOG).withTimeout(10_000).using(robot());
        clickUntilClosed(ask, AskCallDialog.DECLINE);
        waitFor(ClientPanel.LOG_NAME, "The invite was refused with 603 Decline.");
    }

    @Test
    void requiredHeaderDecidesAndTheSyncInviteCarriesIt() {
        window.comboBox(ServerPanel.POLICY + AcceptPolicyPanel.KIND).selectItem("Accept only with header");
        window.textBox(ServerPanel.POLICY + AcceptPolicyPanel.HEADER).requireText("X-Lesson");
        signInBothAndListen();

        window.button(ClientPanel.SEND_INVITE).click();
        waitFor(ClientPanel.LOG_NAME, "The invite was refused with 403 Forbidden (missing header X-Lesson).");

        waitShowingLogs("invite possible again", () -> window.button(ClientPanel.SEND_INVITE).target().isEnabled());
        window.button(ClientPanel.HEADERS + HeadersPanel.ADD).click();
        select(window.radioButton(ClientPanel.SYNC));
        window.button(ClientPanel.SEND_INVITE).click();
        waitFor(ClientPanel.LOG_NAME, "Sending an invite to sip:server@example.com with 1 custom header(s).");
        waitFor(ClientPanel.LOG_NAME, "Session established (blocking participate).");
    }

    private void signInBothAndListen() {
        app.signInBothAndListen();
    }

    /** The label's text while it is on screen, else "" (never throws while it is hidden). */
    private String showingText(String name) {
        return GuiActionRunner.execute(() -> {
            JLabel label = robot().finder().findByName(window.target(), name, JLabel.class, false);
            return label.isShowing() ? label.getText() : "";
        });
    }

}
