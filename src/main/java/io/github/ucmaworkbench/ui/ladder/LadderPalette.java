package io.github.ucmaworkbench.ui.ladder;

import io.github.ucmaworkbench.settings.Theme;
import io.github.ucmaworkbench.ui.theme.ThemeColors;
import io.github.ucmaworkbench.ui.theme.ThemeSupport;
import java.awt.Color;
import java.util.Locale;
import javax.swing.UIManager;

/**
 * Colours of the ladder, from the current look and feel so light and dark themes both read well,
 * and one colour per Call-ID from a fixed cycle (picked to stay apart on both backgrounds).
 */
final class LadderPalette {
    /** How many call colours the theme files name ({@code Ladder.call0Color} ...). */
    private static final int CALL_COLOURS = 10;

    final Color background;
    final Color foreground;
    final Color muted;
    final Color lifeline;
    final Color selection;
    final Color highlight;
    final boolean dark;
    private final Theme theme;

    private LadderPalette(Theme theme, Color background, Color foreground) {
        this.theme = theme;
        this.background = background;
        this.foreground = foreground;
        this.dark = luminance(background) < 0.5;
        // Labels (time, call colours) are drawn on the row fills: the theme files pick fills and
        // colours that read at WCAG AA's 4.5:1 together (LadderPaletteContrastTest), where a blend
        // of the list's selection blue gave grey on blue.
        this.muted = ThemeColors.of(theme, "Workbench.hintColor");
        this.lifeline = blend(foreground, background, 0.8);
        this.selection = ThemeColors.of(theme, "Ladder.selectionColor");
        this.highlight = ThemeColors.of(theme, "Ladder.highlightColor");
    }

    /** The palette of the current look and feel. */
    static LadderPalette current() {
        Color bg = UIManager.getColor("Panel.background");
        Color fg = UIManager.getColor("Label.foreground");
        return new LadderPalette(ThemeSupport.current(), bg != null ? bg : Color.WHITE, fg != null ? fg : Color.BLACK);
    }

    /** A fixed light palette for pictures meant for slides. */
    static LadderPalette print() {
        return new LadderPalette(Theme.LIGHT, Color.WHITE, new Color(0x202020));
    }

    Color call(int callIndex) {
        // The palette picks by its own theme: a slide export is light even in the dark theme.
        return ThemeColors.of(theme, "Ladder.call" + Math.floorMod(callIndex, CALL_COLOURS) + "Color");
    }

    Color dimmed(Color c) {
        return blend(c, background, 0.7);
    }

    static String hex(Color c) {
        return String.format(Locale.ROOT, "#%02x%02x%02x", c.getRed(), c.getGreen(), c.getBlue());
    }

    private static double luminance(Color c) {
        return (0.299 * c.getRed() + 0.587 * c.getGreen() + 0.114 * c.getBlue()) / 255;
    }

    /** {@code a} moved towards {@code b} by {@code amount} (0 = a, 1 = b). */
    static Color blend(Color a, Color b, double amount) {
        return new Color(
                (int) Math.round(a.getRed() + (b.getRed() - a.getRed()) * amount),
                (int) Math.round(a.getGreen() + (b.getGreen() - a.getGreen()) * amount),
                (int) Math.round(a.getBlue() + (b.getBlue() - a.getBlue()) * amount));
    }
}
