package io.github.ucmaworkbench.ui.log;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ucmaworkbench.settings.Theme;
import io.github.ucmaworkbench.ui.GuiTest;
import io.github.ucmaworkbench.ui.theme.ThemeSupport;
import java.awt.Dimension;
import java.awt.Rectangle;
import javax.swing.JFrame;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.fixture.FrameFixture;
import org.junit.jupiter.api.Test;

/** The log measures each line once, when it arrives, and still wraps long lines to the width. */
class LogRowHeightsTest extends GuiTest {
    private static final String LONG = "The INVITE to sip:server@example.com was refused with 486 Busy Here: the server "
            + "is already in a call, so it declines every other INVITE until that call ends, as lesson six shows.";

    private ProgressLogPanel log;
    private JFrame frame;
    private FrameFixture window;

    @Override
    protected void onSetUp() {
        frame = GuiActionRunner.execute(() -> {
            ThemeSupport.install(Theme.LIGHT, false);
            JFrame f = new JFrame("log");
            log = new ProgressLogPanel("test.log", "Test");
            f.setContentPane(log);
            return f;
        });
        window = new FrameFixture(robot(), frame);
        window.show(new Dimension(700, 400));
    }

    @Test
    void aBatchMeasuresOnlyItsOwnLinesHoweverLongTheLog() {
        append(5_000, "old");
        LogListUI ui = GuiActionRunner.execute(() -> (LogListUI) log.logList().getUI());
        long before = GuiActionRunner.execute(ui::measuredRows);
        append(10, "new");

        assertThat(GuiActionRunner.execute(ui::measuredRows) - before).as("rows measured for the last batch").isEqualTo(10);
        assertThat(GuiActionRunner.execute(() -> log.logList().getLastVisibleIndex())).isEqualTo(5_009);
    }

    @Test
    void aLongLineWrapsIntoATallerRowAndEveryRowIsStackedBelowTheLast() {
        append(3, "short");
        add(LogEntry.error(LONG));
        append(3, "after");

        Rectangle shortRow = bounds(0);
        Rectangle longRow = bounds(3);
        assertThat(longRow.height).as("the long error wraps onto several lines").isGreaterThanOrEqualTo(2 * shortRow.height);
        for (int i = 1; i < 7; i++) {
            Rectangle previous = bounds(i - 1);
            assertThat(bounds(i).y).as("row %d starts where row %d ends", i, i - 1).isEqualTo(previous.y + previous.height);
        }
        assertThat(bounds(4).height).isEqualTo(shortRow.height);
    }

    @Test
    void aNarrowerLogWrapsTheSameLineOntoMoreLines() {
        add(LogEntry.error(LONG));
        append(1, "after");
        int wide = bounds(0).height;

        GuiActionRunner.execute(() -> frame.setSize(380, 400));
        robot().waitForIdle();
        waitUntil("the long line re-wrapped", () -> bounds(0).height > wide);
        assertThat(bounds(1).y).isEqualTo(bounds(0).y + bounds(0).height);

        GuiActionRunner.execute(() -> frame.setSize(700, 400));
        robot().waitForIdle();
        waitUntil("back to the wide wrap", () -> bounds(0).height == wide);
    }

    @Test
    void afterAResizeTheRowsAreMeasuredAgainInSlicesNewestFirst() {
        append(5_000, "old " + LONG.substring(0, 60));
        LogListUI ui = GuiActionRunner.execute(() -> (LogListUI) log.logList().getUI());
        long before = GuiActionRunner.execute(ui::measuredRows);

        int oneLine = bounds(4_999).height;
        long firstPass = GuiActionRunner.execute(() -> {
            ui.forgetHeights(); // what a width change does
            ui.getPreferredSize(log.logList()); // one layout pass
            return ui.measuredRows(); // before the next pass, which waits for a later dispatch
        }) - before;
        assertThat(firstPass).as("rows measured again by the first pass")
                .isPositive().isLessThanOrEqualTo(LogListUI.STALE_ROWS_PER_PASS);
        waitUntil("every row measured again", () -> !GuiActionRunner.execute(ui::hasStaleRows));
        assertThat(GuiActionRunner.execute(ui::measuredRows) - before).isGreaterThanOrEqualTo(5_000);

        GuiActionRunner.execute(() -> frame.setSize(420, 400)); // narrower: each line wraps in two
        waitUntil("the rows re-wrapped", () -> !GuiActionRunner.execute(ui::hasStaleRows) && bounds(0).height > oneLine);
        assertThat(bounds(4_999).height).isGreaterThan(oneLine);
        assertThat(bounds(4_999).y).as("the rows stack up with their new heights")
                .isEqualTo(bounds(4_998).y + bounds(4_998).height);
    }

    @Test
    void wrappedLinesFitTheWidthAndKeepEveryWord() {
        java.awt.FontMetrics fm = GuiActionRunner.execute(() -> log.logList().getFontMetrics(log.logList().getFont()));
        java.util.List<String> lines = LogEntryRenderer.wordWrap(LONG, fm, 200);
        assertThat(lines).hasSizeGreaterThan(3).allMatch(l -> fm.stringWidth(l) <= 200);
        assertThat(String.join(" ", lines)).isEqualTo(LONG);
        assertThat(LogEntryRenderer.wordWrap("two\nlines", fm, 200)).containsExactly("two", "lines");
    }

    @Test
    void rowHeightsFollowInsertsAndRemovals() {
        RowHeights heights = new RowHeights();
        heights.inserted(0, 2);
        heights.set(0, 10);
        heights.set(1, 11);
        heights.set(2, 12);
        heights.inserted(3, 4); // appended: unknown until measured
        heights.removed(0, 1); // the oldest trimmed away
        assertThat(heights.toArray()).containsExactly(12, RowHeights.UNKNOWN, RowHeights.UNKNOWN);
        heights.set(1, 14);
        heights.forgetAll(); // stale: old heights stay until measured again
        assertThat(heights.toArray()).containsExactly(12, 14, RowHeights.UNKNOWN);
        assertThat(heights.isMeasured(0)).isFalse();
        assertThat(heights.isUnknown(0)).isFalse();
        heights.set(0, 20);
        assertThat(heights.isMeasured(0)).isTrue();
        assertThat(heights.toArray()).containsExactly(20, 14, RowHeights.UNKNOWN);
    }

    private Rectangle bounds(int row) {
        return GuiActionRunner.execute(() -> {
            log.logList().getUI().getPreferredSize(log.logList()); // the layout state as the list sees it
            return log.logList().getCellBounds(row, row);
        });
    }

    private int total;

    private void add(LogEntry entry) {
        log.append(entry);
        total++;
    }

    private void append(int count, String label) {
        for (int i = 0; i < count; i++) {
            add(LogEntry.info(label + " " + i));
        }
        int waiting = total;
        waitUntil(label + " shown", () -> GuiActionRunner.execute(() -> log.entries().size()) == waiting);
        robot().waitForIdle();
    }
}
