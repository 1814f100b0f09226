package io.github.ucmaworkbench.ui.join;

import io.github.ucmaworkbench.settings.SettingsHolder;
import io.github.ucmaworkbench.settings.WorkbenchSettings;
import io.github.ucmaworkbench.settings.ClassroomShare;
import io.github.ucmaworkbench.settings.ClientSideSettings;
import io.github.ucmaworkbench.settings.ClassroomShareFormat;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.Window;
import java.awt.event.KeyEvent;
import java.nio.file.Path;
import java.util.function.Consumer;
import javax.swing.AbstractAction;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JDialog;
import javax.swing.JFileChooser;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTextArea;
import javax.swing.KeyStroke;
import javax.swing.UIManager;
import javax.swing.filechooser.FileNameExtensionFilter;
import net.miginfocom.swing.MigLayout;

/**
 * File → Join class…: the student pastes the teacher's line or opens the teacher's file, sees what
 * will change ({@link JoinConfirmation}) and, on Join, the client's settings move to the teacher's
 * registrar and the client signs in. Bad input is said under the text box and changes nothing.
 * Event thread only; reading a small file here is as quick as a file chooser.
 */
public final class JoinClassDialog extends JDialog {
    public static final String NAME = "joinClass";
    public static final String MENU_ITEM = "menu.file.joinClass";
    public static final String TEXT = "joinClass.text";
    public static final String OPEN_FILE = "joinClass.openFile";
    public static final String JOIN = "joinClass.join";
    public static final String CANCEL = "joinClass.cancel";
    public static final String PROBLEM = "joinClass.problem";

    private final SettingsHolder settings;
    private final Consumer<ClientSideSettings> signInWith;
    private final ClassroomShareFormat format;
    private final JTextArea text = new JTextArea(4, 48);
    private final JLabel problem = new JLabel(" ");

    private JoinClassDialog(Window owner, SettingsHolder settings, Consumer<ClientSideSettings> signInWith,
            ClassroomShareFormat format) {
        super(owner, "Join class", ModalityType.APPLICATION_MODAL);
        this.settings = settings;
        this.signInWith = signInWith;
        this.format = format;
        setName(NAME);
        text.setName(TEXT);
        text.setLineWrap(true);
        problem.setName(PROBLEM);
        Color error = UIManager.getColor("Component.error.focusedBorderColor");
        problem.setForeground(error != null ? error : Color.RED.darker());

        JButton open = new JButton(new AbstractAction("Open the teacher's file\u2026") {
            @Override
            public void actionPerformed(java.awt.event.ActionEvent e) {
                openFilePerformed();
            }
        });
        open.setName(OPEN_FILE);
        JButton join = new JButton(new AbstractAction("Join\u2026") {
            @Override
            public void actionPerformed(java.awt.event.ActionEvent e) {
                joinPerformed();
            }
        });
        join.setName(JOIN);
        JButton cancel = new JButton(new AbstractAction("Cancel") {
            @Override
            public void actionPerformed(java.awt.event.ActionEvent e) {
                dispose();
            }
        });
        cancel.setName(CANCEL);

        JPanel content = new JPanel(new MigLayout("insets dialog, fill", "[grow, fill]", "[][grow, fill][][]"));
        content.add(new JLabel("<html>Paste the line your teacher shares (it starts with <b>"
                + ClassroomShareFormat.PREFIX + "</b>), or open the teacher's file.</html>"), "wrap");
        content.add(new JScrollPane(text), "wrap");
        content.add(problem, "wrap");
        content.add(open, "split 3, growx 0");
        content.add(join, "tag ok, growx 0");
        content.add(cancel, "tag cancel, growx 0");
        setContentPane(content);
        getRootPane().setDefaultButton(join);
        getRootPane().registerKeyboardAction(e -> dispose(), KeyStroke.getKeyStroke(KeyEvent.VK_ESCAPE, 0),
                JComponent.WHEN_IN_FOCUSED_WINDOW);
        setMinimumSize(new Dimension(560, 240));
        pack();
        setLocationRelativeTo(owner);
    }

    /**
     * Opens the dialog (modal) over {@code owner}.
     *
     * @param signInWith gives the client its new settings and signs it in
     */
    public static void open(Window owner, SettingsHolder settings, Consumer<ClientSideSettings> signInWith,
            ClassroomShareFormat format) {
        new JoinClassDialog(owner, settings, signInWith, format).setVisible(true);
    }

    private void openFilePerformed() {
        JFileChooser chooser = new JFileChooser();
        chooser.setDialogTitle("The teacher's classroom settings");
        chooser.setFileFilter(new FileNameExtensionFilter("Classroom settings (*.json, *.txt)", "json", "txt"));
        if (chooser.showOpenDialog(this) != JFileChooser.APPROVE_OPTION) {
            return;
        }
        Path file = chooser.getSelectedFile().toPath();
        try {
            ClassroomShare share = format.read(file);
            text.setText(format.line(share));
            problem.setText(" ");
            confirmThenJoin(share);
        } catch (ClassroomShare.Problem e) {
            problem.setText(e.getMessage());
        }
    }

    private void joinPerformed() {
        try {
            ClassroomShare share = format.parse(text.getText());
            problem.setText(" ");
            confirmThenJoin(share);
        } catch (ClassroomShare.Problem e) {
            problem.setText("<html>" + escape(e.getMessage()) + "</html>");
        }
    }

    private void confirmThenJoin(ClassroomShare share) {
        if (confirmAndJoin(this, share, settings, signInWith)) {
            dispose();
        }
    }

    /**
     * Shows what joining changes and, when the student agrees, applies it and signs the client in.
     * Also what {@code ucma-workbench --join FILE} runs once the window is open.
     *
     * @return whether the student joined
     */
    public static boolean confirmAndJoin(Window owner, ClassroomShare share, SettingsHolder settings,
            Consumer<ClientSideSettings> signInWith) {
        WorkbenchSettings before = settings.get();
        if (!JoinConfirmation.ask(owner, share, share.changes(before))) {
            return false;
        }
        settings.update(share::applyTo);
        signInWith.accept(settings.get().client());
        return true;
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
