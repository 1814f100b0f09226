package io.github.ucmaworkbench.ui;

import java.awt.Component;
import java.awt.Container;
import java.awt.Window;
import java.awt.event.KeyEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.accessibility.AccessibleContext;
import javax.swing.AbstractButton;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JMenu;
import javax.swing.JMenuBar;
import javax.swing.JMenuItem;
import javax.swing.JSpinner;
import javax.swing.JTabbedPane;
import javax.swing.JTable;
import javax.swing.JTree;
import javax.swing.RootPaneContainer;
import javax.swing.text.JTextComponent;

/**
 * Walks a window's component tree for what a keyboard or screen-reader user needs: one meaning per
 * Alt+letter in a window (and per open menu), a name for every control that can take the focus.
 * Event thread only; each check returns what is wrong, so a test shows every problem at once.
 */
public final class AccessChecks {
    private AccessChecks() {
    }

    /**
     * Alt+letter keys that mean two things: among the window's buttons, labels and menu bar (all
     * active in the window at once), and among the items of each menu.
     */
    public static List<String> duplicateMnemonics(Window window) {
        List<String> problems = new ArrayList<>();
        Map<Integer, String> inWindow = new HashMap<>();
        for (Component c : components(window)) {
            if (c instanceof JMenuItem && !(c instanceof JMenu && c.getParent() instanceof JMenuBar)) {
                continue; // a menu's items answer only while it is open: checked per menu below
            }
            int mnemonic = mnemonic(c);
            if (mnemonic != 0) {
                claim(problems, inWindow, mnemonic, describe(c), window.getName());
            }
        }
        JMenuBar bar = window instanceof RootPaneContainer r ? r.getRootPane().getJMenuBar() : null;
        if (bar != null) {
            for (int i = 0; i < bar.getMenuCount(); i++) {
                menuMnemonics(bar.getMenu(i), problems);
            }
        }
        return problems;
    }

    private static void menuMnemonics(JMenu menu, List<String> problems) {
        Map<Integer, String> inMenu = new HashMap<>();
        for (Component c : menu.getMenuComponents()) {
            if (c instanceof JMenuItem item) {
                if (item.getMnemonic() != 0) {
                    claim(problems, inMenu, item.getMnemonic(), describe(item), "menu " + menu.getText());
                }
                if (item instanceof JMenu sub) {
                    menuMnemonics(sub, problems);
                }
            }
        }
    }

    private static void claim(List<String> problems, Map<Integer, String> taken, int key, String who, String where) {
        String before = taken.putIfAbsent(key, who);
        if (before != null) {
            problems.add("Alt+" + KeyEvent.getKeyText(key) + " in " + where + ": " + before + " and " + who);
        }
    }

    /** Controls that can take the focus but have no accessible name (a screen reader would say "button"). */
    public static List<String> unnamedControls(Window window) {
        List<String> problems = new ArrayList<>();
        for (Component c : components(window)) {
            if (isControl(c) && c.isFocusable()) {
                AccessibleContext context = c.getAccessibleContext();
                String name = context == null ? null : context.getAccessibleName();
                if (name == null || name.isBlank()) {
                    problems.add("no accessible name: " + describe(c));
                }
            }
        }
        return problems;
    }

    /** Buttons and fields without an accessible description (the tool tip gives one). */
    public static List<String> undescribedControls(Window window) {
        List<String> problems = new ArrayList<>();
        for (Component c : components(window)) {
            if ((c instanceof AbstractButton && !(c instanceof JMenuItem)) || c instanceof JTextComponent
                    || c instanceof JComboBox<?>) {
                if (!c.isFocusable() || (c instanceof JTextComponent t && !t.isEditable())) {
                    continue;
                }
                AccessibleContext context = c.getAccessibleContext();
                String description = context == null ? null : context.getAccessibleDescription();
                if (description == null || description.isBlank()) {
                    problems.add("no accessible description: " + describe(c));
                }
            }
        }
        return problems;
    }

    static boolean isControl(Component c) {
        return c instanceof AbstractButton || c instanceof JTextComponent || c instanceof JComboBox<?>
                || c instanceof JList<?> || c instanceof JTable || c instanceof JTree || c instanceof JSpinner
                || c instanceof JTabbedPane;
    }

    /** Every component of {@code root}, menus' items included. */
    public static List<Component> components(Container root) {
        List<Component> all = new ArrayList<>();
        collect(root, all);
        return all;
    }

    private static void collect(Component c, List<Component> into) {
        into.add(c);
        if (c instanceof JMenu menu) {
            for (Component item : menu.getMenuComponents()) {
                collect(item, into);
            }
        }
        if (c instanceof Container container) {
            for (Component child : container.getComponents()) {
                collect(child, into);
            }
        }
    }

    private static int mnemonic(Component c) {
        if (c instanceof AbstractButton b) {
            return b.getMnemonic();
        }
        if (c instanceof JLabel l) {
            return l.getDisplayedMnemonic();
        }
        return 0;
    }

    public static String describe(Component c) {
        String text = c instanceof AbstractButton b ? b.getText() : c instanceof JLabel l ? l.getText() : null;
        String name = c.getName();
        return c.getClass().getSimpleName() + (name != null ? " " + name : "")
                + (text != null && !text.isEmpty() ? " \"" + text + "\"" : "")
                + (c instanceof JComponent j && !j.isShowing() ? " (hidden)" : "");
    }
}
