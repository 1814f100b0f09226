package io.github.ucmaworkbench.ui.ladder;

import static io.github.ucmaworkbench.trace.Direction.RECEIVED;
import static io.github.ucmaworkbench.trace.Direction.SENT;
import static io.github.ucmaworkbench.trace.TraceEvents.CLIENT;
import static io.github.ucmaworkbench.trace.TraceEvents.CLIENT_ADDR;
import static io.github.ucmaworkbench.trace.TraceEvents.REGISTRAR;
import static io.github.ucmaworkbench.trace.TraceEvents.REGISTRAR_ADDR;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.ucmaworkbench.trace.SipTrace;
import io.github.ucmaworkbench.trace.SipTraceEvent;
import io.github.ucmaworkbench.trace.TraceEvents;
import io.github.ucmaworkbench.trace.ladder.LadderArrow;
import io.github.ucmaworkbench.trace.ladder.LadderModel;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import javax.swing.SwingUtilities;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.timing.Condition;
import org.assertj.swing.timing.Pause;
import org.assertj.swing.timing.Timeout;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A burst waiting in the ladder's queue is applied in bounded slices, whoever asks: the timer, or
 * a click on a log line that must find its arrow. The view here is never shown, so its timer never
 * runs and only the calls under test apply anything.
 */
class LadderCatchUpTest {
    private static final int CALLS = 6_000; // two records each: 12,000, six slices or more

    private final SipTrace trace = new SipTrace();
    private LadderView view;

    @AfterEach
    void close() {
        if (view != null) {
            GuiActionRunner.execute(view::close);
        }
    }

    @Test
    void aCrossLinkCatchesUpOneSliceAtATimeThenSelectsItsArrow() throws Exception {
        view = GuiActionRunner.execute(() -> new LadderView(trace));
        publish(CALLS);

        int[] afterFirstSlice = new int[1];
        boolean selectedAtOnce = GuiActionRunner.execute(() -> {
            boolean answer = view.selectMessage(2L * CALLS - 1); // the newest record
            afterFirstSlice[0] = view.model().events().size();
            return answer;
        });

        assertThat(selectedAtOnce).as("too much waits for one dispatch").isFalse();
        assertThat(afterFirstSlice[0]).as("records applied by the click's own dispatch")
                .isPositive().isLessThanOrEqualTo(LadderFeed.MAX_PER_SLICE);
        await("the newest arrow selected", () -> view.getSelectedArrow() != null);
        assertThat(GuiActionRunner.execute(() -> view.getSelectedArrow().callId())).isEqualTo("opt-" + (CALLS - 1));
        assertThat(GuiActionRunner.execute(() -> view.model().arrows().stream().map(LadderArrow::callId).toList()))
                .as("every arrow, in the order sent")
                .containsExactlyElementsOf(IntStream.range(0, CALLS).mapToObj(i -> "opt-" + i).toList());
    }

    @Test
    void theLatestClickWinsWhileTheLadderCatchesUp() throws Exception {
        view = GuiActionRunner.execute(() -> new LadderView(trace));
        publish(CALLS);

        GuiActionRunner.execute(() -> {
            view.selectMessage(2L * CALLS - 1);
            return view.selectMessage(2L * 2_500 + 1); // a second click, on an older line, before the first is done
        });

        await("the second click's arrow selected", () -> view.getSelectedArrow() != null);
        assertThat(GuiActionRunner.execute(() -> view.getSelectedArrow().callId())).isEqualTo("opt-2500");
        assertThat(GuiActionRunner.execute(() -> view.model().events().size()))
                .as("only what the click needed, in slices: the rest waits for the timer")
                .isLessThan(2 * CALLS);
    }

    @Test
    void theTimersBatchIsBoundedAndKeepsTheOrder() throws Exception {
        LadderFeed feed = GuiActionRunner.execute(() -> new LadderFeed(trace, new LadderFilterBar(f -> { }, g -> { })));
        publish(CALLS);
        LadderModel model = new LadderModel();
        List<Integer> sizes = new ArrayList<>();
        SwingUtilities.invokeAndWait(() -> {
            while (feed.hasMore()) {
                int before = model.events().size();
                feed.applyBatch(model);
                sizes.add(model.events().size() - before);
            }
        });
        feed.close();

        assertThat(sizes).as("records per batch").allMatch(n -> n > 0 && n <= LadderFeed.MAX_PER_SLICE);
        assertThat(sizes.size()).isGreaterThanOrEqualTo(2 * CALLS / LadderFeed.MAX_PER_SLICE);
        assertThat(model.events()).extracting(SipTraceEvent::callId).containsExactlyElementsOf(
                IntStream.range(0, 2 * CALLS).mapToObj(i -> "opt-" + i / 2).toList());
    }

    /** {@code calls} OPTIONS, each traced by its sender and its receiver, from a "stack" thread. */
    private void publish(int calls) throws InterruptedException {
        TraceEvents t = new TraceEvents();
        List<SipTraceEvent> events = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            events.add(t.request(CLIENT, SENT, CLIENT_ADDR, REGISTRAR_ADDR, "OPTIONS", "opt-" + i, 1, CLIENT_ADDR, "z9hG4bK" + i, i));
            events.add(t.request(REGISTRAR, RECEIVED, REGISTRAR_ADDR, CLIENT_ADDR, "OPTIONS", "opt-" + i, 1, CLIENT_ADDR, "z9hG4bK" + i, i));
        }
        Thread stack = new Thread(() -> events.forEach(trace::publish), "fake-sip-stack");
        stack.start();
        stack.join(30_000);
    }

    private static void await(String what, java.util.function.BooleanSupplier condition) {
        Pause.pause(new Condition(what) {
            @Override
            public boolean test() {
                return GuiActionRunner.execute(condition::getAsBoolean);
            }
        }, Timeout.timeout(30_000));
    }
}
