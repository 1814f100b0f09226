package io.github.ucmaworkbench.app;

import io.github.ucmaworkbench.settings.AcceptPolicySettings;
import io.github.ucmaworkbench.settings.SideSettings;
import io.github.ucmaworkbench.tutorial.AcceptPolicy;
import io.github.ucmaworkbench.tutorial.EndpointSettings;
import io.github.ucmaworkbench.tutorial.ServerManager;
import io.github.ucmaworkbench.ui.ServerModel;
import io.github.ucmaworkbench.ui.policy.IncomingCallAsker;
import java.time.Duration;
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

    @Override
    public void setAcceptPolicy(AcceptPolicySettings chosen, IncomingCallAsker asker) {
        AcceptPolicy next = toTutorial(chosen, asker);
        policy = next;
        act(m -> m.setAcceptPolicy(next));
    }

    /** The chosen policy in the tutorial's terms; "Ask me" goes to {@code asker} with the chosen countdown. */
    static AcceptPolicy toTutorial(AcceptPolicySettings chosen, IncomingCallAsker asker) {
        Duration countdown = Duration.ofSeconds(chosen.askTimeoutSeconds());
        return chosen.toPolicy((call, accept) -> asker.ask(call.callerUri(), call.headers(), countdown, accept));
    }

    @Override
    public void apply(SideSettings settings) {
        replace(new ServerManager(toTutorial.apply(settings)));
    }
}
