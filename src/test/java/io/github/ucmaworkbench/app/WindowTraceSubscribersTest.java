package io.github.ucmaworkbench.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ucmaworkbench.trace.SipTrace;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.assertj.swing.edt.GuiActionRunner;
import org.junit.jupiter.api.Test;

/**
 * A window that is gone leaves nothing subscribed to {@link SipTrace#global()}: its ladder and its
 * lesson engine stop following the trace, however the window went. Each subscriber left behind
 * is handed every later message of the process (a dead engine once made delivery slower than a
 * load test's arrivals), and a window closed and opened again in one process would add more.
 */
class WindowTraceSubscribersTest extends WindowTest {

    @Test
    void disposingTheWindowUnsubscribesItsLadderAndLessonEngine() {
        int before = SipTrace.global().subscriberCount();
        open(aWindow().asMainShowsIt());
        assertThat(SipTrace.global().subscriberCount()).as("the ladder and the lesson engine follow the trace")
                .isGreaterThanOrEqualTo(before + 2);

        GuiActionRunner.execute(() -> app.frame().dispose());

        assertThat(SipTrace.global().subscriberCount()).as("subscribers after the window was disposed").isEqualTo(before);
    }

    @Test
    void aWindowClosedAndOpenedAgainInOneProcessLeavesNoSubscriberBehind() throws Exception {
        int before = SipTrace.global().subscriberCount();
        for (int round = 1; round <= 2; round++) {
            CountDownLatch closed = new CountDownLatch(1);
            open(aWindow().asMainShowsIt().onClosed(closed::countDown));
            window.close(); // the title bar's close button: the window's own close sequence
            assertThat(closed.await(30, TimeUnit.SECONDS)).as("round %d: the window closed", round).isTrue();
            assertThat(SipTrace.global().subscriberCount()).as("round %d: subscribers after closing", round)
                    .isEqualTo(before);
            app.close();
            app = null;
        }
    }
}
