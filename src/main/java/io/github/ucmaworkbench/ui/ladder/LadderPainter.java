package io.github.ucmaworkbench.ui.ladder;

import io.github.ucmaworkbench.trace.ladder.LadderArrow;
import io.github.ucmaworkbench.trace.ladder.LadderColumn;
import io.github.ucmaworkbench.trace.ladder.LadderModel;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Stroke;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * Paints ladder rows and column heads onto any Graphics2D: the canvas (only the rows inside the
 * clip) and the PNG export (all of them) share it, so a slide looks like the screen.
 */
final class LadderPainter {
    static final int ARROW_HEAD = 8;
    private static final Stroke LINE = new BasicStroke(1.5f);
    private static final Stroke BOLD = new BasicStroke(2.5f);
    private static final Stroke DASHED = new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
            new float[] {5f, 4f}, 0f);
    private static final Stroke THIN = new BasicStroke(1f);

    /**
     * What to paint: the model, which of its arrows are rows (in row order), which arrow is
     * selected (-1: none), which are highlighted ({@code null}: no highlight active), and whether
     * the rows come grouped by caller (each group's first row then names its caller).
     */
    record Scene(LadderModel model, int[] rows, int rowCount, int selectedArrow, IntPredicate highlighted,
            boolean grouped) {
        Scene(LadderModel model, int[] rows, int rowCount, int selectedArrow, IntPredicate highlighted) {
            this(model, rows, rowCount, selectedArrow, highlighted, model.isGroupByCaller());
        }

        /** The caller whose group starts at this row, or null when the row continues a group. */
        String groupStartingAt(int row) {
            if (!grouped) {
                return null;
            }
            String caller = model.arrow(rows[row]).caller();
            if (row > 0 && model.arrow(rows[row - 1]).caller().equals(caller)) {
                return null;
            }
            return caller.isEmpty() ? "caller unknown" : caller;
        }
    }

    private LadderPainter() {
    }

    /** Paints lifelines over {@code [y0, y1)} and the rows {@code firstRow..lastRow} inclusive. */
    static void paintRows(Graphics2D g, Scene scene, LadderGeometry geo, LadderPalette palette, Font font,
            int width, int y0, int y1, int firstRow, int lastRow) {
        // Fills and vertical lifelines are pixel-aligned: anti-aliasing (and dashing) them only
        // costs time, and they were most of a paint's cost in software rendering.
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
        g.setColor(palette.background);
        g.fillRect(0, y0, width, y1 - y0);
        for (int row = firstRow; row <= lastRow; row++) {
            int arrowIndex = scene.rows()[row];
            int top = LadderGeometry.rowTop(row);
            if (arrowIndex == scene.selectedArrow()) {
                g.setColor(palette.selection);
                g.fillRect(0, top, width, LadderGeometry.ROW_HEIGHT);
            } else if (scene.highlighted() != null && scene.highlighted().test(arrowIndex)) {
                g.setColor(palette.highlight);
                g.fillRect(0, top, width, LadderGeometry.ROW_HEIGHT);
            }
        }
        g.setStroke(THIN);
        g.setColor(palette.lifeline);
        for (int c = 0; c < geo.columns(); c++) {
            g.drawLine(geo.x(c), y0, geo.x(c), y1);
        }
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        Font small = font.deriveFont(font.getSize2D() - 1f);
        Font bold = font.deriveFont(Font.BOLD);
        for (int row = firstRow; row <= lastRow; row++) {
            paintArrow(g, scene, geo, palette, font, bold, small, row);
        }
        for (int row = firstRow; row <= lastRow; row++) {
            String caller = scene.groupStartingAt(row);
            if (caller != null) {
                paintGroupStart(g, palette, small, width, row, caller);
            }
        }
    }

    /** A rule over the group's first row and its caller's name at the right, clear of the arrows' labels. */
    private static void paintGroupStart(Graphics2D g, LadderPalette palette, Font small, int width, int row,
            String caller) {
        int top = LadderGeometry.rowTop(row);
        g.setStroke(THIN);
        g.setColor(palette.muted);
        g.drawLine(0, top, width, top);
        g.setFont(small.deriveFont(Font.BOLD));
        FontMetrics fm = g.getFontMetrics();
        int w = fm.stringWidth(caller);
        g.setColor(palette.background);
        g.fillRect(width - w - 12, top + 1, w + 8, fm.getAscent() + 2);
        g.setColor(palette.foreground);
        g.drawString(caller, width - w - 8, top + fm.getAscent());
    }

    private static void paintArrow(Graphics2D g, Scene scene, LadderGeometry geo, LadderPalette palette, Font font,
            Font bold, Font small, int row) {
        LadderModel model = scene.model();
        LadderArrow arrow = model.arrow(scene.rows()[row]);
        LadderColumn from = model.from(arrow);
        LadderColumn to = model.to(arrow);
        if (from == null || to == null) {
            return;
        }
        int top = LadderGeometry.rowTop(row);
        int y = top + LadderGeometry.ROW_HEIGHT - 6;
        boolean selected = arrow.index() == scene.selectedArrow();
        boolean dim = scene.highlighted() != null && !scene.highlighted().test(arrow.index());

        g.setFont(small);
        g.setColor(dim ? palette.dimmed(palette.muted) : palette.muted);
        String time = timeText(model.offsetMillis(arrow));
        FontMetrics sm = g.getFontMetrics();
        g.drawString(time, LadderGeometry.TIME_WIDTH - 10 - sm.stringWidth(time), y);

        Color color = palette.call(arrow.callIndex());
        g.setColor(dim ? palette.dimmed(color) : color);
        g.setStroke(arrow.isRetransmission() ? DASHED : selected ? BOLD : LINE);
        int x1 = geo.x(from.index());
        int x2 = geo.x(to.index());
        int labelLeft;
        int labelRight;
        if (x1 == x2) {
            int loop = 28;
            g.drawPolyline(new int[] {x1, x1 + loop, x1 + loop, x1 + ARROW_HEAD}, new int[] {top + 8, top + 8, y, y}, 4);
            head(g, x1 + ARROW_HEAD, x1, y);
            labelLeft = x1 + loop + 4;
            labelRight = labelLeft + 400;
        } else {
            g.drawLine(x1, y, x2, y);
            head(g, x1, x2, y);
            labelLeft = Math.min(x1, x2);
            labelRight = Math.max(x1, x2);
        }
        g.setFont(arrow.isRequest() ? bold : font);
        String label = arrow.label() + (arrow.isRetransmission() ? "  \u21BB retransmission" : "");
        FontMetrics fm = g.getFontMetrics();
        int w = fm.stringWidth(label);
        int lx = x1 == x2 ? labelLeft : labelLeft + Math.max(2, (labelRight - labelLeft - w) / 2);
        g.drawString(label, lx, y - 4);
    }

    private static void head(Graphics2D g, int fromX, int toX, int y) {
        int dir = toX >= fromX ? 1 : -1;
        int[] xs = {toX, toX - dir * ARROW_HEAD, toX - dir * ARROW_HEAD};
        int[] ys = {y, y - ARROW_HEAD / 2, y + ARROW_HEAD / 2};
        g.fillPolygon(xs, ys, 3);
    }

    /** Column titles and what each column is, over {@code height} pixels. */
    static void paintHeader(Graphics2D g, List<LadderColumn> columns, LadderGeometry geo, LadderPalette palette,
            Font font, int width, int height) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(palette.background);
        g.fillRect(0, 0, width, height);
        Font bold = font.deriveFont(Font.BOLD, font.getSize2D() + 1f);
        Font small = font.deriveFont(font.getSize2D() - 1f);
        g.setFont(small);
        g.setColor(palette.muted);
        g.drawString("time (s)", 6, height - 8);
        for (LadderColumn column : columns) {
            int x = geo.x(column.index());
            g.setFont(bold);
            g.setColor(palette.foreground);
            drawCentred(g, column.title(), x, 16, (int) geo.columnWidth() - 6);
            g.setFont(small);
            g.setColor(palette.muted);
            drawCentred(g, subtitle(column), x, 31, (int) geo.columnWidth() - 6);
        }
        g.setColor(palette.lifeline);
        g.drawLine(0, height - 1, width, height - 1);
    }

    static String subtitle(LadderColumn column) {
        return switch (column.kind()) {
            case ENDPOINT -> column.id();
            case REGISTRAR -> column.isOutside() ? "registrar (outside)" : "embedded registrar + proxy";
            case EXTERNAL -> "outside this process";
            case CALLERS -> "everyone else, by caller";
        };
    }

    private static void drawCentred(Graphics2D g, String text, int x, int baseline, int maxWidth) {
        FontMetrics fm = g.getFontMetrics();
        String shown = text;
        while (fm.stringWidth(shown) > maxWidth && shown.length() > 4) {
            shown = shown.substring(0, shown.length() - 2);
        }
        if (!shown.equals(text)) {
            shown = shown + "\u2026";
        }
        g.drawString(shown, x - fm.stringWidth(shown) / 2, baseline);
    }

    /** Seconds from the first message, to the millisecond: {@code +1.234}. */
    static String timeText(long millis) {
        long ms = Math.abs(millis % 1000);
        return (millis < 0 ? "-" : "+") + Math.abs(millis / 1000) + (ms < 10 ? ".00" : ms < 100 ? ".0" : ".") + ms;
    }
}
