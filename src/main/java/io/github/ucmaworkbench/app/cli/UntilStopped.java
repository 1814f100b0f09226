package io.github.ucmaworkbench.app.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Keeps a long-running command (registrar, server) alive until the user stops it: Ctrl+C /
 * SIGTERM (through a shutdown hook), or the end of standard input (Ctrl+D) when that input is an
 * interactive terminal ({@link CliIo#endOfInputStops()}). A daemon's /dev/null or closed stdin
 * is at its end from the start, so there it is not read at all.
 *
 * <p>On a signal the JVM is already shutting down: the hook releases the command's main thread
 * and then waits (bounded) for it to sign out and close its ports, so a stopped server does not
 * leave a stale registration behind.
 */
final class UntilStopped implements AutoCloseable {
    private static final long CLEANUP_MILLIS = 6_000;

    private final CountDownLatch stop = new CountDownLatch(1);
    private final CountDownLatch cleanedUp = new CountDownLatch(1);
    private final Thread hook;
    private final boolean watching;
    private volatile String reason = "stopped";

    /** @param watchStdin false with {@code --ignore-stdin}: only a signal stops the command */
    UntilStopped(CliIo io, boolean watchStdin) {
        hook = new Thread(() -> {
            reason = "interrupted";
            stop.countDown();
            try {
                cleanedUp.await(CLEANUP_MILLIS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "cli-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        watching = watchStdin && io.endOfInputStops();
        if (watching) {
            Thread reader = new Thread(() -> drain(io.in()), "cli-stdin");
            reader.setDaemon(true);
            reader.start();
        }
    }

    private void drain(InputStream in) {
        byte[] buffer = new byte[256];
        try {
            while (in.read(buffer) >= 0) {
                // Input is not a command language; only its end matters.
            }
            reason = "end of input";
        } catch (IOException e) {
            reason = "input closed";
        }
        stop.countDown();
    }

    /** How the user stops the command, for its "ready" line. */
    String howToStop() {
        return watching ? "press Ctrl+C (or end input with Ctrl+D) to stop"
                : "stop with Ctrl+C or SIGTERM (kill " + ProcessHandle.current().pid() + ")";
    }

    /** Blocks until stopped; returns what stopped us. */
    String await() throws InterruptedException {
        stop.await();
        return reason;
    }

    /** Cleanup is done: lets a pending shutdown proceed, or removes the hook on a normal exit. */
    @Override
    public void close() {
        cleanedUp.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The hook is running: it has just been released.
        }
    }
}
