package io.github.ucmaworkbench.ui.lesson;

import java.awt.Font;
import javax.swing.JTextArea;
import javax.swing.UIManager;

/**
 * A label that wraps at word breaks instead of cutting its text ("…1.5 se…"): a read-only text
 * area that looks like a bold label and keeps the label font through theme and font-size changes.
 * A {@code JLabel} cannot do it: even as HTML it asks for the height of one unwrapped line.
 */
final class WrappedLabel extends JTextArea {
    private static final long serialVersionUID = 1L;

    WrappedLabel() {
        super(1, 10);
        setEditable(false);
        setLineWrap(true);
        setWrapStyleWord(true);
        setOpaque(false);
        setFocusable(false);
        setBorder(null);
    }

    @Override
    public void updateUI() {
        super.updateUI();
        Font label = UIManager.getFont("Label.font");
        if (label != null) {
            setFont(label.deriveFont(Font.BOLD));
        }
        setForeground(UIManager.getColor("Label.foreground"));
    }
}
