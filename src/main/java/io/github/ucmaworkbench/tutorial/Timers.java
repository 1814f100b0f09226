package io.github.ucmaworkbench.tutorial;

import io.github.ucmaworkbench.common.DaemonThreads;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** One daemon timer for the managers' own deadlines (the "Ask me" countdown). */
final class Timers {
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("tutorial-timer"));

    private Timers() {
    }

    static ScheduledFuture<?> schedule(Runnable task, long delay, TimeUnit unit) {
        return TIMER.schedule(task, delay, unit);
    }
}
