package io.github.ucmaworkbench.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ucmaworkbench.settings.Theme;
import io.github.ucmaworkbench.ui.AccessChecks;
import io.github.ucmaworkbench.ui.ClientPanel;
import io.github.ucmaworkbench.ui.ServerPanel;
import io.github.ucmaworkbench.ui.WorkbenchFrame;
import io.github.ucmaworkbench.ui.help.AboutDialog;
import io.github.ucmaworkbench.ui.help.DocumentDialog;
import io.github.ucmaworkbench.ui.help.HelpMenu;
import io.github.ucmaworkbench.ui.settings.SideSettingsDialog;
import io.github.ucmaworkbench.ui.theme.ThemeSupport;
import java.awt.Component;
import java.awt.KeyboardFocusManager;
import java.awt.Window;
import java.awt.event.KeyEvent;
import java.util.ArrayList;
import java.util.List;
import javax.swing.JTable;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.finder.WindowFinder;
import org.assertj.swing.fixture.DialogFixture;
import org.junit.jupiter.api.Test;

/**
 * The whole window, as Main builds it, for a keyboard and screen-reader user: one meaning per
 * Alt+letter, a name for every control, Tab that reaches every control and leaves tables, Enter and
 * Escape in dialogs. The keyboard-only class is in {@link KeyboardOnlyDemoTest}.
 */
class KeyboardAccessTest extends WindowTest {
    @Override
    protected void onSetUp() {
        open(aWindow().asMainShowsIt()); // waits for the lesson and homework tabs, which come after the window
    }

    @Test
    void everyAltLetterMeansOneThingInTheWindowAndInEachMenu() {
        assertThat(GuiActionRunner.execute(() -> AccessChecks.duplicateMnemonics(window.target()))).isEmpty();
    }

    @Test
    void everyControlOfTheWindowHasANameAndADescription() {
        List<String> problems = GuiActionRunner.execute(() -> {
            List<String> all = new ArrayList<>(AccessChecks.unnamedControls(window.target()));
            all.addAll(AccessChecks.undescribedControls(window.target()));
            return all;
        });
        assertThat(problems).isEmpty();
    }

    @Test
    void bothSignInButtonsHaveTheirOwnKey() {
        int client = GuiActionRunner.execute(() -> window.button(ClientPanel.SIGN_IN).target().getMnemonic());
        int server = GuiActionRunner.execute(() -> window.button(ServerPanel.SIGN_IN).target().getMnemonic());
        assertThat(client).isNotZero().isNotEqualTo(server);
        assertThat(server).isNotZero();
    }

    @Test
    void settingsDialogsAreNamedAndUnambiguous() {
        for (String[] side : new String[][] {{ClientPanel.SETTINGS_NAME, SideSettingsDialog.CLIENT_DIALOG},
                {ServerPanel.SETTINGS_NAME, SideSettingsDialog.SERVER_DIALOG}}) {
            focusBack(window); // the dialog before has just closed: no window manager gives the focus back
            press(window.button(side[0])); // this test is about the dialog's keys, not the mouse
            DialogFixture dialog = WindowFinder.findDialog(side[1]).withTimeout(WAIT_MILLIS).using(robot());
            checkWindow(dialog.target());
            // Escape is Cancel: the dialog closes and nothing changes.
            dialog.pressAndReleaseKeys(KeyEvent.VK_ESCAPE);
            waitUntil(side[1] + " closed by Escape", () -> !GuiActionRunner.execute(() -> dialog.target().isShowing()));
        }
        // Enter is OK: the unchanged client settings are kept and the dialog closes.
        focusBack(window);
        press(window.button(ClientPanel.SETTINGS_NAME));
        DialogFixture client = WindowFinder.findDialog(SideSettingsDialog.CLIENT_DIALOG).withTimeout(WAIT_MILLIS).using(robot());
        client.textBox(SideSettingsDialog.URI).focus();
        client.pressAndReleaseKeys(KeyEvent.VK_ENTER);
        waitUntil("client settings closed by Enter", () -> !GuiActionRunner.execute(() -> client.target().isShowing()));
    }

    @Test
    void aboutClosesWithEscape() {
        chooseMenuItem(window, HelpMenu.ABOUT_ITEM);
        DialogFixture about = WindowFinder.findDialog(AboutDialog.NAME).withTimeout(5000).using(robot());
        checkWindow(about.target());
        about.table(AboutDialog.LIBRARIES).focus();
        about.pressAndReleaseKeys(KeyEvent.VK_TAB);
        waitUntil("Tab left the libraries table", () -> GuiActionRunner.execute(
                () -> !(KeyboardFocusManager.getCurrentKeyboardFocusManager().getFocusOwner() instanceof JTable)));
        about.pressAndReleaseKeys(KeyEvent.VK_ESCAPE);
        waitUntil("About closed by Escape", () -> !GuiActionRunner.execute(() -> about.target().isShowing()));
    }

