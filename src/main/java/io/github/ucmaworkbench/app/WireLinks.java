package io.github.ucmaworkbench.app;

import io.github.ucmaworkbench.common.DaemonThreads;
import io.github.ucmaworkbench.lessons.LessonAction;
import io.github.ucmaworkbench.lessons.Side;
import io.github.ucmaworkbench.settings.SettingsHolder;
import io.github.ucmaworkbench.settings.WorkbenchSettings;
import io.github.ucmaworkbench.tutorial.AcceptPolicy;
import io.github.ucmaworkbench.tutorial.ClientManager;
import io.github.ucmaworkbench.trace.ladder.MessageClue;
import io.github.ucmaworkbench.tutorial.ServerManager;
import io.github.ucmaworkbench.ui.ladder.LadderView;
import io.github.ucmaworkbench.ui.lesson.LessonHost;
import io.github.ucmaworkbench.ui.log.LogEntry;
import io.github.ucmaworkbench.ui.log.ProgressLogPanel;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.swing.JList;
import javax.swing.SwingUtilities;

/**
 * Ties the ladder to the rest of the window: columns in the order client, registrar, server
 * (following the settings), a click on a progress-log line selects the message it reports, and
 * a lesson step highlights the arrows it causes.
 */
public final class WireLinks {
    /** "refused with 486", "answered 401", "(200 OK)", "(486 Busy Here)", a student's "Error Code=486": the code a log line reports. */
    private static final Pattern CODE = Pattern.compile("(?:Error Code=|refused with |answered |\\()([1-6]\\d\\d)\\b");

    private WireLinks() {
    }

    /** Keeps the ladder's columns in the order of the current settings; returns the listener's handle. */
    public static AutoCloseable followSettings(LadderView ladder, SettingsHolder settings) {
        applyColumnOrder(ladder, settings.get());
        return settings.addListener(changed -> SwingUtilities.invokeLater(() -> applyColumnOrder(ladder, changed)));
    }

    private static void applyColumnOrder(LadderView ladder, WorkbenchSettings settings) {
        ladder.setColumnOrder(List.of(settings.client().endpoint().uri(), "registrar", settings.server().endpoint().uri()));
    }

    /**
     * A click on a line of {@code log} selects the message the line reports, as {@code party} sent
     * or received it ({@link LogLineClues}); a line about no message leaves the ladder alone.
     */
    public static void linkLog(ProgressLogPanel log, LadderView ladder, Supplier<String> party) {
        // The clues' patterns compile on first use: off the event thread, not on the first click.
        DaemonThreads.start("log-clues-warm-up", () -> LogLineClues.clueFor(""));
        JList<LogEntry> list = log.logList();
        list.addMouseListener(new MouseAdapter() {
            @Override
            public void mouseClicked(MouseEvent e) {
                int index = list.locationToIndex(e.getPoint());
                if (index >= 0) {
                    LogEntry entry = list.getModel().getElementAt(index);
                    MessageClue clue = LogLineClues.clueFor(entry.message());
                    if (clue != null) {
                        ladder.selectLoggedMessage(party.get(), entry.time(), clue);
                    }
                }
            }
        });
    }

    /** The SIP status code a progress line mentions, or 0 when it names none. */
    static int codeIn(String message) {
        Matcher m = CODE.matcher(message);
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    /** {@code host}, with each step's arrows highlighted in the ladder: those traced while it ran, none after. */
    public static LessonHost highlightingSteps(LessonHost host, LadderView ladder) {
        return new LessonHost() {
            /** What was traced when the running step started, taken on the engine's thread; -1 when none. */
            private final AtomicLong stepMark = new AtomicLong(-1);

            @Override
            public ClientManager client() {
                return host.client();
            }

            @Override
            public ServerManager server() {
                return host.server();
            }

            @Override
            public void applyAcceptPolicy(AcceptPolicy policy) {
                host.applyAcceptPolicy(policy);
            }

            @Override
            public void applyOperationTimeout(Side side, Duration timeout) {
                host.applyOperationTimeout(side, timeout);
            }

            @Override
            public void applyRingTimeout(Duration timeout) {
                host.applyRingTimeout(timeout);
            }

            @Override
            public void stepStarting(Side side, LessonAction action) {
                stepMark.set(ladder.tracedSequence());
                host.stepStarting(side, action);
            }

            @Override
            public void highlightAction(Side side, LessonAction action) {
                long mark = stepMark.getAndSet(-1);
                if (mark >= 0) {
                    ladder.highlights().after(mark);
                } else {
                    ladder.highlights().fromNow();
                }
                host.highlightAction(side, action);
            }

            @Override
            public void stepEnded(Side side, LessonAction action) {
                ladder.highlights().untilNow();
                host.stepEnded(side, action);
            }
        };
    }
}
