package io.github.ucmaworkbench.ui.help;

import java.awt.Dimension;
import java.awt.Window;
import javax.swing.AbstractAction;
import javax.swing.JButton;
import javax.swing.JDialog;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTabbedPane;
import javax.swing.JTable;
import io.github.ucmaworkbench.ui.theme.KeyboardSupport;
import javax.swing.JTextArea;
import javax.swing.table.DefaultTableModel;
import net.miginfocom.swing.MigLayout;

/** Help → About: the version, the bundled libraries with their licenses, and the full notices. */
public final class AboutDialog extends JDialog {
    public static final String NAME = "about";
    public static final String VERSION = "about.version";
    public static final String LIBRARIES = "about.libraries";
    public static final String NOTICES = "about.notices";
    public static final String CLOSE = "about.close";

    public AboutDialog(Window owner) {
        super(owner, "About UCMA Workbench", ModalityType.APPLICATION_MODAL);
        setName(NAME);
        ThirdPartyNotices notices = ThirdPartyNotices.load();

        JLabel title = new JLabel(AppVersion.line());
        title.setName(VERSION);
        title.putClientProperty("FlatLaf.styleClass", "h2");
        JLabel what = new JLabel("The \"Introduction to the UCMA API\" tutorial series, live on a real SIP stack.");
        JLabel runtime = new JLabel("Java " + System.getProperty("java.version") + " ("
                + System.getProperty("java.vm.name") + ")");
        runtime.putClientProperty("FlatLaf.styleClass", "hint");

        DefaultTableModel rows = new DefaultTableModel(new Object[] {"Library", "License", "Home"}, 0) {
            @Override
            public boolean isCellEditable(int row, int column) {
                return false;
            }
        };
        notices.libraries().forEach(l -> rows.addRow(new Object[] {l.name(), l.license(), l.home()}));
        JTable table = new JTable(rows) {
            @Override
            public String getToolTipText(java.awt.event.MouseEvent e) {
                // Long license sentences do not fit their column: the whole cell on hover.
                int row = rowAtPoint(e.getPoint());
                int column = columnAtPoint(e.getPoint());
                return row < 0 || column < 0 ? null : String.valueOf(getValueAt(row, column));
            }
        };
        table.setToolTipText("");
        table.setName(LIBRARIES);
        table.setFillsViewportHeight(true);
        table.getAccessibleContext().setAccessibleName("Bundled libraries");
        KeyboardSupport.tabLeaves(table);
        table.getColumnModel().getColumn(0).setPreferredWidth(280);
        table.getColumnModel().getColumn(1).setPreferredWidth(260);
        table.getColumnModel().getColumn(2).setPreferredWidth(260);

        JTextArea text = new JTextArea(notices.text());
        text.setName(NOTICES);
        text.setEditable(false);
        text.setCaretPosition(0);
        text.getAccessibleContext().setAccessibleName("Third-party notices");

        JTabbedPane tabs = new JTabbedPane();
        tabs.addTab("Bundled libraries", new JScrollPane(table));
        tabs.addTab("Third-party notices", new JScrollPane(text));

        JButton close = new JButton(new AbstractAction("Close") {
            @Override
            public void actionPerformed(java.awt.event.ActionEvent e) {
                dispose();
            }
        });
        close.setName(CLOSE);
        close.setToolTipText("Close this window (Escape)");

        JPanel content = new JPanel(new MigLayout("insets dialog, fill", "[grow, fill]", "[][][][grow, fill][]"));
        content.add(title, "wrap");
        content.add(what, "wrap");
        content.add(runtime, "wrap para");
        content.add(tabs, "wrap");
        content.add(close, "tag ok, growx 0, right");
        setContentPane(content);
        KeyboardSupport.dialogKeys(this, close, this::dispose);
        setPreferredSize(new Dimension(860, 520));
        pack();
        setLocationRelativeTo(owner);
    }

    /** Shows the dialog over {@code owner}; event thread. */
    public static void show(Window owner) {
        new AboutDialog(owner).setVisible(true);
    }
}
