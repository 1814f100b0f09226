package io.github.ucmaworkbench.ui.log;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javax.swing.AbstractListModel;

/** The shown lines; grows and shrinks in whole batches so the list lays out once per batch. */
final class LogListModel extends AbstractListModel<LogEntry> {
    private final List<LogEntry> lines = new ArrayList<>();

    @Override
    public int getSize() {
        return lines.size();
    }

    @Override
    public LogEntry getElementAt(int index) {
        return lines.get(index);
    }

    void addAll(Collection<LogEntry> batch) {
        if (batch.isEmpty()) {
            return;
        }
        int first = lines.size();
        lines.addAll(batch);
        fireIntervalAdded(this, first, lines.size() - 1);
    }

    /** Drops the oldest lines beyond {@code max}; returns how many went. */
    int trimTo(int max) {
        int excess = lines.size() - max;
        if (excess <= 0) {
            return 0;
        }
        lines.subList(0, excess).clear();
        fireIntervalRemoved(this, 0, excess - 1);
        return excess;
    }

    void clear() {
        int size = lines.size();
        if (size > 0) {
            lines.clear();
            fireIntervalRemoved(this, 0, size - 1);
        }
    }

    List<LogEntry> snapshot() {
        return List.copyOf(lines);
    }
}
