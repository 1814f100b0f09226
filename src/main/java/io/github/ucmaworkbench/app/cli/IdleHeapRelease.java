package io.github.ucmaworkbench.app.cli;

import io.github.ucmaworkbench.common.DaemonThreads;
import io.github.ucmaworkbench.common.SuppressForbidden;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Gives a quiet daemon's heap back to the system after a burst of calls.
 *
 * <p>After 10,000 calls the registrar's heap stays committed near {@code -Xmx}: the dead SIP
 * transactions are garbage nobody collects, because an idle daemon allocates almost nothing, and
 * G1's periodic collection is a concurrent cycle that frees only empty regions. A full collection
 * frees them and lets G1 shrink the heap (MaxHeapFreeRatio). But a UDP transaction lingers 32 s
 * after its call (Timer J, RFC 3261 §17.2.2), so one collection as soon as the burst ends finds
 * most of them alive: once quiet, the daemon collects every {@link #REPEAT_MILLIS} while the heap is
 * still large, at most {@link #MAX_PER_SPELL} times, which covers Timer J. The launcher's options
 * cannot do this for the daemons only: the window shares the launcher, and a full periodic GC
 * would pause its event thread every interval for nothing.
 *
 * <p>A collection the JVM makes by itself (the process is busy again) starts a new quiet spell.
 */
final class IdleHeapRelease implements AutoCloseable {
    /** No collection of the JVM's own for this long: the burst is over. */
    static final long IDLE_MILLIS = 10_000;
    /** Between our collections while the heap stays large. */
    static final long REPEAT_MILLIS = 10_000;
    /** 10 s + 4 × 10 s: past Timer J (64×T1 = 32 s) of the burst's last transactions. */
    static final int MAX_PER_SPELL = 5;
    /** Below this much committed heap a full collection is not worth its pause. */
    static final long FLOOR_BYTES = 128L << 20;
    private static final long CHECK_MILLIS = 2_500;

    private final LongSupplier collections;
    private final LongSupplier committedBytes;
    private final LongSupplier clock;
    private final Runnable collect;
    private final ScheduledExecutorService timer;
    private long lastCount = -1;
    private long quietSince;
    private int forcedInSpell;
    private long lastForced;

    IdleHeapRelease(LongSupplier collections, LongSupplier committedBytes, LongSupplier clock, Runnable collect,
            ScheduledExecutorService timer) {
        this.collections = collections;
        this.committedBytes = committedBytes;
        this.clock = clock;
        this.collect = collect;
        this.timer = timer;
    }

    /** Watches this JVM's heap every few seconds until closed. */
    static IdleHeapRelease start() {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("idle-heap-release"));
        IdleHeapRelease release = new IdleHeapRelease(IdleHeapRelease::collectionCount,
                () -> ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getCommitted(),
                System::currentTimeMillis, IdleHeapRelease::fullCollection, timer);
        timer.scheduleWithFixedDelay(release::check, CHECK_MILLIS, CHECK_MILLIS, TimeUnit.MILLISECONDS);
        return release;
    }

    /** One look: collects when the heap has been quiet long enough and is still large. */
    void check() {
        long count = collections.getAsLong();
        long now = clock.getAsLong();
        if (count != lastCount) {
            lastCount = count;
            quietSince = now;
            forcedInSpell = 0;
            return;
        }
        if (now - quietSince < IDLE_MILLIS || forcedInSpell >= MAX_PER_SPELL
                || (forcedInSpell > 0 && now - lastForced < REPEAT_MILLIS)
                || committedBytes.getAsLong() <= FLOOR_BYTES) {
            return;
        }
        collect.run();
        forcedInSpell++;
        lastForced = clock.getAsLong();
        lastCount = collections.getAsLong(); // our own collection does not end the quiet spell
    }

    private static long collectionCount() {
        long total = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            total += Math.max(0, gc.getCollectionCount());
        }
        return total;
    }

    @SuppressForbidden("the one deliberate full collection, in a headless daemon only")
    private static void fullCollection() {
        System.gc();
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
