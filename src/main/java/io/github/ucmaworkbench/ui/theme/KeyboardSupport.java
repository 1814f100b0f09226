package io.github.ucmaworkbench.ui.theme;

import java.awt.AWTKeyStroke;
import java.awt.KeyEventDispatcher;
import java.awt.KeyboardFocusManager;
import java.awt.Window;
import java.awt.event.ActionEvent;
import java.awt.event.InputEvent;
import java.awt.event.KeyEvent;
import java.util.Set;
import javax.swing.AbstractAction;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JDialog;
import javax.swing.JTable;
import javax.swing.KeyStroke;
import javax.swing.SwingUtilities;

/**
 * The keyboard rules every window keeps (issue 16): Tab leaves a table, Enter presses a dialog's
 * default button and Escape cancels it, and the app's exit key works in every window it owns. It
 * lives beside the theme because every ui package already depends on this one and it on none of
 * them. Event thread only.
 */
public final class KeyboardSupport {
    /** The key that exits the app from any of its windows. */
    public static final KeyStroke EXIT = KeyStroke.getKeyStroke(KeyEvent.VK_Q, InputEvent.CTRL_DOWN_MASK);
    private static final KeyStroke ENTER = KeyStroke.getKeyStroke(KeyEvent.VK_ENTER, 0);
    private static final KeyStroke ESCAPE = KeyStroke.getKeyStroke(KeyEvent.VK_ESCAPE, 0);
    private static final String CANCEL = "ucma.cancel";

    private KeyboardSupport() {
    }

    /**
     * Tab and Shift+Tab move the focus out of {@code table} instead of to its next cell (JTable
     * takes Tab for itself, so a keyboard user was trapped); Ctrl+Tab still works as Swing's
     * way out. Enter is left to the window, so it presses a dialog's default button instead of
     * moving the selection; an edit in progress is kept when the focus leaves.
     */
    public static void tabLeaves(JTable table) {
        table.setFocusTraversalKeys(KeyboardFocusManager.FORWARD_TRAVERSAL_KEYS, Set.<AWTKeyStroke>of(
                KeyStroke.getKeyStroke(KeyEvent.VK_TAB, 0),
                KeyStroke.getKeyStroke(KeyEvent.VK_TAB, InputEvent.CTRL_DOWN_MASK)));
        table.setFocusTraversalKeys(KeyboardFocusManager.BACKWARD_TRAVERSAL_KEYS, Set.<AWTKeyStroke>of(
                KeyStroke.getKeyStroke(KeyEvent.VK_TAB, InputEvent.SHIFT_DOWN_MASK),
                KeyStroke.getKeyStroke(KeyEvent.VK_TAB, InputEvent.SHIFT_DOWN_MASK | InputEvent.CTRL_DOWN_MASK)));
        // "none" names no action: the key goes on to the window's bindings (the default button).
        table.getInputMap(JComponent.WHEN_ANCESTOR_OF_FOCUSED_COMPONENT).put(ENTER, "none");
        table.putClientProperty("terminateEditOnFocusLost", Boolean.TRUE);
    }

    /** Enter presses {@code defaultButton} (when given) and Escape runs {@code cancel}, wherever the focus is in {@code dialog}. */
    public static void dialogKeys(JDialog dialog, JButton defaultButton, Runnable cancel) {
        if (defaultButton != null) {
            dialog.getRootPane().setDefaultButton(defaultButton);
        }
        dialog.getRootPane().getInputMap(JComponent.WHEN_IN_FOCUSED_WINDOW).put(ESCAPE, CANCEL);
        dialog.getRootPane().getActionMap().put(CANCEL, new AbstractAction("Cancel") {
            @Override
            public void actionPerformed(ActionEvent e) {
                cancel.run();
            }
        });
    }

    /** What a screen reader says for {@code control}: its name and, when asked, what it does. */
    public static void label(JComponent control, String name, String description) {
        control.getAccessibleContext().setAccessibleName(name);
        control.getAccessibleContext().setAccessibleDescription(description);
    }

    /**
     * Runs {@code exit} on {@link #EXIT} pressed in {@code owner} or in any window it owns (a modeless
     * dialog such as the Ask dialog has its own focus, so the menu's accelerator never sees the key).
     *
     * @return closes the binding (the owner is going away)
     */
    public static AutoCloseable exitFromEveryWindow(Window owner, Runnable exit) {
        KeyEventDispatcher dispatcher = e -> {
            if (e.getID() != KeyEvent.KEY_PRESSED || !EXIT.equals(KeyStroke.getKeyStrokeForEvent(e))) {
                return false;
            }
            Window from = e.getComponent() == null ? null
                    : e.getComponent() instanceof Window w ? w : SwingUtilities.getWindowAncestor(e.getComponent());
            for (Window w = from; w != null; w = w.getOwner()) {
                if (w == owner) {
                    e.consume();
                    exit.run();
                    return true;
                }
            }
            return false;
        };
        KeyboardFocusManager.getCurrentKeyboardFocusManager().addKeyEventDispatcher(dispatcher);
        return () -> KeyboardFocusManager.getCurrentKeyboardFocusManager().removeKeyEventDispatcher(dispatcher);
    }
}
