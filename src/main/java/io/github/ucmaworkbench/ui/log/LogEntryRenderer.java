package io.github.ucmaworkbench.ui.log;

import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.Component;
import java.awt.Font;
import javax.swing.BorderFactory;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JPanel;
import javax.swing.ListCellRenderer;
import javax.swing.UIManager;

/** Time in a quiet colour, then the level's badge and the message; errors in bold on a tinted band. */
final class LogEntryRenderer extends JPanel implements ListCellRenderer<LogEntry> {
    private final JLabel time = new JLabel();
    private final JLabel message = new JLabel();

    LogEntryRenderer() {
        super(new BorderLayout(8, 0));
        time.setOpaque(false);
        message.setOpaque(false);
        message.setIconTextGap(6);
        add(time, BorderLayout.WEST);
        add(message, BorderLayout.CENTER);
        setBorder(BorderFactory.createEmptyBorder(1, 6, 1, 6));
    }

    @Override
    public Component getListCellRendererComponent(JList<? extends LogEntry> list, LogEntry entry, int index,
            boolean selected, boolean focused) {
        Font font = list.getFont();
        int iconSize = Math.max(12, font.getSize());
        time.setFont(font);
        time.setText(entry.timeText());
        message.setText(entry.message());
        message.setIcon(new LevelIcon(entry.level(), iconSize));
        boolean error = entry.level() == LogLevel.ERROR;
        message.setFont(error ? font.deriveFont(Font.BOLD) : font);

        Color background = list.getBackground();
        Color foreground = list.getForeground();
        if (selected) {
            background = list.getSelectionBackground();
            foreground = list.getSelectionForeground();
        } else if (error) {
            background = blend(LevelIcon.colour(LogLevel.ERROR), background, 0.16f);
            foreground = LevelIcon.colour(LogLevel.ERROR);
        } else if (entry.level() == LogLevel.WARNING) {
            background = blend(LevelIcon.colour(LogLevel.WARNING), background, 0.10f);
        }
        setBackground(background);
        message.setForeground(foreground);
        Color quiet = UIManager.getColor("Label.disabledForeground");
        time.setForeground(selected || quiet == null ? foreground : quiet);
        setToolTipText(entry.message().length() > 60 ? entry.message() : null);
        return this;
    }

    static Color blend(Color top, Color base, float amount) {
        return new Color(
                Math.round(top.getRed() * amount + base.getRed() * (1 - amount)),
                Math.round(top.getGreen() * amount + base.getGreen() * (1 - amount)),
                Math.round(top.getBlue() * amount + base.getBlue() * (1 - amount)));
    }
}
