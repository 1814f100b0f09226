package io.github.ucmaworkbench.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class IdleHeapReleaseTest {
    private final AtomicLong gcCount = new AtomicLong(7);
    private final AtomicLong committed = new AtomicLong(512L << 20);
    private final AtomicLong now = new AtomicLong(1_000_000);
    private final AtomicInteger forced = new AtomicInteger();
    private final ScheduledExecutorService unused = Executors.newSingleThreadScheduledExecutor();
    private final IdleHeapRelease release = new IdleHeapRelease(gcCount::get, committed::get, now::get, () -> {
        forced.incrementAndGet();
        gcCount.incrementAndGet(); // the forced collection counts like any other
        committed.set(64L << 20);
    }, unused);

    @AfterEach
    void stop() {
        release.close();
    }

    private void checkAfter(long millis) {
        now.addAndGet(millis);
        release.check();
    }

    @Test
    void aQuietLargeHeapIsCollectedAgainUntilTimerJHasPassedOrItShrinks() {
        committed.set(512L << 20);
        release.check();
        checkAfter(IdleHeapRelease.IDLE_MILLIS - 1);
        assertThat(forced).as("the burst may not be over").hasValue(0);

        checkAfter(1);
        assertThat(forced).hasValue(1);
        committed.set(400L << 20); // the transactions were still alive: the heap stayed large

        checkAfter(IdleHeapRelease.REPEAT_MILLIS - 1);
        assertThat(forced).hasValue(1);
        checkAfter(1);
        assertThat(forced).as("our own collection does not end the quiet spell").hasValue(2);

        committed.set(64L << 20); // Timer J has passed: the heap shrank
        checkAfter(IdleHeapRelease.REPEAT_MILLIS * 5);
        assertThat(forced).hasValue(2);
    }

    @Test
    void aHeapThatStaysLargeIsCollectedOnlyAFewTimes() {
        release.check();
        for (int i = 0; i < 30; i++) {
            checkAfter(IdleHeapRelease.REPEAT_MILLIS);
            committed.set(512L << 20); // a large live set: collecting does not help
        }
        assertThat(forced).hasValue(IdleHeapRelease.MAX_PER_SPELL);
    }

    @Test
    void aBusyHeapIsLeftToTheCollector() {
        release.check();
        for (int i = 0; i < 20; i++) {
            gcCount.incrementAndGet(); // the load keeps the collector working
            checkAfter(5_000);
        }
        assertThat(forced).hasValue(0);
    }

    @Test
    void aSmallHeapIsNotWorthAPause() {
        committed.set(IdleHeapRelease.FLOOR_BYTES);
        release.check();
        checkAfter(IdleHeapRelease.IDLE_MILLIS * 2);
        assertThat(forced).hasValue(0);
    }

    @Test
    void theNextBurstIsReleasedToo() {
        release.check();
        checkAfter(IdleHeapRelease.IDLE_MILLIS);
        assertThat(forced).hasValue(1);

        gcCount.addAndGet(40); // a new burst grows the heap again
        committed.set(400L << 20);
        checkAfter(5_000);
        checkAfter(IdleHeapRelease.IDLE_MILLIS);
        assertThat(forced).hasValue(2);
    }
}
