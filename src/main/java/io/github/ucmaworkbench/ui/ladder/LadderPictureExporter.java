package io.github.ucmaworkbench.ui.ladder;

import io.github.ucmaworkbench.trace.ladder.LadderArrow;
import io.github.ucmaworkbench.trace.ladder.LadderColumn;
import io.github.ucmaworkbench.trace.ladder.LadderModel;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * The ladder as a picture for slides: PNG through the same painter as the screen, or SVG written
 * by hand (scales on a projector, and a teacher can edit it). Both use a light palette whatever
 * the window's theme. Works headless.
 */
public final class LadderPictureExporter {
    /** A PNG holds at most this many arrows (a taller bitmap is useless on a slide and costly). */
    public static final int MAX_PNG_ROWS = 400;

    private LadderPictureExporter() {
    }

    /**
     * Paints the arrows {@code rows} (model indexes, in order) from {@code firstRow}, at most
     * {@link #MAX_PNG_ROWS} of them; when fewer remain after {@code firstRow} the window moves up.
     */
    public static BufferedImage png(LadderModel model, int[] rows, int firstRow, Font font) {
        int count = Math.min(rows.length, MAX_PNG_ROWS);
        int start = Math.max(0, Math.min(firstRow, rows.length - count));
        int[] shown = Arrays.copyOfRange(rows, start, start + count);
        List<LadderColumn> columns = model.columns();
        int width = LadderGeometry.preferredWidth(columns.size());
        int header = LadderGeometry.HEADER_HEIGHT;
        int height = header + LadderGeometry.height(count);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            Font f = font != null ? font : new Font(Font.SANS_SERIF, Font.PLAIN, 12);
            LadderPalette palette = LadderPalette.print();
            LadderGeometry geo = new LadderGeometry(columns.size(), width);
            LadderPainter.paintHeader(g, columns, geo, palette, f, width, header);
            g.translate(0, header);
            LadderPainter.paintRows(g, new LadderPainter.Scene(model, shown, count, -1, null), geo, palette, f, width,
                    0, LadderGeometry.height(count), 0, count - 1);
        } finally {
            g.dispose();
        }
        return image;
    }

    public static void writePng(BufferedImage image, Path file) throws IOException {
        if (!ImageIO.write(image, "png", file.toFile())) {
            throw new IOException("no PNG writer available");
        }
    }

    /** The arrows {@code rows} (model indexes, in order) as an SVG document. */
    public static String svg(LadderModel model, int[] rows) {
        List<LadderColumn> columns = model.columns();
        int width = LadderGeometry.preferredWidth(columns.size());
        int header = LadderGeometry.HEADER_HEIGHT;
        int height = header + LadderGeometry.height(rows.length);
        LadderGeometry geo = new LadderGeometry(columns.size(), width);
        LadderPalette palette = LadderPalette.print();
        StringBuilder s = new StringBuilder(512 + rows.length * 400);
        s.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        s.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\""
                + " viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"12\">\n", width, height, width, height));
        s.append(String.format(Locale.ROOT, "<rect width=\"100%%\" height=\"100%%\" fill=\"%s\"/>\n",
                LadderPalette.hex(palette.background)));
        for (LadderColumn column : columns) {
            int x = geo.x(column.index());
            s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"16\" text-anchor=\"middle\" font-weight=\"bold\""
                    + " font-size=\"13\" fill=\"%s\">%s</text>\n", x, LadderPalette.hex(palette.foreground), xml(column.title())));
            s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"31\" text-anchor=\"middle\" font-size=\"11\""
                    + " fill=\"%s\">%s</text>\n", x, LadderPalette.hex(palette.muted), xml(LadderPainter.subtitle(column))));
            s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\""
                    + " stroke-dasharray=\"2,3\"/>\n", x, header, x, height, LadderPalette.hex(palette.lifeline)));
        }
        for (int row = 0; row < rows.length; row++) {
            LadderArrow arrow = model.arrow(rows[row]);
            LadderColumn from = model.from(arrow);
            LadderColumn to = model.to(arrow);
            if (from == null || to == null) {
                continue;
            }
            int y = header + LadderGeometry.rowTop(row) + LadderGeometry.ROW_HEIGHT - 6;
            int x1 = geo.x(from.index());
            int x2 = geo.x(to.index());
            String color = LadderPalette.hex(palette.call(arrow.callIndex()));
            s.append(String.format(Locale.ROOT, "<g fill=\"%s\" stroke=\"%s\"><title>%s</title>\n", color, color,
                    xml(arrow.primary().firstLine() + " / Call-ID " + arrow.callId())));
            s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\" font-size=\"11\""
                    + " stroke=\"none\" fill=\"%s\">%s</text>\n", LadderGeometry.TIME_WIDTH - 10, y,
                    LadderPalette.hex(palette.muted), LadderPainter.timeText(model.offsetMillis(arrow))));
            String dash = arrow.isRetransmission() ? " stroke-dasharray=\"5,4\"" : "";
            if (x1 == x2) {
                s.append(String.format(Locale.ROOT, "<polyline points=\"%d,%d %d,%d %d,%d %d,%d\" fill=\"none\""
                        + " stroke-width=\"1.5\"%s/>\n", x1, y - 10, x1 + 28, y - 10, x1 + 28, y,
                        x1 + 8, y, dash));
                s.append(head(x1 + 8, x1, y));
            } else {
                s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke-width=\"1.5\"%s"
                        + "/>\n", x1, y, x2, y, dash));
                s.append(head(x1, x2, y));
            }
            String label = arrow.label() + (arrow.isRetransmission() ? " (retransmission)" : "");
            int lx = x1 == x2 ? x1 + 32 : (x1 + x2) / 2;
            s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"%s\" stroke=\"none\"%s>%s</text>\n",
                    lx, y - 4, x1 == x2 ? "start" : "middle", arrow.isRequest() ? " font-weight=\"bold\"" : "", xml(label)));
            s.append("</g>\n");
        }
        s.append("</svg>\n");
        return s.toString();
    }

    /** An arrowhead as a filled triangle (markers with the line's colour need SVG 2). */
    private static String head(int fromX, int toX, int y) {
        int dir = toX >= fromX ? 1 : -1;
        int size = LadderPainter.ARROW_HEAD;
        return String.format(Locale.ROOT, "<polygon stroke=\"none\" points=\"%d,%d %d,%d %d,%d\"/>\n",
                toX, y, toX - dir * size, y - size / 2, toX - dir * size, y + size / 2);
    }

    private static String xml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
