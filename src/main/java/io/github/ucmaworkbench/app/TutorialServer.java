package io.github.ucmaworkbench.app;

import io.github.ucmaworkbench.settings.AcceptPolicySettings;
import io.github.ucmaworkbench.settings.SideSettings;
import io.github.ucmaworkbench.tutorial.AcceptPolicy;
import io.github.ucmaworkbench.tutorial.EndpointSettings;
import io.github.ucmaworkbench.tutorial.ServerManager;
import io.github.ucmaworkbench.ui.ServerModel;
import io.github.ucmaworkbench.ui.policy.IncomingCallAsker;
import io.github.ucmaworkbench.rtc.RegistrationState;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/** The server panel's model: the tutorial's {@link ServerManager} and the classroom's accept policy. */
final class TutorialServer extends TutorialSide<ServerManager> implements ServerModel {
    private final Function<SideSettings, EndpointSettings> toTutorial;
    private volatile AcceptPolicy policy;

    private final SideSettings first;

    TutorialServer(SideSettings settings, Function<SideSettings, EndpointSettings> toTutorial) {
        super("server", new ServerManager(toTutorial.apply(settings)));
        this.toTutorial = toTutorial;
        this.first = settings;
    }

    @Override
    ServerManager renewed() {
        return new ServerManager(toTutorial.apply(first));
    }

    @Override
    void configure(ServerManager next) {
        AcceptPolicy current = policy;
        if (current != null) {
            next.setAcceptPolicy(current);
        }
    }

    /**
     * A server that was listening before new settings listens again once the new one is signed in.
     * Called before {@code next} signs in. {@code changed} fires for any news (the pending sign-in,
     * the policy set on it), and its handlers run later on a worker: a handler that reads
     * UNREGISTERED may run before the sign-in has even started. Giving up on that first
     * UNREGISTERED was the race that left the server not listening after new settings now and
     * then; only an attempt seen under way (REGISTERING, or its pending operation) that ended
     * UNREGISTERED means the sign-in failed. An attempt that went by unseen leaves the handler
     * waiting for this manager's next successful sign-in.
     */
    @Override
    void resume(ServerManager next, boolean listenAgain) {
        if (!listenAgain) {
            return;
        }
        AtomicReference<AutoCloseable> subscription = new AtomicReference<>();
        AtomicBoolean attemptSeen = new AtomicBoolean();
        subscription.set(next.changed().add((sender, e) -> {
            RegistrationState state = next.getRegistrationState();
            if (state == RegistrationState.REGISTERING || next.getPending() != null) {
                attemptSeen.set(true);
            }
            if (state == RegistrationState.REGISTERED) {
                removeQuietly(subscription.getAndSet(null));
                act(m -> {
                    if (m == next && !m.isListening()) {
                        m.startListening();
                    }
                });
            } else if (state == RegistrationState.UNREGISTERED && next.getPending() == null && attemptSeen.get()) {
                removeQuietly(subscription.getAndSet(null)); // the sign-in failed: nothing to listen for
            }
        }));
    }

    private static void removeQuietly(AutoCloseable subscription) {
        try {
            if (subscription != null) {
                subscription.close();
            }
        } catch (Exception e) {
            // a removed handler cannot fail to be removed
        }
    }

    @Override
    public boolean isListening() {
        return manager().isListening();
    }

    @Override
    public void startListening() {
        act(ServerManager::startListening);
    }

    @Override
    public void stopListening() {
        act(ServerManager::stopListening);
    }

    /**
     * Applied at once, on the caller's thread (a lesson step's next INVITE must meet it), and kept
     * for the managers new settings bring; "Ask me" goes to {@code asker} with the policy's own countdown.
     */
    @Override
    public void setAcceptPolicy(AcceptPolicySettings chosen, IncomingCallAsker asker) {
        AcceptPolicy next = chosen.toPolicy(asker::ask);
        synchronized (this) { // the monitor install() holds: a manager being installed gets this one
            policy = next;
            manager().setAcceptPolicy(next);
        }
    }

    @Override
    public void apply(SideSettings settings) {
        replace(new ServerManager(toTutorial.apply(settings)));
    }
}
