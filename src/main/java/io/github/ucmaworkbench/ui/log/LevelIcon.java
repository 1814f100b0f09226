package io.github.ucmaworkbench.ui.log;

import io.github.ucmaworkbench.tutorial.ProgressLevel;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Component;
import java.awt.Graphics2D;
import java.awt.Graphics;
import java.awt.RenderingHints;
import javax.swing.Icon;
import javax.swing.UIManager;

/**
 * A small round badge per level (i, !, ×) painted in the theme's own action colours, so the
 * same log reads in light and dark themes and scales with the font instead of blurring.
 */
final class LevelIcon implements Icon {
    private final ProgressLevel level;
    private final int size;

    LevelIcon(ProgressLevel level, int size) {
        this.level = level;
        this.size = size;
    }

    static Color colour(ProgressLevel level) {
        return switch (level) {
            // Our theme's level colours, not FlatLaf's Actions.*: those fell under 3:1 on the log.
            case INFO -> themed("Workbench.logInfoColor", new Color(0x2F7FC1));
            case WARNING -> themed("Workbench.logWarningColor", new Color(0xB07800));
            case ERROR -> themed("Workbench.logErrorColor", new Color(0xC62828));
        };
    }

    private static Color themed(String key, Color fallback) {
        Color c = UIManager.getColor(key);
        return c == null ? fallback : c;
    }

    @Override
    public void paintIcon(Component c, Graphics g, int x, int y) {
        Graphics2D g2 = (Graphics2D) g.create();
        try {
            g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g2.setColor(colour(level));
            g2.fillOval(x, y, size, size);
            g2.setColor(Color.WHITE);
            float stroke = Math.max(1.5f, size / 8f);
            g2.setStroke(new BasicStroke(stroke, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            int cx = x + size / 2;
            int top = y + size / 4;
            int bottom = y + size - size / 4;
            switch (level) {
                case INFO -> {
                    g2.drawLine(cx, top + size / 6 + 1, cx, bottom);
                    g2.fillOval(cx - (int) stroke / 2 - 1, top - 1, (int) stroke + 1, (int) stroke + 1);
                }
                case WARNING -> {
                    g2.drawLine(cx, top, cx, bottom - size / 5 - 1);
                    g2.fillOval(cx - (int) stroke / 2 - 1, bottom - (int) stroke, (int) stroke + 1, (int) stroke + 1);
                }
                case ERROR -> {
                    int q = size / 4 + 1;
                    g2.drawLine(x + q, y + q, x + size - q, y + size - q);
                    g2.drawLine(x + size - q, y + q, x + q, y + size - q);
                }
            }
        } finally {
            g2.dispose();
        }
    }

    @Override
    public int getIconWidth() {
        return size;
    }

    @Override
    public int getIconHeight() {
        return size;
    }
}
