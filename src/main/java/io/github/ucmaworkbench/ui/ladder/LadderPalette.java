package io.github.ucmaworkbench.ui.ladder;

import java.awt.Color;
import java.util.Locale;
import javax.swing.UIManager;

/**
 * Colours of the ladder, from the current look and feel so light and dark themes both read well,
 * and one colour per Call-ID from a fixed cycle (picked to stay apart on both backgrounds).
 */
final class LadderPalette {
    private static final Color[] CALLS_LIGHT = {
        new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c), new Color(0x9467bd), new Color(0xff7f0e),
        new Color(0x8c564b), new Color(0xe377c2), new Color(0x17becf), new Color(0x7f7f7f), new Color(0xbcbd22),
    };
    private static final Color[] CALLS_DARK = {
        new Color(0x6baed6), new Color(0xff7b7b), new Color(0x74c476), new Color(0xb9a3e3), new Color(0xfdae6b),
        new Color(0xd9a88b), new Color(0xf49ad6), new Color(0x5fd9e6), new Color(0xbdbdbd), new Color(0xdbdb5c),
    };

    final Color background;
    final Color foreground;
    final Color muted;
    final Color lifeline;
    final Color selection;
    final Color highlight;
    final boolean dark;

    private LadderPalette(Color background, Color foreground) {
        this.background = background;
        this.foreground = foreground;
        this.dark = luminance(background) < 0.5;
        this.muted = blend(foreground, background, 0.45);
        this.lifeline = blend(foreground, background, 0.8);
        Color sel = UIManager.getColor("List.selectionBackground");
        this.selection = sel != null ? blend(sel, background, 0.35) : blend(new Color(0x3874d8), background, 0.6);
        this.highlight = dark ? blend(new Color(0xffd54f), background, 0.75) : blend(new Color(0xffe082), background, 0.35);
    }

    /** The palette of the current look and feel. */
    static LadderPalette current() {
        Color bg = UIManager.getColor("Panel.background");
        Color fg = UIManager.getColor("Label.foreground");
        return new LadderPalette(bg != null ? bg : Color.WHITE, fg != null ? fg : Color.BLACK);
    }

    /** A fixed light palette for pictures meant for slides. */
    static LadderPalette print() {
        return new LadderPalette(Color.WHITE, new Color(0x202020));
    }

    Color call(int callIndex) {
        Color[] cycle = dark ? CALLS_DARK : CALLS_LIGHT;
        return cycle[Math.floorMod(callIndex, cycle.length)];
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
