package io.github.ucmaworkbench.ui.theme;

import java.awt.Color;

/**
 * WCAG 2.x contrast: the ratio of two colours' relative luminances (sRGB, linearised), from 1:1 to
 * 21:1. Body text needs {@value #AA_TEXT}:1 for level AA (success criterion 1.4.3).
 */
public final class Contrast {
    /** WCAG AA's minimum for normal text. */
    public static final double AA_TEXT = 4.5;

    private Contrast() {
    }

    /** How far apart {@code a} and {@code b} are: (lighter + 0.05) / (darker + 0.05). Alpha is ignored. */
    public static double ratio(Color a, Color b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    /** WCAG relative luminance: 0 for black, 1 for white. */
    public static double luminance(Color c) {
        return 0.2126 * linear(c.getRed()) + 0.7152 * linear(c.getGreen()) + 0.0722 * linear(c.getBlue());
    }

    /** {@code top} painted with its alpha over the opaque {@code base}. */
    public static Color over(Color top, Color base) {
        double a = top.getAlpha() / 255.0;
        return new Color(
                (int) Math.round(top.getRed() * a + base.getRed() * (1 - a)),
                (int) Math.round(top.getGreen() * a + base.getGreen() * (1 - a)),
                (int) Math.round(top.getBlue() * a + base.getBlue() * (1 - a)));
    }

    private static double linear(int channel) {
        double s = channel / 255.0;
        return s <= 0.04045 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
    }
}
