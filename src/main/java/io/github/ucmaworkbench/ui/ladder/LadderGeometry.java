package io.github.ucmaworkbench.ui.ladder;

/**
 * Where things go on the ladder: a time gutter on the left, then one column per party, one row
 * per arrow. Shared by the canvas, the column header and the picture exports so they line up.
 */
final class LadderGeometry {
    static final int ROW_HEIGHT = 24;
    static final int TIME_WIDTH = 78;
    static final int MIN_COLUMN_WIDTH = 150;
    static final int PREFERRED_COLUMN_WIDTH = 210;
    static final int TOP = 4;
    static final int HEADER_HEIGHT = 40;

    private final int columns;
    private final double columnWidth;

    /** Spreads {@code columns} over {@code width} pixels, never narrower than the minimum. */
    LadderGeometry(int columns, int width) {
        this.columns = columns;
        this.columnWidth = columns == 0 ? PREFERRED_COLUMN_WIDTH
                : Math.max(MIN_COLUMN_WIDTH, (width - TIME_WIDTH) / (double) columns);
    }

    static int preferredWidth(int columns) {
        return TIME_WIDTH + Math.max(1, columns) * PREFERRED_COLUMN_WIDTH;
    }

    static int minimumWidth(int columns) {
        return TIME_WIDTH + Math.max(1, columns) * MIN_COLUMN_WIDTH;
    }

    static int height(int rows) {
        return TOP * 2 + rows * ROW_HEIGHT;
    }

    int columns() {
        return columns;
    }

    double columnWidth() {
        return columnWidth;
    }

    /** The x of a column's lifeline. */
    int x(int column) {
        return TIME_WIDTH + (int) Math.round(columnWidth * column + columnWidth / 2);
    }

    static int rowTop(int row) {
        return TOP + row * ROW_HEIGHT;
    }

    /** The row under {@code y}, which may be out of range. */
    static int rowAt(int y) {
        return Math.floorDiv(y - TOP, ROW_HEIGHT);
    }
}
