package io.github.ucmaworkbench.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ucmaworkbench.ui.ClientPanel;
import io.github.ucmaworkbench.ui.ServerPanel;
import io.github.ucmaworkbench.ui.headers.HeadersPanel;
import io.github.ucmaworkbench.ui.policy.AcceptPolicyPanel;
import io.github.ucmaworkbench.ui.policy.AskCallDialog;
import java.awt.Component;
import java.awt.KeyboardFocusManager;
import java.awt.Window;
import java.awt.event.KeyEvent;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import javax.swing.JComboBox;
import javax.swing.JTable;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.finder.WindowFinder;
import org.assertj.swing.fixture.DialogFixture;
import org.junit.jupiter.api.Test;

/**
 * The core demo with the keyboard alone, on the real stack (embedded registrar on loopback): sign
 * both sides in, listen, pick "Ask me", add a custom header, invite, accept with Enter while the
 * headers table has the focus, hang up, exit with Ctrl+Q. Only key presses drive the window: the
 * robot presses Alt+letters, Tab, arrows, Space, Enter and Ctrl+Q; nothing is clicked.
 */
class KeyboardOnlyDemoTest extends WindowTest {
    // AssertJ-Swing's robot takes the old InputEvent masks (ALT_MASK 8, CTRL_MASK 2), not the *_DOWN_MASK ones.
    private static final int ALT = 8;
    private static final int CTRL = 2;

    /** Enough Tab presses to go round the whole window (about 60 stops) with room to spare. */
    private static final int MAX_TABS = 150;

    private final CountDownLatch closed = new CountDownLatch(1);

    @Override
    protected void onSetUp() {
        open(aWindow().onClosed(closed::countDown));
        window.focus(); // what a window manager does for a new window; from here on only keys
    }

    @Test
    void theCoreDemoWithTheKeyboardAlone() throws Exception {
        alt(mnemonic(ClientPanel.SIGN_IN));
        alt(mnemonic(ServerPanel.SIGN_IN));
        waitFor(window, ClientPanel.LOG_NAME, "Signed in successfully");
        waitFor(window, ServerPanel.LOG_NAME, "Signed in successfully");
        waitUntil("listen allowed", () -> window.button(ServerPanel.LISTEN).target().isEnabled());
        alt(mnemonic(ServerPanel.LISTEN));
        waitFor(window, ServerPanel.LOG_NAME, "Listening on ");

        chooseAskMe();

        // A custom header: Tab to Add, Space adds the row; Tab must then leave the table.
        tabTo(c -> (ClientPanel.HEADERS + HeadersPanel.ADD).equals(c.getName()));
        key(KeyEvent.VK_SPACE, 0);
        waitUntil("a header row", () -> window.table(ClientPanel.HEADERS + HeadersPanel.TABLE).rowCount() == 1);
        tabTo(c -> c instanceof JTable);
        key(KeyEvent.VK_TAB, 0);
        waitUntil("Tab left the headers table", () -> !(focusOwner() instanceof JTable));

        waitUntil("invite allowed", () -> window.button(ClientPanel.SEND_INVITE).target().isEnabled());
        alt(mnemonic(ClientPanel.SEND_INVITE));
        DialogFixture ask = WindowFinder.findDialog(AskCallDialog.DIALOG).withTimeout(10_000).using(robot());
        waitForFocusIn(ask);
        // Enter accepts even from the INVITE's headers table (it used to move the table's selection).
        tabTo(c -> c instanceof JTable && AskCallDialog.HEADERS.equals(c.getName()));
        key(KeyEvent.VK_ENTER, 0);
        waitUntil("the Ask dialog closed", () -> !GuiActionRunner.execute(() -> ask.target().isShowing()));
        waitFor(window, ClientPanel.LOG_NAME, "Session established");
        focusBackToTheWindow();

        waitUntil("hang up allowed", () -> window.button(ClientPanel.HANG_UP).target().isEnabled());
        alt(mnemonic(ClientPanel.HANG_UP));
        waitFor(window, ClientPanel.LOG_NAME, "The session was ended.");

        key(KeyEvent.VK_Q, CTRL);
        assertThat(closed.await(30, TimeUnit.SECONDS)).as("Ctrl+Q closed the window").isTrue();
        assertThat(GuiActionRunner.execute(() -> window.target().isDisplayable())).isFalse();
    }

