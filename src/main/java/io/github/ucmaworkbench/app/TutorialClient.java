package io.github.ucmaworkbench.app;

import io.github.ucmaworkbench.rtc.SignalingHeader;
import io.github.ucmaworkbench.settings.ClientSideSettings;
import io.github.ucmaworkbench.tutorial.ClientManager;
import io.github.ucmaworkbench.tutorial.ClientSettings;
import io.github.ucmaworkbench.ui.ClientModel;
import io.github.ucmaworkbench.ui.log.LogEntry;
import java.util.List;
import java.util.function.Function;

/** The client panel's model: the tutorial's {@link ClientManager}. */
final class TutorialClient extends TutorialSide<ClientManager> implements ClientModel {
    private final Function<ClientSideSettings, ClientSettings> toTutorial;

    private final ClientSideSettings first;

    TutorialClient(ClientSideSettings settings, Function<ClientSideSettings, ClientSettings> toTutorial) {
        super("client", new ClientManager(toTutorial.apply(settings)));
        this.toTutorial = toTutorial;
        this.first = settings;
    }

    @Override
    ClientManager renewed() {
        return new ClientManager(toTutorial.apply(first));
    }

    @Override
    public void sendInvite(List<SignalingHeader> headers, boolean synchronous) {
        act(m -> m.sendInvite(headers, synchronous));
    }

    @Override
    public void sendMessage(String text) {
        act(m -> m.sendMessage(text));
    }

    @Override
    public String ourServerUri() {
        return manager().getClientSettings().ourServerUri();
    }

    @Override
    public boolean isListening() {
        return false;
    }

    /** New endpoint settings need a new manager; a new "our server" or ring timeout alone does not. */
    @Override
    public void apply(ClientSideSettings settings) {
        ClientSettings next = toTutorial.apply(settings);
        act(current -> {
            if (next.endpoint().equals(current.getSettings())) {
                current.setCallSettings(next);
                report(LogEntry.info("Settings applied: invites go to " + next.ourServerUri() + " and may ring "
                        + next.ringTimeout().toSeconds() + " s; the sign-in is left as it was."));
                fireChanged();
            } else {
                swap(new ClientManager(next));
            }
        });
    }
}
