package io.github.ucmaworkbench.sip;

import io.github.ucmaworkbench.common.DaemonThreads;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The one protocol-timer thread that endpoints and the registrar share: operation timeouts,
 * re-registrations, the malformed-input summaries. Its tasks only hand work on, so one thread is
 * enough and never becomes a place where SIP work queues up.
 */
public final class SipTimers {
    public static final ScheduledExecutorService TIMERS = Executors.newScheduledThreadPool(1, DaemonThreads.named("ucma-sip-timer"));

    private SipTimers() {
    }
}
