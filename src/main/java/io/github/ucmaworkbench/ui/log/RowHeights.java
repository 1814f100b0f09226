package io.github.ucmaworkbench.ui.log;

import java.util.Arrays;

/**
 * The height of every row of a log list, kept in step with the list's model: rows that arrive are
 * unknown until measured, rows that go take their heights with them. Only unknown rows are ever
 * measured, so a batch of new lines costs as many measurements as it has lines, not as many as
 * the log holds. Event thread only.
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

    /** Every row must be measured again (the width or the font changed). */
    void forgetAll() {
        Arrays.fill(heights, 0, size, UNKNOWN);
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

    int get(int row) {
        return heights[row];
    }

    void set(int row, int height) {
        heights[row] = height;
    }

    /** A copy of the heights, as the list's UI keeps them. */
    int[] toArray() {
        return Arrays.copyOf(heights, size);
    }
}
