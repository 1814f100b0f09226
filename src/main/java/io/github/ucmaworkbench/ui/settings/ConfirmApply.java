package io.github.ucmaworkbench.ui.settings;

import io.github.ucmaworkbench.ui.theme.KeyboardSupport;
import java.awt.Window;
import javax.swing.JButton;
import javax.swing.JDialog;
import javax.swing.JLabel;
import javax.swing.JPanel;
import net.miginfocom.swing.MigLayout;

/**
 * The question before settings that would end a call or stop a sign-in: Apply or Cancel. Cancel
 * is the default (Enter, Escape, closing the window): nothing is lost unless the user says so.
 */
public final class ConfirmApply extends JDialog {
    public static final String DIALOG = "settings.confirm";
    public static final String QUESTION = "settings.confirm.question";
    public static final String APPLY = "settings.confirm.apply";
    public static final String CANCEL = "settings.confirm.cancel";

    private boolean applied;

    private ConfirmApply(Window owner, String question) {
        super(owner, "Apply the settings?", ModalityType.APPLICATION_MODAL);
        setName(DIALOG);
        setDefaultCloseOperation(DISPOSE_ON_CLOSE);
        JLabel text = new JLabel(question);
        text.setName(QUESTION);
        JButton apply = new JButton("Apply");
        JButton cancel = new JButton("Cancel");
        apply.setName(APPLY);
        cancel.setName(CANCEL);
        apply.setMnemonic('A');
        apply.addActionListener(e -> {
            applied = true;
            dispose();
        });
        cancel.addActionListener(e -> dispose());
        KeyboardSupport.label(apply, "Apply", question);
        KeyboardSupport.label(cancel, "Cancel", "Back to the settings; nothing changes (Enter, Escape)");
        JPanel content = new JPanel(new MigLayout("insets dialog, gap 8 8", "[grow,fill]", "[]unrel[]"));
        content.add(text, "wrap");
        content.add(apply, "split 2, right, tag apply");
        content.add(cancel, "tag cancel");
        setContentPane(content);
        KeyboardSupport.dialogKeys(this, cancel, this::dispose);
        pack();
        setLocationRelativeTo(owner);
    }

    /** Asks {@code question}; true only when the user pressed Apply. Event thread; blocks until answered. */
    static boolean ask(Window owner, String question) {
        ConfirmApply dialog = new ConfirmApply(owner, question);
        dialog.setVisible(true);
        return dialog.applied;
    }
}
