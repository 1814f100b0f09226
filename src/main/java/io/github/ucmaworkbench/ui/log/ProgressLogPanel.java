package io.github.ucmaworkbench.ui.log;

import com.formdev.flatlaf.FlatLaf;
import io.github.ucmaworkbench.tutorial.ProgressLevel;
import java.awt.Rectangle;
import java.awt.Toolkit;
import java.awt.datatransfer.StringSelection;
import java.awt.event.ComponentAdapter;
import java.awt.event.ComponentEvent;
import java.awt.event.KeyAdapter;
import java.awt.event.KeyEvent;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import javax.swing.JButton;
import javax.swing.JFileChooser;
import javax.swing.JList;
import javax.swing.JOptionPane;
import javax.swing.JPanel;
import javax.swing.JScrollBar;
import javax.swing.JScrollPane;
import javax.swing.ListSelectionModel;
import javax.swing.SwingUtilities;
import javax.swing.Timer;
import javax.swing.UIManager;
import net.miginfocom.swing.MigLayout;

/**
 * One side's progress log: what the tutorial code reported, newest at the bottom.
 *
 * <p>{@link #append} may be called from any thread (the tutorial's callbacks run on rtc worker
 * threads). Lines wait in a bounded {@link LogBuffer}; a Swing timer moves them into the list
 * every {@value #DRAIN_MILLIS} ms in one batch, so a flood of lines costs the event thread one
 * layout per tick rather than one per line. The view follows new lines while it is scrolled to the
 * end; once the user scrolls up it stays put until they scroll back down (or press Follow).
 */
public final class ProgressLogPanel extends JPanel {
    /** How often waiting lines are moved into the list. */
    public static final int DRAIN_MILLIS = 150;
    /**
     * Most lines moved per tick: wrapping a line costs the event thread a little, so a flood is
     * shown over a few ticks rather than in one long pause.
     */
    public static final int LINES_PER_TICK = 1_000;
    /** Lines kept on screen; older ones scroll away for good. */
    public static final int MAX_LINES = 20_000;

    /** Name suffixes; the full name is the panel's name prefix plus the suffix. */
    public static final String LIST = ".list";
    public static final String COPY = ".copy";
    public static final String SAVE = ".save";
    public static final String CLEAR = ".clear";
    public static final String FOLLOW = ".follow";

    private static final int BOTTOM_SLACK_PX = 4;

    private final LogBuffer buffer = new LogBuffer(MAX_LINES);
    private final LogListModel model = new LogListModel();
    private final JList<LogEntry> list = new LogList(model);
    private final JScrollPane scroll = new JScrollPane(list);
    private final JButton copy = new JButton("Copy");
    private final JButton save = new JButton("Save…");
    private final JButton clear = new JButton("Clear");
    private final JButton follow = new JButton("↓ Follow");
    /**
     * Whether the view sticks to the newest line. Only the user's scrolling decides it (see
     * {@link #listenForUserScrolling()}).
     */
    private boolean following = true;
    private final Timer drainTimer = new Timer(DRAIN_MILLIS, e -> drainNow());
    private final String what;
    private long longestDrainNanos;

    /**
     * @param namePrefix prefix of every child's component name, e.g. {@code client.log}
     * @param what       whose log this is, for accessible names and the save dialog ("Client")
     */
    public ProgressLogPanel(String namePrefix, String what) {
        super(new MigLayout("insets 0, gap 4 4, hidemode 3", "[grow,fill][][][]", "[grow,fill][]"));
        this.what = what;
        setName(namePrefix);
        list.setName(namePrefix + LIST);
        copy.setName(namePrefix + COPY);
        save.setName(namePrefix + SAVE);
        clear.setName(namePrefix + CLEAR);
        follow.setName(namePrefix + FOLLOW);

        list.setSelectionMode(ListSelectionModel.MULTIPLE_INTERVAL_SELECTION);
        list.getAccessibleContext().setAccessibleName(what + " progress log");
        listenForUserScrolling();
        scroll.setHorizontalScrollBarPolicy(JScrollPane.HORIZONTAL_SCROLLBAR_NEVER);
        scroll.getViewport().addComponentListener(new ComponentAdapter() {
            @Override
            public void componentResized(ComponentEvent e) {
                ((LogList) list).widthChanged(scroll.getViewport().getWidth());
                if (following) {
                    SwingUtilities.invokeLater(ProgressLogPanel.this::scrollToEnd);
                }
            }
        });
        follow.setVisible(false);

        copy.setToolTipText("Copy the selected lines, or the whole log when none is selected");
        save.setToolTipText("Save the whole log to a text file");
        clear.setToolTipText("Remove every line from this log");
        follow.setToolTipText("Jump to the newest line and keep following");
        copy.getAccessibleContext().setAccessibleName("Copy " + what + " log");
        save.getAccessibleContext().setAccessibleName("Save " + what + " log");
        clear.getAccessibleContext().setAccessibleName("Clear " + what + " log");
        follow.getAccessibleContext().setAccessibleName("Follow " + what + " log");
        copy.addActionListener(e -> copyPerformed());
        save.addActionListener(e -> savePerformed());
        clear.addActionListener(e -> clearPerformed());
        follow.addActionListener(e -> scrollToEnd());
        for (JButton b : List.of(copy, save, clear, follow)) {
            b.putClientProperty("JButton.buttonType", "toolBarButton");
            b.setFocusable(true);
        }

        drainTimer.setCoalesce(true);
        add(scroll, "span, grow, wrap");
        add(follow, "cell 0 1, growx 0, left");
        add(copy, "cell 1 1");
        add(save, "cell 2 1");
        add(clear, "cell 3 1");
    }

