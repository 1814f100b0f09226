package io.github.ucmaworkbench.app;

import io.github.ucmaworkbench.common.DaemonThreads;
import io.github.ucmaworkbench.rtc.RegistrationState;
import io.github.ucmaworkbench.rtc.SignalingState;
import io.github.ucmaworkbench.tutorial.PendingOperation;
import io.github.ucmaworkbench.tutorial.ProgressEventArgs;
import io.github.ucmaworkbench.tutorial.TutorialManager;
import io.github.ucmaworkbench.ui.PendingWait;
import io.github.ucmaworkbench.ui.SideModel;
import io.github.ucmaworkbench.ui.log.LogEntry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One side of the window over a tutorial manager. New settings mean a new manager (the tutorial's
 * managers take their settings once, as the series' classes do): the old one is closed and the
 * new one takes its place on this side's own lifecycle thread, so the event thread never waits
 * for a sign-out. The panel's listeners stay subscribed across the swap.
 */
abstract class TutorialSide<M extends TutorialManager> implements SideModel {
    private static final Logger LOG = LoggerFactory.getLogger(TutorialSide.class);

    private final List<Runnable> changeListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<LogEntry>> progressListeners = new CopyOnWriteArrayList<>();
    private final List<LogEntry> unheard = new ArrayList<>();
    private final ExecutorService lifecycle;
    private volatile M manager;
    private volatile Duration operationTimeout;
    /** The manager {@link #replace} signed in by itself: a sign-in asked for right after (joining a class) is that one. */
    private volatile M signedInByItself;
    private AutoCloseable progressSubscription;
    private AutoCloseable changedSubscription;

    TutorialSide(String name, M first) {
        lifecycle = Executors.newSingleThreadExecutor(DaemonThreads.named(name + "-lifecycle"));
        install(first);
    }

    /** The manager in use now. */
    M manager() {
        return manager;
    }

    /** Shortens (tests) or lengthens every operation's timeout, for this and later managers. */
    void setOperationTimeout(Duration timeout) {
        operationTimeout = timeout;
        manager.setOperationTimeout(timeout);
    }

    /**
     * Runs a lesson action on this side's own thread, in the order the user asked. The managers
     * never wait for the network, but the first sign-in builds a SIP stack (a second or so of class
     * loading and socket binding) and must not do that on the Swing thread.
     */
    void act(Consumer<M> action) {
        try {
            lifecycle.execute(() -> {
                try {
                    action.accept(manager);
                } catch (RuntimeException e) {
                    LOG.warn("{}: lesson action failed", uri(), e);
                    report(LogEntry.error("The workbench could not do that: " + e.getMessage()));
                }
            });
        } catch (RejectedExecutionException e) {
            // Closing: the window is going away and so are the managers.
        }
    }

    /**
     * Closes the current manager and puts {@code next} in its place, off the caller's thread. A side
     * that was signed in (or signing in) signs in again with the new settings; the log says what
     * was done, since the old manager's own lines (its BYE, its sign-out) are no longer heard.
     */
    void replace(M next) {
        act(ignored -> swap(next));
    }

    /** {@link #replace}'s work, on the lifecycle thread. */
    void swap(M next) {
        M old = manager;
        SignalingState call = old.getSessionState();
        boolean inCall = call != null && call != SignalingState.IDLE && call != SignalingState.DISCONNECTED;
        RegistrationState registration = old.getRegistrationState();
        boolean signingIn = registration == RegistrationState.REGISTERED
                || registration == RegistrationState.REGISTERING;
        boolean listening = isListening();
        unsubscribe();
        closeQuietly(old);
        install(next);
        resume(next, signingIn && listening);
        if (signingIn) {
            next.signIn();
            signedInByItself = next;
        }
        report(LogEntry.info(appliedSentence(inCall, signingIn, old.getSettings().uri(), next.getSettings().uri())));
    }

    /** "Settings applied: the call was ended, signed out as …, signing in again as …." */
    static String appliedSentence(boolean inCall, boolean signingIn, String oldUri, String newUri) {
        List<String> done = new ArrayList<>();
        if (inCall) {
            done.add("the call was ended");
        }
        if (signingIn) {
            done.add("signed out as " + oldUri);
            done.add("signing in again as " + newUri);
        } else {
            done.add("sign in when ready, as " + newUri);
        }
        return "Settings applied: " + String.join(", ", done) + ".";
    }

    /** Hook: the new manager picks up what the old one did (a server that listened listens again); lifecycle thread. */
    void resume(M next, boolean listenAgain) {
    }

    /**
     * Queued first, while the registrar starts: waits for {@code ready}, then swaps in
     * {@link #renewed()} (the same settings, now with the registrar's real address). Actions the
     * window asks for meanwhile (a sign-in) are queued behind it and reach the new manager.
     */
    void renewWhen(CompletableFuture<?> ready) {
        act(old -> {
            ready.join();
            unsubscribe();
            closeQuietly(old);
            M next = renewed();
            synchronized (this) {
                // Configured (the accept policy the window chose) before its progress is heard:
                // the first manager has already said so in the log, once is enough.
                configure(next);
                install(next, false);
            }
        });
    }

    /** A manager made from this side's first settings again (see {@link #renewWhen}). */
    abstract M renewed();

    private void install(M next) {
        install(next, true);
    }

    private synchronized void install(M next, boolean configure) {
        if (operationTimeout != null) {
            next.setOperationTimeout(operationTimeout);
        }
        manager = next;
        progressSubscription = next.progress().add((sender, e) -> progressArrived(e));
        changedSubscription = next.changed().add((sender, e) -> fireChanged());
        if (configure) {
            configure(next);
        }
        fireChanged();
    }

    /** Hook: settings that outlive a manager (the server's accept policy) are given to the new one. */
    void configure(M next) {
    }

    private synchronized void unsubscribe() {
        for (AutoCloseable subscription : new AutoCloseable[] {progressSubscription, changedSubscription}) {
            try {
                if (subscription != null) {
                    subscription.close();
                }
            } catch (Exception e) {
                LOG.debug("unsubscribe failed", e);
            }
        }
    }

    private void progressArrived(ProgressEventArgs e) {
        LogEntry entry = new LogEntry(e.time(), e.level(),
                e.message());
        progressListeners.forEach(l -> l.accept(entry));
    }

    /** Tells the panel something may have changed; any thread. */
    void fireChanged() {
        changeListeners.forEach(Runnable::run);
    }

    /**
     * Puts a line of the workbench's own into this side's log. Lines reported before the panel
     * listens (start-up notices: the registrar's port, a failed start) wait for its first listener.
     */
    void report(LogEntry entry) {
        synchronized (unheard) {
            if (progressListeners.isEmpty()) {
                unheard.add(entry);
                return;
            }
        }
        progressListeners.forEach(l -> l.accept(entry));
    }

    /** Signs out and releases the ports, waiting at most about two seconds. */
    void close() {
        lifecycle.shutdown();
        try {
            lifecycle.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        unsubscribe();
        closeQuietly(manager);
    }

    private static void closeQuietly(TutorialManager m) {
        try {
            m.close();
        } catch (RuntimeException e) {
            LOG.warn("closing {} failed", m.getSettings().uri(), e);
        }
    }

    @Override
    public String uri() {
        return manager.getSettings().uri();
    }

    @Override
    public RegistrationState registrationState() {
        return manager.getRegistrationState();
    }

    @Override
    public SignalingState sessionState() {
        return manager.getSessionState();
    }

    @Override
    public PendingWait pending() {
        PendingOperation p = manager.getPending();
        return p == null ? null : new PendingWait(p.description(), p.deadline());
    }

    @Override
    public AutoCloseable addChangeListener(Runnable listener) {
        changeListeners.add(listener);
        return () -> changeListeners.remove(listener);
    }

    @Override
    public AutoCloseable addProgressListener(Consumer<LogEntry> listener) {
        List<LogEntry> waiting;
        synchronized (unheard) {
            progressListeners.add(listener);
            waiting = List.copyOf(unheard);
            unheard.clear();
        }
        waiting.forEach(listener);
        return () -> progressListeners.remove(listener);
    }

    @Override
    public void signIn() {
        act(m -> {
            if (m == signedInByItself && m.getRegistrationState() != RegistrationState.UNREGISTERED) {
                signedInByItself = null; // already signing in with the new settings: not an error to report
                return;
            }
            m.signIn();
        });
    }

    @Override
    public void signOut() {
        act(TutorialManager::signOut);
    }

    @Override
    public void hangUp() {
        act(TutorialManager::hangUp);
    }
}
