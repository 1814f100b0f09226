package io.github.ucmaworkbench.ui;

import java.awt.Dimension;
import java.util.Locale;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JTextArea;
import net.miginfocom.swing.MigLayout;

/**
 * The place a later part of the workbench fills (the lesson view, the SIP ladder). Until then it
 * says plainly what will appear here rather than showing made-up content.
 */
public final class PlaceholderPanel extends JPanel {
    public PlaceholderPanel(String name, String title, String whatWillAppear) {
        super(new MigLayout("insets 10, gap 6 8", "[grow,fill]", "[][grow,top]"));
        setName(name);
        JLabel heading = new JLabel(title.toUpperCase(Locale.ROOT));
        heading.putClientProperty("FlatLaf.styleClass", "h2");
        // A wrapping text area, not an HTML label: the first HTML label of a start parses Swing's
        // default style sheet on the event thread while the window is being built.
        JTextArea text = SidePanel.note(whatWillAppear);
        text.setName(name + ".text");
        text.putClientProperty("FlatLaf.styleClass", "hint"); // a note, not content; still 4.5:1
        getAccessibleContext().setAccessibleName(title);
        add(heading, "wrap");
        add(text, "wmin 0");
    }

    /** A narrow column: the lesson view's width is the sides' to give. */
    @Override
    public Dimension getPreferredSize() {
        Dimension preferred = super.getPreferredSize();
        int em = getFontMetrics(getFont()).charWidth('m');
        return new Dimension(Math.min(preferred.width, em * 24), preferred.height);
    }
}