    /** Queues a line; safe from any thread. */
    public void append(LogEntry entry) {
        buffer.offer(entry);
    }

    public void append(Instant time, ProgressLevel level, String message) {
        append(new LogEntry(time, level, message));
    }

    /** Moves up to {@link #LINES_PER_TICK} waiting lines into the list (the timer calls this). Event thread only. */
    public void drainNow() {
        LogBuffer.Batch batch = buffer.drain(LINES_PER_TICK);
        if (batch.isEmpty()) {
            return;
        }
        long start = System.nanoTime();
        try {
            show(batch);
        } finally {
            longestDrainNanos = Math.max(longestDrainNanos, System.nanoTime() - start);
        }
    }

    /** The longest time one drain has kept the event thread busy, in ms (a figure for tests and benchmarks). */
    public long longestDrainMillis() {
        return longestDrainNanos / 1_000_000;
    }

    /** Starts {@link #longestDrainMillis()} afresh. */
    public void resetDrainFigures() {
        longestDrainNanos = 0;
    }

    private void show(LogBuffer.Batch batch) {
        if (batch.dropped() > 0) {
            model.addAll(List.of(LogEntry.warning(batch.dropped()
                    + " lines arrived faster than the log could show them and were skipped.")));
        }
        model.addAll(batch.entries());
        int excess = model.getSize() - MAX_LINES;
        int removedHeight = 0;
        if (excess > 0 && !following) {
            Rectangle gone = list.getCellBounds(0, excess - 1);
            removedHeight = gone == null ? 0 : gone.height;
        }
        model.trimTo(MAX_LINES);
        scroll.validate();
        if (following) {
            scrollToEnd();
        } else if (removedHeight > 0) {
            // Keep the lines the user is reading where they are although older ones went away.
            JScrollBar bar = scroll.getVerticalScrollBar();
            bar.setValue(Math.max(0, bar.getValue() - removedHeight));
        }
    }

    /** The shown lines, oldest first. Event thread only. */
    public List<LogEntry> entries() {
        return model.snapshot();
    }

    /** The whole log as text, one line per entry. Event thread only. */
    public String text() {
        return toText(model.snapshot());
    }

    /** True while the view shows the newest line (and so keeps following). */
    public boolean isAtBottom() {
        JScrollBar bar = scroll.getVerticalScrollBar();
        return bar.getValue() + bar.getVisibleAmount() >= bar.getMaximum() - BOTTOM_SLACK_PX;
    }

    public JList<LogEntry> logList() {
        return list;
    }

    public void clearPerformed() {
        buffer.drain();
        model.clear();
        scrollToEnd(); // nothing left to read: follow what comes next
    }

    void copyPerformed() {
        List<LogEntry> chosen = list.getSelectedValuesList();
        String text = toText(chosen.isEmpty() ? model.snapshot() : chosen);
        Toolkit.getDefaultToolkit().getSystemClipboard().setContents(new StringSelection(text), null);
    }

    void savePerformed() {
        JFileChooser chooser = new JFileChooser();
        chooser.setDialogTitle("Save " + what + " log");
        chooser.setSelectedFile(new File(what.toLowerCase(Locale.ROOT) + "-log.txt"));
        if (chooser.showSaveDialog(this) != JFileChooser.APPROVE_OPTION) {
            return;
        }
        Path target = chooser.getSelectedFile().toPath();
        try {
            saveTo(target);
        } catch (IOException e) {
            JOptionPane.showMessageDialog(this, "The log could not be saved to " + target + ":\n" + e.getMessage(),
                    "Save " + what + " log", JOptionPane.ERROR_MESSAGE);
        }
    }

