package io.github.ucmaworkbench.app;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ctrl+C in the terminal that started the window, or SIGTERM (a desktop session ending), signs
 * out and stops the registrar as closing the window does, within the same grace: otherwise an
 * external registrar would keep the server's binding, and fork calls to it, until it expires.
 */
final class SignOutOnSignal {
    private static final Logger LOG = LoggerFactory.getLogger(SignOutOnSignal.class);

    private final Thread hook;

    SignOutOnSignal(AutoCloseable workbench, long graceMillis) {
        hook = new Thread(() -> closeWithin(workbench, graceMillis), "workbench-signal");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** The window closed by itself (and signed out): nothing is left for a signal to do. */
    void windowClosed() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is already running
        }
    }

    /** Closes {@code closeable}, giving up after {@code graceMillis}; true when it finished in time. */
    static boolean closeWithin(AutoCloseable closeable, long graceMillis) {
        Thread closer = new Thread(() -> {
            try {
                closeable.close();
            } catch (Exception e) {
                LOG.debug("closing on a signal failed", e);
            }
        }, "workbench-close-on-signal");
        closer.setDaemon(true);
        closer.start();
        try {
            closer.join(graceMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return !closer.isAlive();
    }
}
