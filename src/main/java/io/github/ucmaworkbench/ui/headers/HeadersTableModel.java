package io.github.ucmaworkbench.ui.headers;

import io.github.ucmaworkbench.rtc.SignalingHeader;
import io.github.ucmaworkbench.settings.SettingsValidation;
import java.util.ArrayList;
import java.util.List;
import javax.swing.table.AbstractTableModel;

/** The custom headers for the INVITE: name and value per row, each cell checked as it is edited. */
public final class HeadersTableModel extends AbstractTableModel {
    public static final int NAME = 0;
    public static final int VALUE = 1;

    private final List<String[]> rows = new ArrayList<>();

    @Override
    public int getRowCount() {
        return rows.size();
    }

    @Override
    public int getColumnCount() {
        return 2;
    }

    @Override
    public String getColumnName(int column) {
        return column == NAME ? "Header" : "Value";
    }

    @Override
    public Class<?> getColumnClass(int column) {
        return String.class;
    }

    @Override
    public boolean isCellEditable(int row, int column) {
        return true;
    }

    @Override
    public Object getValueAt(int row, int column) {
        return rows.get(row)[column];
    }

    @Override
    public void setValueAt(Object value, int row, int column) {
        rows.get(row)[column] = value == null ? "" : value.toString();
        fireTableCellUpdated(row, column);
    }

    public void addRow(String name, String value) {
        rows.add(new String[] {name, value});
        fireTableRowsInserted(rows.size() - 1, rows.size() - 1);
    }

    public void removeRow(int row) {
        rows.remove(row);
        fireTableRowsDeleted(row, row);
    }

    /** Why the cell cannot be sent, or null. */
    public String problemAt(int row, int column) {
        String text = rows.get(row)[column];
        return (column == NAME ? SettingsValidation.headerName(text) : SettingsValidation.headerValue(text)).orElse(null);
    }

    /** The first problem in the table as "Row 2: …", or null when every header can be sent. */
    public String firstProblem() {
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < 2; c++) {
                String problem = problemAt(r, c);
                if (problem != null) {
                    return "Row " + (r + 1) + ": " + problem;
                }
            }
        }
        return null;
    }

    /** The headers to send; only call when {@link #firstProblem()} is null. */
    public List<SignalingHeader> headers() {
        List<SignalingHeader> headers = new ArrayList<>();
        for (String[] row : rows) {
            headers.add(new SignalingHeader(row[NAME].trim(), row[VALUE]));
        }
        return List.copyOf(headers);
    }
}