    /** Writes the whole log as UTF-8 text. Event thread only (it reads the list). */
    public void saveTo(Path target) throws IOException {
        Files.writeString(target, text(), StandardCharsets.UTF_8);
    }

    /**
     * Following starts and stops only by what the user does: the wheel, the scroll bar, the
     * keyboard. Layout (rows re-wrapping, a resize, a Clear) also moves the scroll bar, and must
     * not be read as the user scrolling away.
     */
    private void listenForUserScrolling() {
        scroll.addMouseWheelListener(e -> userScrolled());
        JScrollBar bar = scroll.getVerticalScrollBar();
        bar.addMouseListener(new MouseAdapter() {
            @Override
            public void mouseReleased(MouseEvent e) {
                userScrolled();
            }
        });
        bar.getModel().addChangeListener(e -> {
            if (bar.getValueIsAdjusting()) {
                userScrolled(); // dragging the thumb
            }
        });
        list.addKeyListener(new KeyAdapter() {
            @Override
            public void keyReleased(KeyEvent e) {
                userScrolled();
            }
        });
    }

    private void userScrolled() {
        // After the scroll pane has applied the wheel or key: read where the view ended up.
        SwingUtilities.invokeLater(() -> {
            following = isAtBottom();
            follow.setVisible(!following);
        });
    }

    /** True while new lines keep the view at the end. */
    public boolean isFollowing() {
        return following;
    }

    private void scrollToEnd() {
        following = true;
        follow.setVisible(false);
        scrollToEndNow();
    }

    private void scrollToEndNow() {
        int last = model.getSize() - 1;
        if (last >= 0) {
            scroll.validate();
            list.ensureIndexIsVisible(last);
        }
        JScrollBar bar = scroll.getVerticalScrollBar();
        bar.setValue(bar.getMaximum());
    }

    private static String toText(List<LogEntry> lines) {
        return lines.stream().map(LogEntry::toText).collect(Collectors.joining(System.lineSeparator(), "",
                lines.isEmpty() ? "" : System.lineSeparator()));
    }

    /** A theme or font change re-wraps every row; a log that followed the end keeps following it. */
    @Override
    public void updateUI() {
        super.updateUI();
        if (scroll != null && following) {
            SwingUtilities.invokeLater(this::scrollToEnd);
        }
    }

    @Override
    public void addNotify() {
        super.addNotify();
        drainTimer.start();
    }

    @Override
    public void removeNotify() {
        drainTimer.stop();
        super.removeNotify();
    }

    /**
     * A list whose rows wrap their message to its width. Each row's height is measured once, when
     * it arrives ({@link LogListUI}); a width or font change measures every row again.
     */
    private static final class LogList extends JList<LogEntry> implements LogListUI.Measured {
        private final LogEntryRenderer renderer = new LogEntryRenderer();
        private int laidOutWidth = -1;
        private boolean reportFixedSize;

        LogList(LogListModel model) {
            super(model);
            setCellRenderer(renderer);
        }

        /** Called when the viewport's width changes: heights depend on it. */
        void widthChanged(int width) {
            if (width != laidOutWidth) {
                laidOutWidth = width;
                remeasure();
            }
        }

        private void remeasure() {
            if (getUI() instanceof LogListUI ui) {
                ui.forgetHeights();
                revalidate();
                repaint();
            } else {
                // Changing the fixed height is the public way to make the list measure every row again.
                setFixedCellHeight(1);
                setFixedCellHeight(-1);
            }
        }

        @Override
        public void reportFixedSize(boolean fixed) {
            reportFixedSize = fixed;
        }

        @Override
        public int getFixedCellHeight() {
            return reportFixedSize ? 1 : super.getFixedCellHeight();
        }

        @Override
        public int getFixedCellWidth() {
            return reportFixedSize ? LogEntryRenderer.PREFERRED_WIDTH : super.getFixedCellWidth();
        }

        @Override
        public void updateUI() {
            if (UIManager.getLookAndFeel() instanceof FlatLaf) {
                setUI(new LogListUI()); // a fresh UI: every row is measured again in the new theme or font
            } else {
                super.updateUI();
            }
            // A theme or font change alters every wrap.
            if (renderer != null) {
                renderer.forget();
                remeasure();
            }
        }
    }
}
