package io.github.ucmaworkbench.ui;

import io.github.ucmaworkbench.ui.log.ProgressLogPanel;
import java.util.Arrays;
import java.util.function.BooleanSupplier;
import org.assertj.swing.edt.FailOnThreadViolationRepaintManager;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.exception.ActionFailedException;
import org.assertj.swing.exception.WaitTimedOutError;
import org.assertj.swing.fixture.DialogFixture;
import org.assertj.swing.fixture.FrameFixture;
import org.assertj.swing.testing.AssertJSwingTestCaseTemplate;
import org.assertj.swing.timing.Condition;
import org.assertj.swing.timing.Pause;
import org.assertj.swing.timing.Timeout;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * JUnit 5 base for AssertJ-Swing (which only ships JUnit 4 support): a fresh robot per test,
 * cleaned up even when the test fails, and the repaint manager that fails any Swing call made
 * off the event thread installed once for the whole run.
 */
public abstract class GuiTest extends AssertJSwingTestCaseTemplate {

    @BeforeAll
    static void failOnThreadViolation() {
        FailOnThreadViolationRepaintManager.install();
    }

    @BeforeEach
    final void startRobot() throws Exception {
        setUpRobot();
        onSetUp();
    }

    @AfterEach
    final void stopRobot() throws Exception {
        try {
            onTearDown();
        } finally {
            cleanUp();
        }
    }

    protected abstract void onSetUp() throws Exception;

    protected void onTearDown() throws Exception {
    }

    /** How long a GUI test waits for a SIP outcome by default: several operation timeouts on a loaded machine. */
    protected static final long WAIT_MILLIS = 15_000;

    /** Waits (polling, never sleeping blindly) until {@code condition} holds, or fails naming {@code what}. */
    protected static void waitUntil(String what, BooleanSupplier condition) {
        waitUntil(what, condition, WAIT_MILLIS);
    }

    protected static void waitUntil(String what, BooleanSupplier condition, long timeoutMillis) {
        Pause.pause(new Condition(what) {
            @Override
            public boolean test() {
                return condition.getAsBoolean();
            }
        }, Timeout.timeout(timeoutMillis));
    }

    /** Waits until the progress log named {@code log} in {@code window} has a line containing {@code line}. */
    protected static void waitFor(FrameFixture window, String log, String line) {
        waitUntil(log + " shows \"" + line + "\"", () -> Arrays.stream(
                window.list(log + ProgressLogPanel.LIST).contents()).anyMatch(l -> l.contains(line)));
    }

    /**
     * Clicks a button of the modeless dialog until the dialog closes. Under Xvfb with no
     * window manager a click on a loaded machine was sometimes lost; the dialog answers exactly
     * once, so a second click can never answer twice.
     */
    protected static void clickUntilClosed(DialogFixture dialog, String button) {
        for (int attempt = 0; attempt < 3 && GuiActionRunner.execute(() -> dialog.target().isShowing()); attempt++) {
            dialog.moveToFront();
            if (attempt < 2) {
                dialog.button(button).click();
            } else {
                // Two clicks provably lost (the dialog answers once and is still open): with no
                // window manager the dialog can stay behind another window (seen in CI twice), so
                // press the button the way Space does.
                javax.swing.JButton target = dialog.button(button).requireEnabled().target();
                GuiActionRunner.execute(() -> target.doClick());
            }
            try {
                Pause.pause(new Condition("the dialog closes") {
                    @Override
                    public boolean test() {
                        return !GuiActionRunner.execute(() -> dialog.target().isShowing());
                    }
                }, Timeout.timeout(3000));
            } catch (WaitTimedOutError e) {
                // lost click: try again
            }
        }
        if (GuiActionRunner.execute(() -> dialog.target().isShowing())) {
            throw new AssertionError(dialog.target().getName() + " is still open after two clicks and a press on " + button);
        }
    }

    /**
     * Presses a dialog button the way Space does, without a mouse: under Xvfb with no window manager
     * a robot click on a dialog just shown sometimes lands beside the button (seen as a dialog closed
     * by its Cancel), which is not what these tests are about. Queued, since OK may open a modal question.
     */
    protected static void press(DialogFixture dialog, String button) {
        javax.swing.JButton target = dialog.button(button).requireEnabled().target();
        javax.swing.SwingUtilities.invokeLater(target::doClick);
    }

