package io.github.ucmaworkbench.ui.ladder;

import static io.github.ucmaworkbench.trace.Direction.SENT;
import static io.github.ucmaworkbench.trace.TraceEvents.CLIENT;
import static io.github.ucmaworkbench.trace.TraceEvents.CLIENT_ADDR;
import static io.github.ucmaworkbench.trace.TraceEvents.REGISTRAR_ADDR;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.ucmaworkbench.trace.SipTrace;
import io.github.ucmaworkbench.trace.TraceEvents;
import io.github.ucmaworkbench.ui.GuiTest;
import java.awt.Dimension;
import java.util.List;
import javax.swing.JFrame;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.fixture.FrameFixture;
import org.junit.jupiter.api.Test;

/**
 * A lesson step's highlight: the messages traced from the step's start (taken on the engine's
 * thread, so a quick first message is not missed) until it ends, and none after.
 */
class LadderHighlightTest extends GuiTest {
    private final TraceEvents t = new TraceEvents();
    private SipTrace trace;
    private LadderView ladder;
    private int published;

    @Override
    protected void onSetUp() throws Exception {
        trace = new SipTrace();
        publish(3); // before the view: its snapshot
        ladder = GuiActionRunner.execute(() -> new LadderView(trace));
        JFrame frame = GuiActionRunner.execute(() -> {
            JFrame f = new JFrame("highlight test");
            f.setContentPane(ladder);
            return f;
        });
        new FrameFixture(robot(), frame).show(new Dimension(900, 400));
    }

    @Override
    protected void onTearDown() {
        GuiActionRunner.execute(() -> ladder.close());
    }

    /** Publishes {@code count} OPTIONS from another thread, as a SIP stack does. */
    private void publish(int count) throws Exception {
        int from = published;
        published += count;
        Thread stack = new Thread(() -> {
            for (int i = from; i < from + count; i++) {
                trace.publish(t.request(CLIENT, SENT, CLIENT_ADDR, REGISTRAR_ADDR, "OPTIONS", "opt-" + i, 1, CLIENT_ADDR,
                        "z9hG4bKh" + i, i));
            }
        }, "fake-sip-stack");
        stack.start();
        stack.join(10_000);
    }

    private List<Boolean> lit() {
        int expected = published;
        waitUntil("all drawn", () -> GuiActionRunner.execute(() -> ladder.model().size() == expected));
        return GuiActionRunner.execute(() -> ladder.model().arrows().stream().map(ladder.highlights()::isLit).toList());
    }

    @Test
    void theStepsMessagesStayLitAndLaterOnesDoNot() throws Exception {
        long mark = ladder.tracedSequence(); // the engine's thread, as the step starts
        publish(2); // the step's first messages, traced before the event thread highlights
        GuiActionRunner.execute(() -> ladder.highlights().after(mark));
        publish(1);
        GuiActionRunner.execute(() -> ladder.highlights().untilNow()); // the step ends
        publish(2); // later, by hand

        assertThat(lit()).containsExactly(false, false, false, true, true, true, false, false);
    }

    @Test
    void aStepThatTracedNothingDimsNothing() throws Exception {
        GuiActionRunner.execute(() -> {
            ladder.highlights().fromNow();
            ladder.highlights().untilNow();
            return null;
        });
        publish(1);

        assertThat(lit()).containsOnly(false);
        assertThat(GuiActionRunner.execute(() -> ladder.scene().highlighted())).as("nothing dimmed").isNull();
    }
}
