package io.github.ucmaworkbench.app;

import io.github.ucmaworkbench.settings.AcceptPolicySettings;
import io.github.ucmaworkbench.settings.SideSettings;
import io.github.ucmaworkbench.tutorial.AcceptPolicy;
import io.github.ucmaworkbench.tutorial.EndpointSettings;
import io.github.ucmaworkbench.tutorial.ServerManager;
import io.github.ucmaworkbench.ui.IncomingCallAsker;
import io.github.ucmaworkbench.ui.ServerModel;
import java.time.Duration;
import java.util.function.Function;

/** The server panel's model: the tutorial's {@link ServerManager} and the classroom's accept policy. */
final class TutorialServer extends TutorialSide<ServerManager> implements ServerModel {
    /**
     * The manager's own "nobody decided" timer runs this much longer than the dialog's countdown,
     * so the countdown's Decline is what the caller sees (603), not the manager's fallback (480).
     */
    static final Duration ASK_GRACE = Duration.ofSeconds(2);

    private final Function<SideSettings, EndpointSettings> toTutorial;
    private volatile AcceptPolicy policy;

    TutorialServer(SideSettings settings, Function<SideSettings, EndpointSettings> toTutorial) {
        super("server", new ServerManager(toTutorial.apply(settings)));
        this.toTutorial = toTutorial;
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

    static AcceptPolicy toTutorial(AcceptPolicySettings chosen, IncomingCallAsker asker) {
        return switch (chosen.kind()) {
            case ACCEPT_ALL -> new AcceptPolicy.AcceptAll();
            case REJECT -> new AcceptPolicy.Reject(chosen.rejectCode(), chosen.rejectReason());
            case ASK -> {
                Duration countdown = Duration.ofSeconds(chosen.askTimeoutSeconds());
                yield new AcceptPolicy.Ask(
                        (call, accept) -> asker.ask(call.callerUri(), call.headers(), countdown, accept),
                        countdown.plus(ASK_GRACE));
            }
            case DONT_ANSWER -> new AcceptPolicy.DontAnswer();
            case REQUIRE_HEADER -> new AcceptPolicy.RequireHeader(chosen.requiredHeader());
        };
    }

    @Override
    public void apply(SideSettings settings) {
        replace(new ServerManager(toTutorial.apply(settings)));
    }
}
