package io.github.ucmaworkbench.ui;

import io.github.ucmaworkbench.rtc.RegistrationState;
import io.github.ucmaworkbench.rtc.SignalingState;
import io.github.ucmaworkbench.tutorial.ProgressLevel;
import io.github.ucmaworkbench.ui.log.LogEntry;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * A side without SIP: states change at once and listeners are told on a worker thread, the way
 * the tutorial managers raise their events (so a panel that touched Swing from a listener would
 * trip the thread-violation check).
 */
class FakeSide implements SideModel {
    final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "fake-rtc-worker");
        t.setDaemon(true);
        return t;
    });
    final List<Runnable> changeListeners = new CopyOnWriteArrayList<>();
    final List<Consumer<LogEntry>> progressListeners = new CopyOnWriteArrayList<>();
    final List<String> calls = new CopyOnWriteArrayList<>();
    volatile String uri;
    volatile RegistrationState registration = RegistrationState.UNREGISTERED;
    volatile SignalingState session;
    volatile boolean listening;
    volatile PendingWait pending;

    FakeSide(String uri) {
        this.uri = uri;
    }

    @Override public String uri() { return uri; }
    @Override public RegistrationState registrationState() { return registration; }
    @Override public SignalingState sessionState() { return session; }
    @Override public boolean isListening() { return listening; }
    @Override public PendingWait pending() { return pending; }

    @Override
    public AutoCloseable addChangeListener(Runnable listener) {
        changeListeners.add(listener);
        return () -> changeListeners.remove(listener);
    }

    @Override
    public AutoCloseable addProgressListener(Consumer<LogEntry> listener) {
        progressListeners.add(listener);
        return () -> progressListeners.remove(listener);
    }

    @Override
    public void signIn() {
        calls.add("signIn");
        set(() -> registration = RegistrationState.REGISTERED, "Signed in.");
    }

    @Override
    public void signOut() {
        calls.add("signOut");
        set(() -> registration = RegistrationState.UNREGISTERED, "Signed out.");
    }

    @Override
    public void hangUp() {
        calls.add("hangUp");
        set(() -> session = SignalingState.DISCONNECTED, "The session was terminated.");
    }

    /** Changes state on the worker thread, then reports it like a manager would. */
    void set(Runnable change, String progress) {
        worker.execute(() -> {
            change.run();
            progressListeners.forEach(l -> l.accept(new LogEntry(Instant.now(),
                    ProgressLevel.INFO, progress)));
            changeListeners.forEach(Runnable::run);
        });
    }

    void error(String message) {
        worker.execute(() -> progressListeners.forEach(l -> l.accept(LogEntry.error(message))));
    }
}
