package io.github.ucmaworkbench.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** What the window's signal hook does: close, but never hold the exit longer than the grace. */
class SignOutOnSignalTest {
    @Test
    void aQuickCloseFinishesInTime() {
        CountDownLatch closed = new CountDownLatch(1);

        assertThat(SignOutOnSignal.closeWithin(closed::countDown, 3_000)).isTrue();
        assertThat(closed.getCount()).isZero();
    }

    @Test
    void aCloseThatHangsIsGivenUpAfterTheGrace() {
        CountDownLatch never = new CountDownLatch(1);
        long start = System.nanoTime();

        boolean finished = SignOutOnSignal.closeWithin(() -> never.await(1, TimeUnit.MINUTES), 300);

        assertThat(finished).isFalse();
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(30_000);
        never.countDown();
    }
}
