package io.github.ucmaworkbench.ui.log;

import java.util.Arrays;

/**
 * The height of every row of a log list, kept in step with the list's model: rows that arrive are
 * unknown until measured, rows that go take their heights with them. Only unknown rows must be
 * measured, so a batch of new lines costs as many measurements as it has lines, not as many as
 * the log holds. After a width or font change every row is stale: it keeps its old height, good
 * enough to lay out with, until it is measured again (a few thousand rows at a time). Stored as
 * {@code -(height + 2)}. Event thread only.
 */
final class RowHeights {
    static final int UNKNOWN = -1;

    private int[] heights = new int[256];
    private int size;

    /** Rows {@code first..last} (inclusive) were inserted. */
    void inserted(int first, int last) {
        int count = last - first + 1;
        if (size + count > heights.length) {
            heights = Arrays.copyOf(heights, Math.max(heights.length * 2, size + count));
        }
        System.arraycopy(heights, first, heights, first + count, size - first);
        Arrays.fill(heights, first, first + count, UNKNOWN);
        size += count;
    }

    /** Rows {@code first..last} (inclusive) were removed. */
    void removed(int first, int last) {
        int count = last - first + 1;
        System.arraycopy(heights, last + 1, heights, first, size - last - 1);
        size -= count;
    }

    /** Rows {@code first..last} (inclusive) changed: measure them again. */
    void changed(int first, int last) {
        Arrays.fill(heights, Math.max(0, first), Math.min(size, last + 1), UNKNOWN);
    }

    /** Every row must be measured again (the width or the font changed); until then each keeps its old height. */
    void forgetAll() {
        for (int i = 0; i < size; i++) {
            if (heights[i] >= 0) {
                heights[i] = -(heights[i] + 2);
            }
        }
    }

    /** True when the row's height was measured for the current width and font. */
    boolean isMeasured(int row) {
        return heights[row] >= 0;
    }

    boolean isUnknown(int row) {
        return heights[row] == UNKNOWN;
    }

    /** Brings the count to {@code rows}, unknown at the end (a model that changed behind our back). */
    void resize(int rows) {
        if (rows > size) {
            inserted(size, rows - 1);
        } else if (rows < size) {
            size = rows;
        }
    }

    int size() {
        return size;
    }

    /** The height to lay out with: measured, or stale (the old one); {@link #UNKNOWN} when never measured. */
    int get(int row) {
        int h = heights[row];
        return h >= UNKNOWN ? h : -h - 2;
    }

    void set(int row, int height) {
        heights[row] = height;
    }

    /** The heights to lay out with (stale ones included), as the list's UI keeps them. */
    int[] toArray() {
        int[] out = new int[size];
        for (int i = 0; i < size; i++) {
            out[i] = get(i);
        }
        return out;
    }
}