    @Test
    void escapeDeclinesAndCtrlQExitsFromTheAskDialog() throws Exception {
        alt(mnemonic(ClientPanel.SIGN_IN));
        alt(mnemonic(ServerPanel.SIGN_IN));
        waitUntil("listen allowed", () -> window.button(ServerPanel.LISTEN).target().isEnabled());
        alt(mnemonic(ServerPanel.LISTEN));
        chooseAskMe();
        waitUntil("invite allowed", () -> window.button(ClientPanel.SEND_INVITE).target().isEnabled());

        alt(mnemonic(ClientPanel.SEND_INVITE));
        DialogFixture ask = WindowFinder.findDialog(AskCallDialog.DIALOG).withTimeout(10_000).using(robot());
        waitForFocusIn(ask);
        key(KeyEvent.VK_ESCAPE, 0);
        waitFor(window, ClientPanel.LOG_NAME, "The invite was refused with 603 Decline.");

        waitUntil("invite allowed again", () -> window.button(ClientPanel.SEND_INVITE).target().isEnabled());
        focusBackToTheWindow();
        alt(mnemonic(ClientPanel.SEND_INVITE));
        DialogFixture again = WindowFinder.findDialog(AskCallDialog.DIALOG).withTimeout(10_000).using(robot());
        waitForFocusIn(again);
        key(KeyEvent.VK_Q, CTRL);
        assertThat(closed.await(30, TimeUnit.SECONDS)).as("Ctrl+Q in the Ask dialog closed the app").isTrue();
    }

    /** The policy box: Tab to it, then the arrow keys to "Ask me" (the box holds the policy kinds). */
    private void chooseAskMe() {
        tabTo(c -> (ServerPanel.POLICY + AcceptPolicyPanel.KIND).equals(c.getName()));
        for (int i = 0; i < 10 && !"ASK".equals(selectedPolicy()); i++) {
            key(KeyEvent.VK_DOWN, 0);
        }
        assertThat(selectedPolicy()).isEqualTo("ASK");
    }

    private int mnemonic(String button) {
        return GuiActionRunner.execute(() -> window.button(button).target().getMnemonic());
    }

    private void alt(int keyCode) {
        assertThat(keyCode).as("a mnemonic").isNotZero();
        key(keyCode, ALT);
    }

    private void key(int keyCode, int modifiers) {
        robot().pressAndReleaseKey(keyCode, modifiers);
        robot().waitForIdle();
    }

    /** Presses Tab until the focus owner is what {@code wanted} describes; fails after a round and more. */
    private void tabTo(Predicate<Component> wanted) {
        for (int i = 0; i < MAX_TABS; i++) {
            Component owner = focusOwner();
            if (owner != null && wanted.test(owner)) {
                return;
            }
            key(KeyEvent.VK_TAB, 0);
        }
        throw new AssertionError("Tab never reached the control; focus is on " + focusOwner());
    }

    private String selectedPolicy() {
        return GuiActionRunner.execute(() -> String.valueOf(((JComboBox<?>) window.comboBox(
                ServerPanel.POLICY + AcceptPolicyPanel.KIND).target()).getSelectedItem()));
    }

    private static Component focusOwner() {
        return GuiActionRunner.execute(() -> KeyboardFocusManager.getCurrentKeyboardFocusManager().getFocusOwner());
    }

    /**
     * A closed dialog's owner gets the focus back from the window manager. Xvfb has none, and Java
     * cannot take the X focus back by itself: then do what a window manager does on a click in the
     * window, on the status bar (no control, so nothing is pressed).
     */
    private void focusBackToTheWindow() {
        try {
            waitUntil("the window has the focus back", () -> GuiActionRunner.execute(
                    () -> window.target().isFocused()), 3000);
        } catch (org.assertj.swing.exception.WaitTimedOutError e) {
            robot().click(window.panel("statusBar").target());
            waitUntil("the window has the focus back", () -> GuiActionRunner.execute(() -> window.target().isFocused()));
        }
    }

    /**
     * A new window gets the focus from the window manager; Xvfb has none, so when the dialog has not
     * taken it by itself, give it as a window manager would (not a click on any control).
     */
    private void waitForFocusIn(DialogFixture dialog) {
        try {
            waitUntil("the dialog has the focus", () -> GuiActionRunner.execute(() -> {
                Window focused = KeyboardFocusManager.getCurrentKeyboardFocusManager().getFocusedWindow();
                return focused == dialog.target();
            }), 3000);
        } catch (org.assertj.swing.exception.WaitTimedOutError e) {
            dialog.focus();
        }
    }
}
