package io.github.ucmaworkbench.ui.ladder;

import io.github.ucmaworkbench.trace.ladder.LadderFilter;
import io.github.ucmaworkbench.trace.ladder.LadderModel;
import java.util.Arrays;

/**
 * The ladder's row index: which arrow each visible row shows (filtered, and grouped by caller when
 * chosen). A primitive array rather than a list, because the timer appends to it on every tick and
 * the painter reads it for every visible row. Event thread only.
 */
final class LadderRows {
    private int[] rows = new int[256];
    private int count;

    /** Rebuilds the index from the model. */
    void reset(LadderModel model, LadderFilter filter) {
        int[] matching = model.filter(filter);
        if (model.isGroupByCaller()) {
            // Runs on every tick that brings arrows while grouped: a primitive sort of (group, index)
            // keys, not boxed comparators, keeps it to a few milliseconds for tens of thousands.
            long[] keys = new long[matching.length];
            for (int i = 0; i < matching.length; i++) {
                keys[i] = ((long) model.callerGroup(model.arrow(matching[i])) << 32) | matching[i];
            }
            Arrays.sort(keys);
            for (int i = 0; i < keys.length; i++) {
                matching[i] = (int) keys[i];
            }
        }
        rows = Arrays.copyOf(matching, Math.max(256, matching.length * 2));
        count = matching.length;
    }

    /** Adds a row at the end (ungrouped: new arrows come in ladder order). */
    void append(int arrowIndex) {
        if (count == rows.length) {
            rows = Arrays.copyOf(rows, rows.length * 2);
        }
        rows[count++] = arrowIndex;
    }

    void clear() {
        count = 0;
    }

    /** The row showing this arrow, or -1 when the filter hides it. */
    int rowOf(LadderModel model, int arrowIndex) {
        if (model.isGroupByCaller()) {
            for (int row = 0; row < count; row++) { // grouped rows are not in ladder order
                if (rows[row] == arrowIndex) {
                    return row;
                }
            }
            return -1;
        }
        int row = Arrays.binarySearch(rows, 0, count, arrowIndex); // rows are in ladder order
        return row >= 0 ? row : -1;
    }

    int count() {
        return count;
    }

    int arrowAt(int row) {
        return rows[row];
    }

    /** The backing array, valid up to {@link #count()}: for the painter, which must not copy per frame. */
    int[] array() {
        return rows;
    }

    /** The shown arrows' model indexes in row order, copied. */
    int[] copy() {
        return Arrays.copyOf(rows, count);
    }
}
