package io.github.ucmaworkbench.sip;

import io.github.ucmaworkbench.common.DaemonThreads;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;

/**
 * The one protocol-timer thread that endpoints and the registrar share: operation timeouts,
 * re-registrations, the malformed-input summaries. Its tasks only hand work on, so one thread is
 * enough and never becomes a place where SIP work queues up.
 */
public final class SipTimers {
    public static final ScheduledExecutorService TIMERS = timers();

    /**
     * A cancelled task leaves the queue at once: almost every task here is cancelled (an ACK
     * that came, an answered request), and a cancelled one kept its whole call (session,
     * dialog, messages) reachable until its delay passed, 32 s for an ACK window, so at load
     * the heap held every call of the last half minute.
     */
    private static ScheduledExecutorService timers() {
        ScheduledThreadPoolExecutor timers = new ScheduledThreadPoolExecutor(1, DaemonThreads.named("ucma-sip-timer"));
        timers.setRemoveOnCancelPolicy(true);
        return timers;
    }

    private SipTimers() {
    }
}
