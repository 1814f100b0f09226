package io.github.ucmaworkbench.app;

import io.github.ucmaworkbench.settings.AcceptPolicySettings;
import io.github.ucmaworkbench.settings.SideSettings;
import io.github.ucmaworkbench.tutorial.AcceptPolicy;
import io.github.ucmaworkbench.tutorial.EndpointSettings;
import io.github.ucmaworkbench.tutorial.ServerManager;
import io.github.ucmaworkbench.ui.ServerModel;
import io.github.ucmaworkbench.ui.policy.IncomingCallAsker;
import io.github.ucmaworkbench.rtc.RegistrationState;
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

    /** A server that was listening before new settings listens again once the new one is signed in. */
    @Override
    void resume(ServerManager next, boolean listenAgain) {
        if (!listenAgain) {
            return;
        }
        AtomicReference<AutoCloseable> subscription = new AtomicReference<>();
        subscription.set(next.changed().add((sender, e) -> {
            RegistrationState state = next.getRegistrationState();
            if (state == RegistrationState.REGISTERED || state == RegistrationState.UNREGISTERED) {
                removeQuietly(subscription.getAndSet(null));
                if (state == RegistrationState.REGISTERED) {
                    act(m -> {
                        if (m == next && !m.isListening()) {
                            m.startListening();
                        }
                    });
                }
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
