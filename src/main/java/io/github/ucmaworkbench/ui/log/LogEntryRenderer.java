package io.github.ucmaworkbench.ui.log;

import io.github.ucmaworkbench.tutorial.ProgressLevel;
import io.github.ucmaworkbench.ui.theme.ThemeSupport;
import java.awt.Color;
import java.awt.Component;
import java.awt.Container;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Graphics;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.regex.Pattern;
import javax.swing.JComponent;
import javax.swing.JList;
import javax.swing.JViewport;
import javax.swing.ListCellRenderer;
import javax.swing.UIManager;

/**
 * Time in a quiet colour, the level's badge, then the message wrapped to the list's width (an
 * error's code and reason must be readable in full on a projector, not cut off with "…"). Errors
 * in bold on a tinted band. Paints itself; the wrapped lines of each entry are cached per width
 * and font, and a line that fits whole is known to fit at any wider width, so measuring all twenty
 * thousand rows again after a resize stays cheap. Row heights are kept by {@link LogListUI}.
 */
final class LogEntryRenderer extends JComponent implements ListCellRenderer<LogEntry> {
    /** Compiled once: {@code String.split("\\R")} compiled it for every wrapped row, on the event thread. */
    private static final Pattern LINE_BREAK = Pattern.compile("\\R");
    private static final int PAD_X = 6;
    private static final int PAD_Y = 2;
    private static final int GAP = 8;
    private static final int ICON_GAP = 6;
    /**
     * The width every row reports: small, so the list tracks the viewport's width and never
     * scrolls sideways; the same for every row, so nobody has to ask each row for it.
     */
    static final int PREFERRED_WIDTH = 100;

    /** A wrap for one width and font; {@code naturalWidth} is the one-line width, -1 when it has line breaks. */
    private record Wrapped(int width, Font font, List<String> lines, int naturalWidth) {
        boolean fits(int otherWidth, Font otherFont) {
            return font.equals(otherFont) && (width == otherWidth || naturalWidth >= 0 && naturalWidth <= otherWidth);
        }
    }

    private final Map<LogEntry, Wrapped> wrapped = new WeakHashMap<>();
    private LogEntry entry;
    private boolean selected;
    private Font plain;
    private Font bold;
    private Font font;
    private int timeWidth = -1;
    private Color errorColour;
    private Color warningColour;
    private Color disabledColour;
    private Color errorText;
    private Color background;
    private Color foreground;
    private Color quiet;
    private List<String> lines = List.of();

    @Override
    public Component getListCellRendererComponent(JList<? extends LogEntry> list, LogEntry value, int index,
            boolean isSelected, boolean focused) {
        entry = value;
        selected = isSelected;
        if (plain != list.getFont()) {
            // The list's font changed (theme or presentation size): derive once, not per row.
            plain = list.getFont();
            bold = plain.deriveFont(Font.BOLD);
            timeWidth = getFontMetrics(plain).stringWidth("00:00:00.000");
        }
        if (errorColour == null) {
            errorColour = LevelIcon.colour(ProgressLevel.ERROR);
            warningColour = LevelIcon.colour(ProgressLevel.WARNING);
            // Not the disabled grey (3:1): a time and an error line are text to read (WCAG AA 4.5:1).
            disabledColour = ThemeSupport.hintColour();
            errorText = ThemeSupport.errorColour();
        }
        boolean error = value.level() == ProgressLevel.ERROR;
        // Kept in a field rather than setFont: a renderer must not fire property changes and
        // revalidations for every row the list measures.
        font = error ? bold : plain;

        background = list.getBackground();
        foreground = list.getForeground();
        if (isSelected) {
            background = list.getSelectionBackground();
            foreground = list.getSelectionForeground();
        } else if (error) {
            background = blend(errorColour, background, 0.16f);
            foreground = errorText;
        } else if (value.level() == ProgressLevel.WARNING) {
            background = blend(warningColour, background, 0.10f);
        }
        quiet = isSelected || disabledColour == null ? foreground : disabledColour;
        lines = wrap(value, messageWidth(list), font);
        return this;
    }

    /** Forgets every cached wrap, font and colour (the theme or font changed). */
    void forget() {
        wrapped.clear();
        plain = null;
        errorColour = null;
    }

    // Like DefaultListCellRenderer: a renderer is only stamped, so these would be wasted work.
    @Override public void invalidate() { }
    @Override public void validate() { }
    @Override public void revalidate() { }
    @Override public void repaint(long tm, int x, int y, int width, int height) { }
    @Override public void repaint(Rectangle r) { }
    @Override public void repaint() { }
    @Override protected void firePropertyChange(String propertyName, Object oldValue, Object newValue) { }