    @Test
    void keyboardShortcutsListEveryMenuItemAndBothSignIns() {
        chooseMenuItem(window, HelpMenu.SHORTCUTS_ITEM);
        DialogFixture shortcuts = WindowFinder.findDialog(DocumentDialog.NAME).withTimeout(5000).using(robot());
        String text = GuiActionRunner.execute(() -> {
            javax.swing.JEditorPane pane = robot().finder().findByName(shortcuts.target(), DocumentDialog.TEXT,
                    javax.swing.JEditorPane.class, false);
            javax.swing.text.Document doc = pane.getDocument();
            try {
                return doc.getText(0, doc.getLength());
            } catch (javax.swing.text.BadLocationException e) {
                throw new IllegalStateException(e);
            }
        });
        List<String> items = GuiActionRunner.execute(() -> {
            List<String> all = new ArrayList<>();
            javax.swing.JMenuBar bar = ((WorkbenchFrame) window.target()).getJMenuBar();
            for (int i = 0; i < bar.getMenuCount(); i++) {
                for (Component c : bar.getMenu(i).getMenuComponents()) {
                    if (c instanceof javax.swing.JMenuItem item) {
                        all.add(item.getText());
                    }
                }
            }
            return all;
        });
        assertThat(items).isNotEmpty();
        for (String item : items) {
            assertThat(text).as("the list names menu item %s", item).contains(item);
        }
        assertThat(text).contains("Ctrl+Q", "Alt+F", "Alt+I", "Sign in (client)", "Sign in (server)");
        shortcuts.pressAndReleaseKeys(KeyEvent.VK_ESCAPE);
        waitUntil("shortcuts closed by Escape", () -> !GuiActionRunner.execute(() -> shortcuts.target().isShowing()));
    }

    @Test
    void theHighContrastThemeIsChosenInTheViewMenuAndRemembered() {
        chooseMenuItem(window, WorkbenchFrame.MENU_VIEW_HIGH_CONTRAST);
        waitUntil("high contrast installed", () -> GuiActionRunner.execute(ThemeSupport::current) == Theme.HIGH_CONTRAST);
        assertThat(new SettingsStore(configDir).load().settings().theme()).isEqualTo(Theme.HIGH_CONTRAST);
        assertThat(GuiActionRunner.execute(() -> window.menuItem(WorkbenchFrame.MENU_VIEW_HIGH_CONTRAST).target().isSelected()))
                .isTrue();
        chooseMenuItem(window, WorkbenchFrame.MENU_VIEW_LIGHT);
        waitUntil("light again", () -> GuiActionRunner.execute(ThemeSupport::current) == Theme.LIGHT);
        assertThat(new SettingsStore(configDir).load().settings().theme()).isEqualTo(Theme.LIGHT);
    }

    @Test
    void tabLeavesTheCustomHeadersTable() {
        window.button(ClientPanel.HEADERS + io.github.ucmaworkbench.ui.headers.HeadersPanel.ADD).click();
        window.table(ClientPanel.HEADERS + io.github.ucmaworkbench.ui.headers.HeadersPanel.TABLE).focus();
        window.pressAndReleaseKeys(KeyEvent.VK_TAB);
        waitUntil("Tab left the headers table", () -> GuiActionRunner.execute(
                () -> !(KeyboardFocusManager.getCurrentKeyboardFocusManager().getFocusOwner() instanceof JTable)));
    }

    @Test
    void tabReachesEveryControlOfTheWindow() {
        List<String> missed = GuiActionRunner.execute(() -> {
            WorkbenchFrame frame = (WorkbenchFrame) window.target();
            java.awt.FocusTraversalPolicy policy = frame.getFocusTraversalPolicy();
            List<Component> cycle = new ArrayList<>();
            Component first = policy.getFirstComponent(frame);
            for (Component c = first; c != null && !cycle.contains(c); c = policy.getComponentAfter(frame, c)) {
                cycle.add(c);
            }
            List<String> out = new ArrayList<>();
            for (Component c : AccessChecks.components(frame)) {
                // Menus open with Alt or F10, not Tab; a group of radio buttons is one stop (the
                // selected one) and the arrow keys move within it, as Swing does.
                boolean groupedRadio = c instanceof javax.swing.JRadioButton r && !r.isSelected()
                        && r.getModel() instanceof javax.swing.DefaultButtonModel m && m.getGroup() != null;
                if (c.isShowing() && c.isEnabled() && c.isFocusable() && isInteractive(c) && !cycle.contains(c)
                        && !(c instanceof javax.swing.JMenu) && !groupedRadio) {
                    out.add(AccessChecks.describe(c));
                }
            }
            return out;
        });
        assertThat(missed).as("controls Tab never reaches").isEmpty();
    }

    private static boolean isInteractive(Component c) {
        return c instanceof javax.swing.AbstractButton || c instanceof javax.swing.text.JTextComponent
                || c instanceof javax.swing.JComboBox<?> || c instanceof javax.swing.JList<?> || c instanceof JTable;
    }

    private static void checkWindow(Window w) {
        List<String> problems = GuiActionRunner.execute(() -> {
            List<String> all = new ArrayList<>(AccessChecks.duplicateMnemonics(w));
            all.addAll(AccessChecks.unnamedControls(w));
            all.addAll(AccessChecks.undescribedControls(w));
            return all;
        });
        assertThat(problems).as(w.getName()).isEmpty();
    }
}
