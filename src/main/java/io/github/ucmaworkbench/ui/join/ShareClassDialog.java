package io.github.ucmaworkbench.ui.join;

import io.github.ucmaworkbench.settings.ClassroomShare;
import io.github.ucmaworkbench.settings.ClassroomShareFormat;
import java.awt.Dimension;
import java.awt.Toolkit;
import java.awt.Window;
import java.awt.datatransfer.StringSelection;
import java.awt.event.KeyEvent;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import javax.swing.AbstractAction;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JDialog;
import javax.swing.JFileChooser;
import javax.swing.JLabel;
import javax.swing.JOptionPane;
import javax.swing.JPanel;
import javax.swing.JTextField;
import javax.swing.KeyStroke;
import net.miginfocom.swing.MigLayout;

/**
 * File → Share classroom settings…: the teacher's registrar, domain, transport and certificate
 * fingerprint as one line to copy and as a file to save, for File → Join class… on the students'
 * machines. Event thread only.
 */
public final class ShareClassDialog extends JDialog {
    public static final String NAME = "shareClass";
    public static final String MENU_ITEM = "menu.file.shareClass";
    public static final String LINE = "shareClass.line";
    public static final String COPY = "shareClass.copy";
    public static final String SAVE = "shareClass.save";

    private ShareClassDialog(Window owner, ClassroomShare share, ClassroomShareFormat format) {
        super(owner, "Share classroom settings", ModalityType.APPLICATION_MODAL);
        setName(NAME);
        JTextField line = new JTextField(format.line(share), 48);
        line.setName(LINE);
        line.setEditable(false);
        JButton copy = new JButton(new AbstractAction("Copy line") {
            @Override
            public void actionPerformed(java.awt.event.ActionEvent e) {
                Toolkit.getDefaultToolkit().getSystemClipboard().setContents(new StringSelection(line.getText()), null);
            }
        });
        copy.setName(COPY);
        JButton save = new JButton(new AbstractAction("Save as file\u2026") {
            @Override
            public void actionPerformed(java.awt.event.ActionEvent e) {
                savePerformed(share, format);
            }
        });
        save.setName(SAVE);
        JButton close = new JButton(new AbstractAction("Close") {
            @Override
            public void actionPerformed(java.awt.event.ActionEvent e) {
                dispose();
            }
        });

        JPanel content = new JPanel(new MigLayout("insets dialog, fill", "[right][grow, fill]", ""));
        content.add(new JLabel("Registrar"));
        content.add(new JLabel(share.server() + " (" + share.transport() + ")"), "wrap");
        content.add(new JLabel("Domain"));
        content.add(new JLabel(share.domain()), "wrap");
        if (!share.tlsFingerprint().isEmpty()) {
            content.add(new JLabel("Certificate SHA-256"));
            content.add(new JLabel("<html><tt>" + share.tlsFingerprint() + "</tt></html>"), "wrap");
        }
        content.add(new JLabel("<html>Students paste this line into File \u2192 Join class\u2026, or open the file"
                + " you save (also: <tt>ucma-workbench --join FILE</tt>).</html>"), "span 2, wrap para");
        content.add(line, "span 2, wrap");
        content.add(copy, "span 2, split 3, growx 0");
        content.add(save, "growx 0");
        content.add(close, "tag ok, growx 0");
        setContentPane(content);
        getRootPane().registerKeyboardAction(e -> dispose(), KeyStroke.getKeyStroke(KeyEvent.VK_ESCAPE, 0),
                JComponent.WHEN_IN_FOCUSED_WINDOW);
        setMinimumSize(new Dimension(620, 200));
        pack();
        setLocationRelativeTo(owner);
    }

    /**
     * Shows the share, or the sentence why this window cannot share one (e.g. the registrar
     * listens on loopback only).
     */
    public static void show(Window owner, ShareSource source, ClassroomShareFormat format) {
        try {
            new ShareClassDialog(owner, source.classroomShare(), format).setVisible(true);
        } catch (ClassroomShare.Problem e) {
            JOptionPane.showMessageDialog(owner, e.getMessage(), "Share classroom settings", JOptionPane.WARNING_MESSAGE);
        }
    }

    /** Where the teacher's classroom settings come from (the running workbench). */
    @FunctionalInterface
    public interface ShareSource {
        ClassroomShare classroomShare() throws ClassroomShare.Problem;
    }

    private void savePerformed(ClassroomShare share, ClassroomShareFormat format) {
        JFileChooser chooser = new JFileChooser();
        chooser.setSelectedFile(new File("classroom" + ClassroomShareFormat.FILE_EXTENSION));
        if (chooser.showSaveDialog(this) != JFileChooser.APPROVE_OPTION) {
            return;
        }
        Path file = chooser.getSelectedFile().toPath();
        try {
            format.write(share, file);
        } catch (IOException e) {
            JOptionPane.showMessageDialog(this, "The file " + file + " cannot be written: " + e.getMessage(),
                    "Share classroom settings", JOptionPane.ERROR_MESSAGE);
        }
    }
}