    private int messageWidth(JList<?> list) {
        int width = list.getWidth();
        Container parent = list.getParent();
        if (parent instanceof JViewport viewport && viewport.getWidth() > 0) {
            width = viewport.getWidth();
        }
        if (width <= 0) {
            width = 400;
        }
        int lead = PAD_X + timeWidth + GAP + iconSize() + ICON_GAP;
        return Math.max(60, width - lead - PAD_X);
    }

    private int iconSize() {
        return Math.max(12, plain.getSize());
    }

    private List<String> wrap(LogEntry value, int width, Font font) {
        Wrapped cached = wrapped.get(value);
        if (cached != null && cached.fits(width, font)) {
            return cached.lines;
        }
        String message = value.message();
        FontMetrics fm = getFontMetrics(font);
        boolean oneLine = message.indexOf('\n') < 0 && message.indexOf('\r') < 0;
        int natural = oneLine ? fm.stringWidth(message) : -1;
        List<String> result = oneLine && natural <= width ? List.of(message) : wordWrap(message, fm, width);
        wrapped.put(value, new Wrapped(width, font, result, natural));
        return result;
    }

    /**
     * Breaks {@code text} into lines no wider than {@code width}: at spaces, and inside a word only
     * when the word alone is wider (a long URI). Each word is measured once and the widths added up,
     * rather than measuring the growing line again for every word.
     */
    static List<String> wordWrap(String text, FontMetrics fm, int width) {
        List<String> result = new ArrayList<>();
        int space = fm.charWidth(' ');
        for (String paragraph : LINE_BREAK.split(text, -1)) {
            StringBuilder line = new StringBuilder();
            int lineWidth = 0;
            for (String word : paragraph.split(" ", -1)) {
                int wordWidth = fm.stringWidth(word);
                int candidate = line.length() == 0 ? wordWidth : lineWidth + space + wordWidth;
                if (candidate <= width) {
                    if (line.length() > 0) {
                        line.append(' ');
                    }
                    line.append(word);
                    lineWidth = candidate;
                    continue;
                }
                if (line.length() > 0) {
                    result.add(line.toString());
                    line.setLength(0);
                }
                // A word wider than the line: break it where it no longer fits.
                String rest = word;
                while (fm.stringWidth(rest) > width && rest.length() > 1) {
                    int cut = rest.length() - 1;
                    while (cut > 1 && fm.stringWidth(rest.substring(0, cut)) > width) {
                        cut--;
                    }
                    result.add(rest.substring(0, cut));
                    rest = rest.substring(cut);
                }
                line.append(rest);
                lineWidth = fm.stringWidth(rest);
            }
            result.add(line.toString());
        }
        return result;
    }

    @Override
    public Dimension getPreferredSize() {
        FontMetrics fm = getFontMetrics(font);
        int lineHeight = Math.max(fm.getHeight(), iconSize() + 2);
        return new Dimension(PREFERRED_WIDTH, PAD_Y * 2 + lineHeight + (lines.size() - 1) * fm.getHeight());
    }

    @Override
    protected void paintComponent(Graphics g) {
        Graphics2D g2 = (Graphics2D) g.create();
        try {
            Object aa = UIManager.get(RenderingHints.KEY_TEXT_ANTIALIASING);
            g2.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING,
                    aa != null ? aa : RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g2.setColor(background);
            g2.fillRect(0, 0, getWidth(), getHeight());
            FontMetrics plainMetrics = g2.getFontMetrics(plain);
            int lineHeight = Math.max(plainMetrics.getHeight(), iconSize() + 2);
            int baseline = PAD_Y + (lineHeight - plainMetrics.getHeight()) / 2 + plainMetrics.getAscent();
            g2.setFont(plain);
            g2.setColor(quiet);
            String time = entry.timeText();
            g2.drawString(time, PAD_X, baseline);
            int x = PAD_X + timeWidth + GAP;
            int size = iconSize();
            new LevelIcon(entry.level(), size).paintIcon(this, g2, x, PAD_Y + (lineHeight - size) / 2);
            x += size + ICON_GAP;
            g2.setFont(font);
            g2.setColor(foreground);
            FontMetrics fm = g2.getFontMetrics();
            int y = baseline;
            for (String line : lines) {
                g2.drawString(line, x, y);
                y += fm.getHeight();
            }
        } finally {
            g2.dispose();
        }
    }

    static Color blend(Color top, Color base, float amount) {
        return new Color(
                Math.round(top.getRed() * amount + base.getRed() * (1 - amount)),
                Math.round(top.getGreen() * amount + base.getGreen() * (1 - amount)),
                Math.round(top.getBlue() * amount + base.getBlue() * (1 - amount)));
    }
}
