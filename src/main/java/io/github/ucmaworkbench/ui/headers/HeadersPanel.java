package io.github.ucmaworkbench.ui.headers;

import io.github.ucmaworkbench.rtc.SignalingHeader;
import io.github.ucmaworkbench.settings.AcceptPolicySettings;
import io.github.ucmaworkbench.ui.theme.KeyboardSupport;
import io.github.ucmaworkbench.ui.theme.ThemeSupport;
import java.awt.Component;
import java.awt.Dimension;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTable;
import javax.swing.table.DefaultTableCellRenderer;
import net.miginfocom.swing.MigLayout;

/**
 * The small table of custom headers sent with the INVITE (lesson 5). A bad cell turns red with
 * its reason as tooltip, and the first reason is written under the table.
 */
public final class HeadersPanel extends JPanel {
    public static final String TABLE = ".table";
    public static final String ADD = ".add";
    public static final String REMOVE = ".remove";
    public static final String PROBLEM = ".problem";

    private final HeadersTableModel model = new HeadersTableModel();
    private final JTable table = new JTable(model);
    private final JButton add = new JButton("Add");
    private final JButton remove = new JButton("Remove");
    private final JLabel problem = new JLabel();
    private final List<Runnable> validityListeners = new CopyOnWriteArrayList<>();

    public HeadersPanel(String name) {
        super(new MigLayout("insets 0, gap 4 2, hidemode 3", "[grow,fill][][]", "[][grow,fill][]"));
        setName(name);
        table.setName(name + TABLE);
        add.setName(name + ADD);
        remove.setName(name + REMOVE);
        problem.setName(name + PROBLEM);
        table.getAccessibleContext().setAccessibleName("Custom INVITE headers");
        table.setFillsViewportHeight(true);
        KeyboardSupport.tabLeaves(table); // Tab went from cell to cell and never left the table
        table.setDefaultRenderer(String.class, new CheckedCellRenderer());
        table.setPreferredScrollableViewportSize(new Dimension(200, table.getRowHeight() * 3));
        problem.setForeground(ThemeSupport.errorColour());
        problem.setVisible(false);
        add.addActionListener(e -> addPerformed());
        remove.addActionListener(e -> removePerformed());
        remove.setEnabled(false);
        table.getSelectionModel().addListSelectionListener(e -> remove.setEnabled(table.getSelectedRow() >= 0));
        model.addTableModelListener(e -> validityChanged());

        add.setToolTipText("Add a header row (pre-filled with the one the server's policy can require)");
        add.getAccessibleContext().setAccessibleName("Add header");
        remove.getAccessibleContext().setAccessibleName("Remove header");
        remove.setToolTipText("Remove the selected header row");
        add(new JLabel("Custom headers"), "wmin 0");
        add(add);
        add(remove, "wrap");
        add(new JScrollPane(table), "span, growy, hmin 60, wrap");
        add(problem, "span");
    }

    /** Adds a row ready for typing, pre-filled with the header the server's policy looks for. */
    void addPerformed() {
        if (table.isEditing()) {
            table.getCellEditor().stopCellEditing();
        }
        model.addRow(AcceptPolicySettings.DEFAULT_REQUIRED_HEADER, "part-5");
        int row = model.getRowCount() - 1;
        table.getSelectionModel().setSelectionInterval(row, row);
    }

    void removePerformed() {
        if (table.isEditing()) {
            table.getCellEditor().cancelCellEditing();
        }
        int row = table.getSelectedRow();
        if (row >= 0) {
            model.removeRow(table.convertRowIndexToModel(row));
        }
    }

    /** Null when every header can be sent, else the first reason. */
    public String problem() {
        return model.firstProblem();
    }

    public List<SignalingHeader> headers() {
        return model.headers();
    }

    public HeadersTableModel model() {
        return model;
    }

    /** Called on the event thread whenever {@link #problem()} may have changed. */
    public void addValidityListener(Runnable listener) {
        validityListeners.add(listener);
    }

    private void validityChanged() {
        String reason = model.firstProblem();
        problem.setText(reason == null ? "" : reason);
        problem.setVisible(reason != null);
        validityListeners.forEach(Runnable::run);
    }

    @Override
    public void updateUI() {
        super.updateUI();
        if (problem != null) {
            problem.setForeground(ThemeSupport.errorColour());
        }
    }

    /** Paints a bad cell red and explains it in the tooltip. */
    private final class CheckedCellRenderer extends DefaultTableCellRenderer {
        @Override
        public Component getTableCellRendererComponent(JTable t, Object value, boolean selected, boolean focused,
                int row, int column) {
            super.getTableCellRendererComponent(t, value, selected, focused, row, column);
            String reason = model.problemAt(t.convertRowIndexToModel(row), t.convertColumnIndexToModel(column));
            if (reason != null && !selected) {
                setForeground(ThemeSupport.errorColour());
            } else if (!selected) {
                setForeground(t.getForeground());
            }
            setToolTipText(reason);
            return this;
        }
    }
}
