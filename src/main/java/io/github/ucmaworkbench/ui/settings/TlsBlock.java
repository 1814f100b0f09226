package io.github.ucmaworkbench.ui.settings;

import javax.swing.JLabel;
import javax.swing.JPanel;

/**
 * The settings dialog's TLS rows, kept apart from the other fields: which certificate TLS uses
 * and where it is kept, shown only while TLS is the chosen transport.
 */
final class TlsBlock {
    private final JLabel caption = new JLabel("TLS certificate");
    private final JLabel location = new JLabel();

    TlsBlock(String certificate) {
        location.setName(SideSettingsDialog.TLS_CERTIFICATE);
        location.setText("<html>" + escape(certificate == null
                ? "the workbench's own, made on first use beside settings.json"
                : certificate) + "<br>Both sides and the embedded registrar use it and trust only it.</html>");
        location.putClientProperty("FlatLaf.styleClass", "small");
        location.getAccessibleContext().setAccessibleName("TLS certificate");
        caption.setLabelFor(location);
    }

    /** Adds the rows to the dialog's three-column MigLayout panel. */
    void addTo(JPanel content) {
        content.add(caption, "aligny top");
        content.add(location, "span 2, wrap 8, wmin 10");
    }

    /** Shows or hides the rows; true when that changed (the dialog then packs again). */
    boolean show(boolean tls) {
        boolean changed = location.isVisible() != tls;
        caption.setVisible(tls);
        location.setVisible(tls);
        return changed;
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
