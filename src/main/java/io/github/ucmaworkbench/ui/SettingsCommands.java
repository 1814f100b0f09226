package io.github.ucmaworkbench.ui;

import io.github.ucmaworkbench.rtc.RegistrationState;
import io.github.ucmaworkbench.rtc.SignalingState;
import io.github.ucmaworkbench.settings.AcceptPolicySettings;
import io.github.ucmaworkbench.settings.ClientSideSettings;
import io.github.ucmaworkbench.settings.SettingsHolder;
import io.github.ucmaworkbench.settings.Theme;
import io.github.ucmaworkbench.tutorial.AcceptPolicy;
import io.github.ucmaworkbench.ui.log.LogEntry;
import io.github.ucmaworkbench.ui.policy.DialogCallAsker;
import io.github.ucmaworkbench.ui.policy.IncomingCallAsker;
import io.github.ucmaworkbench.ui.settings.SideSettingsDialog;
import java.awt.Window;
import javax.swing.SwingUtilities;

/**
 * What the window's settings buttons and choices do: edit a side in its dialog, pick an accept
 * policy, switch theme or font. Each saves through the {@link SettingsHolder} (the one copy of the
 * settings) and hands the change to the side it concerns, and only when something did change: an
 * OK without changes rebuilds nothing. Event thread, except {@link #lessonChosePolicy}.
 *
 * <p>The accept policy has one truth, the settings' {@code server.acceptPolicy}: the box edits it,
 * a lesson's {@code set-policy} step changes it through the same route, and each change reaches
 * the running server and the box together.
 */
final class SettingsCommands {
    static final String ENDS_CALL = "This ends the call. Apply?";
    static final String STOPS_SIGN_IN = "This stops the sign-in in progress. Apply?";

    private final Window owner;
    private final SettingsHolder settings;
    private final WorkbenchModel model;
    private final IncomingCallAsker asker;
    private ServerPanel serverPanel;

    SettingsCommands(Window owner, SettingsHolder settings, WorkbenchModel model) {
        this.owner = owner;
        this.settings = settings;
        this.model = model;
        this.asker = new DialogCallAsker(owner);
    }

    void clientSettingsPerformed() {
        ClientSideSettings before = settings.get().client();
        SideSettingsDialog.editClient(owner, before, model.tlsCertificate(),
                // Only new endpoint settings start the side over; "our server" and the ring timeout do not.
                chosen -> chosen.endpoint().equals(before.endpoint()) ? null : interruption(model.client())).ifPresent(chosen -> {
                    if (!chosen.equals(settings.get().client())) {
                        settings.update(s -> s.withClient(chosen));
                        model.client().apply(chosen);
                    }
                });
    }

    void serverSettingsPerformed() {
        var before = settings.get();
        SideSettingsDialog.editServer(owner, before.server().endpoint(), model.tlsCertificate(),
                before.registrarUsersFile(),
                chosen -> chosen.endpoint().equals(before.server().endpoint()) ? null : interruption(model.server()))
                .ifPresent(chosen -> {
                    boolean endpointChanged = !chosen.endpoint().equals(settings.get().server().endpoint());
                    settings.update(s -> s.withServer(s.server().withEndpoint(chosen.endpoint()))
                            .withRegistrarUsersFile(chosen.registrarUsersFile()));
                    if (endpointChanged) {
                        model.server().apply(chosen.endpoint());
                    }
                });
    }

    /**
     * What new settings would break on {@code side} (the question the dialog asks before OK), or
     * null when nothing is lost: a live call ends and a sign-in in progress stops, since a side
     * takes new settings by starting over.
     */
    static String interruption(SideModel side) {
        SignalingState call = side.sessionState();
        if (call != null && call != SignalingState.IDLE && call != SignalingState.DISCONNECTED) {
            return ENDS_CALL;
        }
        RegistrationState registration = side.registrationState();
        if (registration == RegistrationState.REGISTERING || registration == RegistrationState.UNREGISTERING) {
            return STOPS_SIGN_IN;
        }
        return null;
    }

    /** Shows the saved policy in {@code panel}'s box and gives it to the server; lessons may change it from now on. */
    void bindPolicy(ServerPanel panel) {
        serverPanel = panel;
        panel.policy().setLessonRoute(this::lessonChosePolicy);
        applyPolicy(settings.get().server().acceptPolicy());
    }

    /** The server answers with {@code policy} from now on, "Ask me" through a dialog. */
    void applyPolicy(AcceptPolicySettings policy) {
        model.server().setAcceptPolicy(policy, asker);
    }

    /** The box's choice: saved, then handed to the server. */
    void policyChosen(AcceptPolicySettings policy) {
        settings.update(s -> s.withServer(s.server().withAcceptPolicy(policy)));
        applyPolicy(policy);
    }

    /**
     * A lesson's {@code set-policy} step, on the lesson engine's thread: the same change as a choice
     * in the box (saved, given to the server before the step's next action), then shown in the box
     * with a line in the server's log saying the lesson did it.
     */
    void lessonChosePolicy(AcceptPolicy policy) {
        AcceptPolicySettings next = AcceptPolicySettings.from(policy, settings.get().server().acceptPolicy());
        settings.update(s -> s.withServer(s.server().withAcceptPolicy(next)));
        applyPolicy(next);
        SwingUtilities.invokeLater(() -> {
            if (serverPanel != null) {
                serverPanel.policy().load(next);
                serverPanel.log().append(LogEntry.info("A lesson step changed a setting: the accept policy is now \""
                        + next.describe() + "\" (shown in the box and saved)."));
            }
        });
    }

    void themeChosen(Theme theme) {
        settings.update(s -> s.withTheme(theme));
    }

    void presentationChosen(boolean on) {
        settings.update(s -> s.withPresentationFont(on));
    }
}
