package io.github.ucmaworkbench.ui.ladder;

import static io.github.ucmaworkbench.trace.Direction.SENT;
import static io.github.ucmaworkbench.trace.TraceEvents.CLIENT;
import static io.github.ucmaworkbench.trace.TraceEvents.CLIENT_ADDR;
import static io.github.ucmaworkbench.trace.TraceEvents.REGISTRAR_ADDR;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.ucmaworkbench.trace.SipTrace;
import io.github.ucmaworkbench.trace.SipTraceEvent;
import io.github.ucmaworkbench.trace.TraceEvents;
import io.github.ucmaworkbench.ui.GuiTest;
import java.awt.Dimension;
import java.awt.Point;
import java.awt.Rectangle;
import java.awt.event.KeyEvent;
import java.util.ArrayList;
import java.util.List;
import javax.swing.JFrame;
import org.assertj.swing.core.MouseButton;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.fixture.FrameFixture;
import org.assertj.swing.fixture.JToggleButtonFixture;
import org.junit.jupiter.api.Test;

/**
 * The Follow toggle: on, the ladder scrolls to each new message; a click on an arrow (or a
 * scroll up) turns it off, visibly, and new messages then leave the view alone; the toggle or
 * Ctrl+End turns it on and jumps to the newest.
 */
class LadderFollowTest extends GuiTest {
    private final TraceEvents t = new TraceEvents();
    private SipTrace trace;
    private LadderView ladder;
    private FrameFixture window;
    private int published;

    @Override
    protected void onSetUp() {
        trace = new SipTrace();
        ladder = GuiActionRunner.execute(() -> new LadderView(trace));
        JFrame frame = GuiActionRunner.execute(() -> {
            JFrame f = new JFrame("follow test");
            f.setContentPane(ladder);
            return f;
        });
        window = new FrameFixture(robot(), frame);
        window.show(new Dimension(1000, 320)); // room for a few rows: the rest needs scrolling
    }

    @Override
    protected void onTearDown() {
        GuiActionRunner.execute(() -> ladder.close());
    }

    /** Publishes {@code count} new OPTIONS (one arrow each) from another thread, as a stack does, and waits until drawn. */
    private void publish(int count) throws Exception {
        List<SipTraceEvent> events = new ArrayList<>();
        for (int i = 0; i < count; i++, published++) {
            events.add(t.request(CLIENT, SENT, CLIENT_ADDR, REGISTRAR_ADDR, "OPTIONS", "opt-" + published, 1, CLIENT_ADDR,
                    "z9hG4bKf" + published, published));
        }
        Thread stack = new Thread(() -> events.forEach(trace::publish), "fake-sip-stack");
        stack.start();
        stack.join(10_000);
        int expected = published;
        waitUntil("all drawn", () -> GuiActionRunner.execute(() -> ladder.rowCount() == expected));
        robot().waitForIdle();
    }

    private boolean rowVisible(int row) {
        return GuiActionRunner.execute(() -> {
            Rectangle visible = ladder.canvas().getVisibleRect();
            Rectangle bounds = ladder.canvas().rowBounds(row);
            return visible.contains(bounds.x, bounds.y + bounds.height / 2);
        });
    }

    private boolean newestVisible() {
        return rowVisible(GuiActionRunner.execute(() -> ladder.rowCount() - 1));
    }

    private JToggleButtonFixture follow() {
        return window.toggleButton(LadderNames.FOLLOW);
    }

    /** Clicks the arrow of the first row that is on screen now. */
    private int clickAVisibleRow() {
        Point point = GuiActionRunner.execute(() -> {
            Rectangle visible = ladder.canvas().getVisibleRect();
            int row = LadderGeometry.rowAt(visible.y + visible.height / 2);
            Rectangle bounds = ladder.canvas().rowBounds(row);
            int x = new LadderGeometry(ladder.model().columns().size(), ladder.canvas().getWidth()).x(0) + 30;
            return new Point(x, bounds.y + bounds.height / 2);
        });
        int row = GuiActionRunner.execute(() -> LadderGeometry.rowAt(point.y));
        robot().click(ladder.canvas(), point, MouseButton.LEFT_BUTTON, 1);
        robot().waitForIdle();
        return row;
    }

    @Test
    void followsUntilAnArrowIsClickedAndAgainOnceTurnedOn() throws Exception {
        publish(40);
        follow().requireSelected();
        assertThat(newestVisible()).as("following: the newest message is in view").isTrue();

        GuiActionRunner.execute(() -> ladder.canvas().scrollRectToVisible(ladder.canvas().rowBounds(5)));
        int clicked = clickAVisibleRow();
        assertThat(GuiActionRunner.execute(() -> ladder.selectedRow())).isEqualTo(clicked);
        follow().requireNotSelected();

        publish(40);
        assertThat(newestVisible()).as("not following: the view stays where the user clicked").isFalse();
        assertThat(rowVisible(clicked)).isTrue();

        follow().click();
        follow().requireSelected();
        assertThat(newestVisible()).as("turning Follow on jumps to the newest").isTrue();
        publish(40);
        assertThat(newestVisible()).as("and follows again").isTrue();
    }

    @Test
    @SuppressWarnings("deprecation") // AssertJ-Swing reads the old CTRL_MASK modifier
    void ctrlEndFollowsAgain() throws Exception {
        publish(40);
        GuiActionRunner.execute(() -> ladder.canvas().scrollRectToVisible(ladder.canvas().rowBounds(0)));
        clickAVisibleRow();
        follow().requireNotSelected();
        publish(10);
        assertThat(newestVisible()).isFalse();

        robot().pressAndReleaseKey(KeyEvent.VK_END, java.awt.event.InputEvent.CTRL_MASK);
        robot().waitForIdle();

        follow().requireSelected();
        assertThat(newestVisible()).isTrue();
    }

    @Test
    void scrollingUpStopsFollowing() throws Exception {
        publish(40);
        follow().requireSelected();

        robot().rotateMouseWheel(ladder.canvas(), -3);
        robot().waitForIdle();

        follow().requireNotSelected();
        publish(10);
        assertThat(newestVisible()).isFalse();
    }
}
