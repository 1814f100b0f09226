package io.github.ucmaworkbench.ui.log;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ucmaworkbench.settings.Theme;
import io.github.ucmaworkbench.tutorial.ProgressLevel;
import io.github.ucmaworkbench.ui.GuiTest;
import io.github.ucmaworkbench.ui.theme.ThemeSupport;
import java.awt.Dimension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.swing.JFrame;
import javax.swing.SwingUtilities;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.fixture.FrameFixture;
import org.assertj.swing.timing.Pause;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProgressLogPanelTest extends GuiTest {
    static final String NAME = "test.log";
    static final int BURST = 10_000;

    @TempDir
    Path dir;

    private ProgressLogPanel log;
    private FrameFixture window;

    @Override
    protected void onSetUp() {
        JFrame frame = GuiActionRunner.execute(() -> {
            ThemeSupport.install(Theme.LIGHT, false);
            JFrame f = new JFrame("log");
            log = new ProgressLogPanel(NAME, "Test");
            f.setContentPane(log);
            return f;
        });
        window = new FrameFixture(robot(), frame);
        window.show(new Dimension(700, 400));
    }

    @Test
    void aBurstFromAnotherThreadArrivesInOrderWhileTheEventThreadStaysResponsive() throws Exception {
        // A log that has shown a few lines already, as in class; the JIT's first compile of the
        // wrapping code is then not billed to the burst.
        for (int i = 0; i < 300; i++) {
            log.append(LogEntry.info("warm-up " + i));
        }
        waitUntil("warm-up shown", () -> GuiActionRunner.execute(() -> log.entries().size()) == 300);
        GuiActionRunner.execute(() -> {
            log.clearPerformed();
            log.resetDrainFigures();
        });
        AtomicBoolean writing = new AtomicBoolean(true);
        Thread writer = new Thread(() -> {
            for (int i = 0; i < BURST; i++) {
                log.append(Instant.now(), i % 100 == 99 ? ProgressLevel.ERROR : ProgressLevel.INFO, "line " + i);
            }
            writing.set(false);
        }, "burst-writer");

        long worstMillis = 0;
        writer.start();
        while (writing.get() || GuiActionRunner.execute(() -> log.entries().size()) < BURST) {
            long start = System.nanoTime();
            SwingUtilities.invokeAndWait(() -> { });
            worstMillis = Math.max(worstMillis, (System.nanoTime() - start) / 1_000_000);
            Pause.pause(5);
        }
        writer.join();

        List<LogEntry> shown = GuiActionRunner.execute(() -> log.entries());
        assertThat(shown).hasSize(BURST);
        assertThat(shown.get(0).message()).isEqualTo("line 0");
        assertThat(shown.get(BURST - 1).message()).isEqualTo("line " + (BURST - 1));
        assertThat(shown.get(99).level()).isEqualTo(ProgressLevel.ERROR);
        long longestDrain = GuiActionRunner.execute(() -> log.longestDrainMillis());
        System.err.println("burst of " + BURST + " lines: longest event-thread wait " + worstMillis
                + " ms, longest drain " + longestDrain + " ms");
        // What the log itself costs the event thread per tick; the round trip below also counts
        // the machine's scheduling and GC, so its bound only catches a real freeze.
        assertThat(longestDrain).as("longest single drain, ms").isLessThan(400);
        assertThat(worstMillis).as("longest wait for the event thread during the burst, ms").isLessThan(2_000);
        assertThat(GuiActionRunner.execute(() -> log.isAtBottom())).as("followed the burst to its end").isTrue();
    }

    @Test
    void scrollingUpStopsFollowingAndTheFollowButtonResumes() {
        appendAndShow(500, "first");
        assertThat(GuiActionRunner.execute(() -> log.isAtBottom())).isTrue();
        assertThat(followShowing()).as("Follow hidden while following").isFalse();

        robot().rotateMouseWheel(log.logList(), -200); // the user scrolls up
        waitUntil("follow offered", () -> followShowing());
        int firstShown = GuiActionRunner.execute(() -> log.logList().getFirstVisibleIndex());

        appendAndShow(200, "second");
        assertThat(GuiActionRunner.execute(() -> log.logList().getFirstVisibleIndex()))
                .as("the view stays where the user put it").isEqualTo(firstShown);
        assertThat(firstShown).isLessThan(400);

        window.button(NAME + ProgressLogPanel.FOLLOW).click();
        assertThat(GuiActionRunner.execute(() -> log.isAtBottom())).isTrue();
        appendAndShow(50, "third");
        assertThat(GuiActionRunner.execute(() -> log.logList().getLastVisibleIndex())).isEqualTo(749);
    }

    @Test
    void saveWritesEveryLineAndClearEmptiesTheLog() throws Exception {
        log.append(LogEntry.info("Signing in as sip:client@example.com."));
        log.append(LogEntry.error("The invite failed; Error Code=486 Error Text=Busy Here."));
        waitUntil("two lines", () -> GuiActionRunner.execute(() -> log.entries().size()) == 2);

        Path file = dir.resolve("client-log.txt");
        GuiActionRunner.execute(() -> {
            log.saveTo(file);
            return null;
        });
        List<String> saved = Files.readAllLines(file);
        assertThat(saved).hasSize(2);
        assertThat(saved.get(1)).matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3}  ERROR    The invite failed; Error Code=486 Error Text=Busy Here\\.");

        window.button(NAME + ProgressLogPanel.CLEAR).click();
        assertThat(window.list(NAME + ProgressLogPanel.LIST).contents()).isEmpty();
    }

    private boolean followShowing() {
        return GuiActionRunner.execute(() -> robot().finder()
                .findByName(window.target(), NAME + ProgressLogPanel.FOLLOW, javax.swing.JButton.class, false).isShowing());
    }

    private void appendAndShow(int count, String label) {
        int before = GuiActionRunner.execute(() -> log.entries().size());
        for (int i = 0; i < count; i++) {
            log.append(LogEntry.info(label + " " + i));
        }
        waitUntil(label + " shown", () -> GuiActionRunner.execute(() -> log.entries().size()) == before + count);
        robot().waitForIdle();
    }


}
