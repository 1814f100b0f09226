package io.github.ucmaworkbench.common;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Named daemon threads, the only kind the workbench starts: a name makes a thread dump readable,
 * and daemon status means no helper thread can keep the JVM alive after the window closes.
 * (JDK 21's {@code Thread.ofPlatform()} would do this; we are on 17.)
 */
public final class DaemonThreads {

    private DaemonThreads() {
    }

    /** Every thread it makes is called {@code name}: for single-thread executors. */
    public static ThreadFactory named(String name) {
        return task -> daemon(task, name);
    }

    /** Threads called {@code prefix1}, {@code prefix2}, …: for pools. */
    public static ThreadFactory numbered(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return task -> daemon(task, prefix + count.incrementAndGet());
    }

    /** Starts {@code task} on a new daemon thread called {@code name}. */
    public static Thread start(String name, Runnable task) {
        Thread thread = daemon(task, name);
        thread.start();
        return thread;
    }

    private static Thread daemon(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }
}
