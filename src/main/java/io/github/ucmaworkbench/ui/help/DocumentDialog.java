package io.github.ucmaworkbench.ui.help;

import java.awt.Desktop;
import java.awt.Dimension;
import java.awt.Window;
import java.awt.event.KeyEvent;
import javax.swing.JComponent;
import javax.swing.JDialog;
import javax.swing.JEditorPane;
import javax.swing.JScrollPane;
import javax.swing.KeyStroke;
import javax.swing.event.HyperlinkEvent;

/** A non-modal window with one rendered Markdown document (or a clear "not found" sentence). */
public final class DocumentDialog extends JDialog {
    public static final String NAME = "help.document";
    public static final String TEXT = "help.document.text";

    private DocumentDialog(Window owner, String title, String html) {
        super(owner, title, ModalityType.MODELESS);
        setName(NAME);
        JEditorPane pane = new JEditorPane("text/html", html);
        pane.setName(TEXT);
        pane.setEditable(false);
        pane.getAccessibleContext().setAccessibleName(title);
        pane.putClientProperty(JEditorPane.HONOR_DISPLAY_PROPERTIES, Boolean.TRUE);
        pane.addHyperlinkListener(e -> {
            if (e.getEventType() == HyperlinkEvent.EventType.ACTIVATED && e.getURL() != null
                    && Desktop.isDesktopSupported() && Desktop.getDesktop().isSupported(Desktop.Action.BROWSE)) {
                try {
                    Desktop.getDesktop().browse(e.getURL().toURI());
                } catch (Exception ignored) {
                    // No browser here: the address stays readable in the text.
                }
            }
        });
        pane.setCaretPosition(0);
        setContentPane(new JScrollPane(pane));
        getRootPane().registerKeyboardAction(e -> dispose(), KeyStroke.getKeyStroke(KeyEvent.VK_ESCAPE, 0),
                JComponent.WHEN_IN_FOCUSED_WINDOW);
        setPreferredSize(new Dimension(820, 600));
        pack();
        setLocationRelativeTo(owner);
    }

    /**
     * Shows {@code markdown} rendered; when it is null, {@code missing} instead (what was not found).
     */
    public static void showMarkdown(Window owner, String title, String markdown, String missing) {
        String html = markdown != null ? HelpDocs.html(markdown)
                : "<html><body><h2>Not found</h2><p>" + escape(missing) + "</p></body></html>";
        new DocumentDialog(owner, title, html).setVisible(true);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
