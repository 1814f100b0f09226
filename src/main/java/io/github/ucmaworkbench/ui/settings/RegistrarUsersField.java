package io.github.ucmaworkbench.ui.settings;

import io.github.ucmaworkbench.common.DaemonThreads;
import io.github.ucmaworkbench.settings.SettingsValidation;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JSeparator;
import javax.swing.JTextField;
import javax.swing.SwingUtilities;
import javax.swing.event.DocumentEvent;
import javax.swing.event.DocumentListener;

/**
 * The settings dialog's block for the embedded registrar's users file: a path, checked as the
 * user types (readable, {@code name=password} lines) with the reason shown beneath it. Checking
 * reads the file, so it runs on a background thread; the result is applied on the event thread
 * only if the text has not changed meanwhile, and until it arrives the field does not count as
 * valid (OK waits).
 */
final class RegistrarUsersField {
    private static final ExecutorService CHECKER = Executors.newSingleThreadExecutor(DaemonThreads.named("users-file-check"));

    private final JTextField path = new JTextField(26);
    private final JLabel problem;
    private final Runnable changed;
    private boolean valid = true;

    RegistrarUsersField(String initial, JLabel problemLabel, Runnable changed) {
        this.problem = problemLabel;
        this.changed = changed;
        path.setName(SideSettingsDialog.REGISTRAR_USERS);
        path.getAccessibleContext().setAccessibleName("Embedded registrar users file");
        path.setToolTipText("A text file of name=password lines; when set, the embedded registrar asks for them");
        path.setText(initial == null ? "" : initial);
        path.getDocument().addDocumentListener(new DocumentListener() {
            @Override public void insertUpdate(DocumentEvent e) { check(); }
            @Override public void removeUpdate(DocumentEvent e) { check(); }
            @Override public void changedUpdate(DocumentEvent e) { check(); }
        });
        check();
    }

    /** Adds the block's rows to the dialog's three-column MigLayout panel. */
    void addTo(JPanel content) {
        content.add(new JSeparator(), "span, growx, wrap 4");
        JLabel label = new JLabel("Registrar users file");
        label.setDisplayedMnemonic('F');
        label.setLabelFor(path);
        content.add(label);
        content.add(path, "span 2, wrap");
        content.add(problem, "skip, span 2, wrap");
        JLabel hint = new JLabel("<html>Optional. When set, the workbench's own registrar asks every endpoint to sign "
                + "in<br>with a name and password from this file. Takes effect when the workbench starts next.</html>");
        hint.putClientProperty("FlatLaf.styleClass", "small");
        content.add(hint, "skip, span 2, wrap 12");
    }

    /** True when the text is empty or names a good users file (and its check has finished). */
    boolean isValid() {
        return valid;
    }

    String text() {
        return path.getText().trim();
    }

    private void check() {
        String text = path.getText();
        if (text.isBlank()) {
            show(null);
            return;
        }
        valid = false;
        changed.run();
        CHECKER.execute(() -> {
            String reason = SettingsValidation.usersFile(text).orElse(null);
            SwingUtilities.invokeLater(() -> {
                if (path.getText().equals(text)) {
                    show(reason);
                }
            });
        });
    }

    private void show(String reason) {
        valid = reason == null;
        problem.setText(reason == null ? " " : reason);
        problem.getAccessibleContext().setAccessibleDescription(reason);
        changed.run();
    }
}
