package io.github.ucmaworkbench.ui.help;

import io.github.ucmaworkbench.ui.theme.KeyboardSupport;
import java.awt.Component;
import java.awt.Container;
import java.awt.Window;
import java.awt.event.InputEvent;
import java.awt.event.KeyEvent;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.swing.AbstractButton;
import javax.swing.Action;
import javax.swing.InputMap;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JMenu;
import javax.swing.JMenuBar;
import javax.swing.JMenuItem;
import javax.swing.KeyStroke;
import javax.swing.RootPaneContainer;
import javax.swing.plaf.UIResource;

/**
 * Help → Keyboard shortcuts, read from the window itself when asked: its menus (Alt+letter, then
 * the item's letter; accelerators), its buttons' and labels' Alt+letters, and every key the
 * workbench bound on a component (not the look and feel's own). Nothing here is a hand-kept
 * list that could drift from the menus. Event thread only.
 */
final class KeyboardShortcuts {
    private KeyboardShortcuts() {
    }

    /** The shortcuts of {@code window} as Markdown tables. */
    static String markdown(Window window) {
        StringBuilder md = new StringBuilder("# Keyboard shortcuts\n\n");
        md.append("Read from this window's menus and controls just now.\n\n");
        md.append("## Everywhere\n\n| Keys | What they do |\n|---|---|\n");
        row(md, "Tab / Shift+Tab", "Next / previous control; Tab also leaves a table");
        row(md, "Ctrl+Tab", "Leaves a code editor, where Tab indents");
        row(md, "Space", "Presses the focused button");
        row(md, "Alt or F10", "Opens the menu bar; the arrow keys move in it");
        row(md, "Arrow keys", "Move within a group of options, a list or a toolbar");
        row(md, "Enter", "The dialog's default button (OK, Accept, Close)");
        row(md, "Escape", "Cancels or closes the dialog (Ask: declines the call)");
        row(md, text(KeyboardSupport.EXIT), "Exit, from any window of the workbench");

        JMenuBar bar = window instanceof RootPaneContainer r ? r.getRootPane().getJMenuBar() : null;
        if (bar != null) {
            md.append("\n## Menus\n\n| Keys | Menu item |\n|---|---|\n");
            for (int i = 0; i < bar.getMenuCount(); i++) {
                JMenu menu = bar.getMenu(i);
                if (menu != null) {
                    menu(md, menu, menu.getMnemonic() != 0 ? "Alt+" + KeyEvent.getKeyText(menu.getMnemonic()) : "F10",
                            menu.getText());
                }
            }
        }

        md.append("\n## Buttons and fields\n\n| Keys | Control |\n|---|---|\n");
        Set<String> seen = new LinkedHashSet<>();
        for (Component c : components(window)) {
            if (c instanceof AbstractButton b && !(b instanceof JMenuItem) && b.getMnemonic() != 0) {
                seen.add(cells("Alt+" + KeyEvent.getKeyText(b.getMnemonic()), name(b)));
            } else if (c instanceof JLabel l && l.getDisplayedMnemonic() != 0 && l.getLabelFor() != null) {
                seen.add(cells("Alt+" + KeyEvent.getKeyText(l.getDisplayedMnemonic()), name(l.getLabelFor())));
            }
            if (c instanceof JComponent j) {
                bindings(j, seen);
            }
        }
        seen.forEach(md::append);
        return md.toString();
    }

    private static void menu(StringBuilder md, JMenu menu, String path, String title) {
        row(md, path, title);
        for (Component c : menu.getMenuComponents()) {
            if (c instanceof JMenuItem item) {
                String keys = item.getMnemonic() != 0 ? path + ", " + KeyEvent.getKeyText(item.getMnemonic()) : path;
                if (item.getAccelerator() != null) {
                    keys += " (or " + text(item.getAccelerator()) + ")";
                }
                if (item instanceof JMenu sub) {
                    menu(md, sub, keys, title + " → " + sub.getText());
                } else {
                    row(md, keys, title + " → " + item.getText());
                }
            }
        }
    }

    /** Keys the workbench bound itself: the look and feel's maps are UIResources and are skipped. */
    private static void bindings(JComponent c, Set<String> into) {
        for (int condition : new int[] {JComponent.WHEN_FOCUSED, JComponent.WHEN_ANCESTOR_OF_FOCUSED_COMPONENT,
                JComponent.WHEN_IN_FOCUSED_WINDOW}) {
            InputMap map = c.getInputMap(condition);
            if (map == null || map instanceof UIResource || map.keys() == null) {
                continue;
            }
            for (KeyStroke key : map.keys()) {
                Object actionKey = map.get(key);
                Action action = actionKey == null ? null : c.getActionMap().get(actionKey);
                if (action == null || isGeneral(key)
                        || (c instanceof javax.swing.text.JTextComponent && key.getModifiers() == 0)) {
                    // an editor's own editing keys (Backspace...) are not shortcuts
                    continue; // "none" hands the key on; Escape, Enter, arrows (a toolbar's) are listed above
                }
                Object what = action.getValue(Action.SHORT_DESCRIPTION);
                if (what == null) {
                    what = action.getValue(Action.NAME);
                }
                into.add(cells(text(key), (what != null ? what : actionKey) + " (" + name(c) + ")"));
            }
        }
    }

    private static boolean isGeneral(KeyStroke key) {
        return key.getModifiers() == 0 && switch (key.getKeyCode()) {
            case KeyEvent.VK_ESCAPE, KeyEvent.VK_ENTER, KeyEvent.VK_TAB, KeyEvent.VK_SPACE, KeyEvent.VK_UP,
                    KeyEvent.VK_DOWN, KeyEvent.VK_LEFT, KeyEvent.VK_RIGHT -> true;
            default -> false;
        };
    }

    private static String name(Component c) {
        String name = c.getAccessibleContext() == null ? null : c.getAccessibleContext().getAccessibleName();
        String side = c.getName() != null && c.getName().contains(".") ? c.getName().substring(0, c.getName().indexOf('.')) : null;
        String shown = name != null && !name.isBlank() ? name : c.getName() != null ? c.getName() : c.getClass().getSimpleName();
        return side != null && !shown.toLowerCase(java.util.Locale.ROOT).contains(side) ? shown + " (" + side + ")" : shown;
    }

    static String text(KeyStroke key) {
        String modifiers = InputEvent.getModifiersExText(key.getModifiers());
        return (modifiers.isEmpty() ? "" : modifiers + "+") + KeyEvent.getKeyText(key.getKeyCode());
    }

    private static void row(StringBuilder md, String keys, String what) {
        md.append(cells(keys, what));
    }

    private static String cells(String keys, String what) {
        return "| " + keys.replace("|", "\\|") + " | " + what.replace("|", "\\|") + " |\n";
    }

    private static List<Component> components(Container root) {
        List<Component> all = new ArrayList<>();
        all.add(root);
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i) instanceof Container c) {
                for (Component child : c.getComponents()) {
                    all.add(child);
                }
            }
        }
        return all;
    }
}