    /**
     * Presses a button that opens a dialog, the way Space does, without a mouse: a robot click was
     * lost now and then under a busy Xvfb (seen as no dialog within 5 s). Queued, since the dialog
     * may be modal; use it where the click is not what the test is about.
     */
    protected static void press(org.assertj.swing.fixture.JButtonFixture button) {
        javax.swing.JButton target = button.requireEnabled().target();
        javax.swing.SwingUtilities.invokeLater(target::doClick);
    }

    /** {@link #press}es the button, then waits until the dialog has closed. */
    protected static void pressUntilClosed(DialogFixture dialog, String button) {
        press(dialog, button);
        waitUntil("the dialog closed", () -> !GuiActionRunner.execute(() -> dialog.target().isShowing()));
    }

    /**
     * Puts {@code text} into the field the way a paste does. Typed under a busy Xvfb, keys were
     * lost or repeated (seen as "host     name with spaces"); use it where typing is not the subject.
     */
    protected static void setText(org.assertj.swing.fixture.JTextComponentFixture field, String text) {
        javax.swing.text.JTextComponent target = field.requireEnabled().target();
        GuiActionRunner.execute(() -> target.setText(text));
    }

    /**
     * Clicks a radio button. Nothing but the click selects it, so one still unselected once the
     * click's events are handled proves the click lost (on a dialog just shown, under a loaded
     * Xvfb, two in a row were): then it is pressed the way Space does.
     */
    protected static void select(org.assertj.swing.fixture.JRadioButtonFixture radio) {
        radio.click();
        javax.swing.JRadioButton target = radio.target();
        if (!GuiActionRunner.execute(target::isSelected)) {
            GuiActionRunner.execute(() -> target.doClick());
        }
        radio.requireSelected();
    }

    /**
     * Clicks a button whose action says so at once in {@code status} (the homework panel's buttons
     * write "Checking…" before any work starts). A status unchanged once the click's events are
     * handled proves the click lost (CI once waited 30 s for a check that a normal run finishes in
     * 8 s); then it is pressed the way Space does.
     */
    protected static void clickShowing(org.assertj.swing.fixture.JButtonFixture button,
            org.assertj.swing.fixture.JLabelFixture status) {
        String before = status.text();
        button.click();
        if (before.equals(status.text())) {
            GuiActionRunner.execute(() -> button.target().doClick());
        }
    }

    /** Waits until {@code label} starts with {@code prefix}; a timeout says what it reads instead. */
    protected static void waitForText(org.assertj.swing.fixture.JLabelFixture label, String prefix, long timeoutMillis) {
        try {
            waitUntil("\"" + prefix + "…\"", () -> label.text().startsWith(prefix), timeoutMillis);
        } catch (WaitTimedOutError e) {
            throw new AssertionError("Waited " + timeoutMillis + " ms for \"" + prefix + "…\"; it still reads \""
                    + label.text() + "\"", e);
        }
    }

    /**
     * Gives {@code window} the focus back after one of its dialogs closed. A window manager does
     * that; Xvfb has none, and Java cannot always take the X focus back by itself (seen as "Focus
     * change to WorkbenchFrame failed, focus owner: the closed About dialog's table"): then do what a
     * window manager does on a click in the window, on its status bar (no control, nothing pressed).
     */
    protected static void focusBack(FrameFixture window) {
        try {
            window.focus();
        } catch (ActionFailedException e) {
            java.awt.Component bar = GuiActionRunner.execute(() -> window.robot().finder()
                    .findAll(window.target(), c -> "statusBar".equals(c.getName()) && c.isShowing())
                    .stream().findFirst().orElse(null));
            if (bar == null) {
                throw e;
            }
            window.robot().click(bar);
            window.focus();
        }
    }

    /**
     * Chooses a menu item of {@code window} by name. AssertJ-Swing opens the parent menus itself;
     * right after a dialog closes, the frame may not have the focus back and the first press on the
     * menu bar only focuses it (seen under Xvfb on a loaded machine), so focus first and try twice.
     */
    protected static void chooseMenuItem(FrameFixture window, String item) {
        for (int attempt = 1; ; attempt++) {
            focusBack(window);
            try {
                window.menuItem(item).click();
                return;
            } catch (ActionFailedException e) {
                if (attempt == 2) {
                    throw e;
                }
                window.pressAndReleaseKeys(java.awt.event.KeyEvent.VK_ESCAPE);
            }
        }
    }
}
