package io.github.ucmaworkbench.ui;

import io.github.ucmaworkbench.settings.AcceptPolicySettings;
import io.github.ucmaworkbench.settings.SettingsHolder;
import io.github.ucmaworkbench.settings.Theme;
import io.github.ucmaworkbench.ui.policy.DialogCallAsker;
import io.github.ucmaworkbench.ui.settings.SideSettingsDialog;
import java.awt.Window;

/**
 * What the window's settings buttons and choices do: edit a side in its dialog, pick an accept
 * policy, switch theme or font. Each saves through the {@link SettingsHolder} (the one copy of the
 * settings) and hands the change to the side it concerns. Event thread only.
 */
final class SettingsCommands {
    private final Window owner;
    private final SettingsHolder settings;
    private final WorkbenchModel model;

    SettingsCommands(Window owner, SettingsHolder settings, WorkbenchModel model) {
        this.owner = owner;
        this.settings = settings;
        this.model = model;
    }

    void clientSettingsPerformed() {
        SideSettingsDialog.editClient(owner, settings.get().client(), model.tlsCertificate()).ifPresent(chosen -> {
            settings.update(s -> s.withClient(chosen));
            model.client().apply(chosen);
        });
    }

    void serverSettingsPerformed() {
        SideSettingsDialog.editServer(owner, settings.get().server().endpoint(), model.tlsCertificate(),
                settings.get().registrarUsersFile()).ifPresent(chosen -> {
                    settings.update(s -> s.withServer(s.server().withEndpoint(chosen.endpoint()))
                            .withRegistrarUsersFile(chosen.registrarUsersFile()));
                    model.server().apply(chosen.endpoint());
                });
    }

    /** The policy shown at start or just picked: the server answers with it, "Ask me" through a dialog. */
    void applyPolicy(AcceptPolicySettings policy) {
        model.server().setAcceptPolicy(policy, new DialogCallAsker(owner));
    }

    void policyChosen(AcceptPolicySettings policy) {
        settings.update(s -> s.withServer(s.server().withAcceptPolicy(policy)));
        applyPolicy(policy);
    }

    void themeChosen(Theme theme) {
        settings.update(s -> s.withTheme(theme));
    }

    void presentationChosen(boolean on) {
        settings.update(s -> s.withPresentationFont(on));
    }
}
