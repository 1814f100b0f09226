package io.github.ucmaworkbench.ui;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JProgressBar;
import javax.swing.Timer;
import net.miginfocom.swing.MigLayout;

/**
 * Shows what a side waits for and how long it will still wait ("Waiting for the registrar — 7 s
 * left"), with a bar that empties towards the deadline. Hidden while nothing waits. Event thread only.
 */
public final class PendingIndicator extends JPanel {
    public static final String LABEL = ".label";
    public static final String BAR = ".bar";

    private static final int TICK_MILLIS = 200;

    private final JLabel label = new JLabel();
    private final JProgressBar bar = new JProgressBar(0, 1000);
    private final Timer ticker = new Timer(TICK_MILLIS, e -> refresh());
    private final Clock clock;
    private PendingWait pending;
    private Instant shownSince;

    public PendingIndicator(String name) {
        this(name, Clock.systemUTC());
    }

    PendingIndicator(String name, Clock clock) {
        super(new MigLayout("insets 0, gap 6 2, hidemode 3", "[grow,fill]", "[][]"));
        this.clock = clock;
        setName(name);
        label.setName(name + LABEL);
        bar.setName(name + BAR);
        bar.putClientProperty("JProgressBar.largeHeight", Boolean.FALSE);
        label.getAccessibleContext().setAccessibleName("Pending operation");
        add(label, "wrap");
        add(bar, "h 4!");
        setVisible(false);
    }

    /** Shows {@code view}, or hides the indicator when it is null. */
    public void display(PendingWait view) {
        if (view == null) {
            pending = null;
            ticker.stop();
            setVisible(false);
            return;
        }
        if (pending == null || !pending.equals(view)) {
            shownSince = clock.instant();
        }
        pending = view;
        setVisible(true);
        refresh();
        ticker.start();
    }

    /** The text shown now, e.g. "Waiting for the INVITE to be answered — 12 s left". */
    public String text() {
        return label.getText();
    }

    private void refresh() {
        if (pending == null) {
            return;
        }
        Instant now = clock.instant();
        Duration left = Duration.between(now, pending.deadline());
        long seconds = Math.max(0, (left.toMillis() + 999) / 1000);
        label.setText(pending.description() + " — " + (seconds == 0 ? "giving up now" : seconds + " s left"));
        long total = Math.max(1, Duration.between(shownSince, pending.deadline()).toMillis());
        bar.setValue((int) Math.max(0, Math.min(1000, left.toMillis() * 1000 / total)));
    }

    @Override
    public void removeNotify() {
        ticker.stop();
        super.removeNotify();
    }
}
