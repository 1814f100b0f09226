package io.github.ucmaworkbench.ui;

import io.github.ucmaworkbench.settings.AcceptPolicySettings;
import io.github.ucmaworkbench.ui.policy.AcceptPolicyPanel;
import java.util.function.Consumer;
import javax.swing.Action;
import javax.swing.BorderFactory;
import javax.swing.JPanel;
import net.miginfocom.swing.MigLayout;

/** The server: sign in and out, listen, choose how INVITEs are answered, hang up. */
public final class ServerPanel extends SidePanel {
    public static final String PREFIX = "server";
    public static final String SIGN_IN = PREFIX + ".signIn";
    public static final String SIGN_OUT = PREFIX + ".signOut";
    public static final String LISTEN = PREFIX + ".listen";
    public static final String STOP_LISTENING = PREFIX + ".stopListening";
    public static final String HANG_UP = PREFIX + ".hangUp";
    public static final String POLICY = PREFIX + ".policy";
    public static final String STATE_NAME = PREFIX + STATE;
    public static final String URI_NAME = PREFIX + URI;
    public static final String PENDING_NAME = PREFIX + PENDING;
    public static final String SETTINGS_NAME = PREFIX + SETTINGS;
    public static final String LOG_NAME = PREFIX + LOG;

    private final ServerModel model;
    private final Action signIn = action("Sign in", 'g', e -> model().signIn());
    private final Action signOut = action("Sign out", 't', e -> model().signOut());
    private final Action listen = action("Listen", 'l', e -> model().startListening());
    private final Action stopListening = action("Stop listening", 'p', e -> model().stopListening());
    private final Action hangUp = action("Hang up", 'a', e -> model().hangUp());
    private final AcceptPolicyPanel policy = new AcceptPolicyPanel(POLICY);

    /**
     * @param policyChosen told (on the event thread) of each valid accept policy the user picks
     */
    public ServerPanel(ServerModel model, Runnable openSettings, AcceptPolicySettings initialPolicy,
            Consumer<AcceptPolicySettings> policyChosen) {
        super(PREFIX, "Server", model, openSettings);
        this.model = model;
        signIn.putValue(Action.SHORT_DESCRIPTION, "Lesson 3: register the server's endpoint");
        signOut.putValue(Action.SHORT_DESCRIPTION, "Lesson 7: unregister, even with a session open");
        listen.putValue(Action.SHORT_DESCRIPTION, "Lesson 6: startListening, so INVITEs reach the server");
        stopListening.putValue(Action.SHORT_DESCRIPTION, "stopListening: new INVITEs get 480 Temporarily Unavailable");
        hangUp.putValue(Action.SHORT_DESCRIPTION, "Lesson 8: end the session from the server's side");
        policy.load(initialPolicy);
        policy.setPolicyListener(policyChosen);
        policy.setBorder(BorderFactory.createTitledBorder("Accept policy (lesson 6)"));

        // Two buttons a row, so the panel stays narrow enough for a 1024-pixel projector.
        JPanel controls = new JPanel(new MigLayout("insets 0, gap 6 4, hidemode 3", "[][][grow]", ""));
        controls.add(button(signIn, SIGN_IN), "sg b");
        controls.add(button(signOut, SIGN_OUT), "sg b, wrap");
        controls.add(button(listen, LISTEN), "sg b");
        controls.add(button(stopListening, STOP_LISTENING), "sg b, wrap");
        controls.add(button(hangUp, HANG_UP), "sg b, wrap");
        controls.add(policy, "span, growx");
        assemble(controls);
    }

    private ServerModel model() {
        return model;
    }

    @Override
    protected void updateActions() {
        if (model == null) {
            return; // still being built
        }
        SideActions.Server allowed = SideActions.server(model.registrationState(), model.sessionState(),
                model.isListening());
        signIn.setEnabled(allowed.signIn());
        signOut.setEnabled(allowed.signOut());
        listen.setEnabled(allowed.listen());
        stopListening.setEnabled(allowed.stopListening());
        hangUp.setEnabled(allowed.hangUp());
    }

    public AcceptPolicyPanel policy() {
        return policy;
    }

    public Action signInAction() {
        return signIn;
    }

    public Action signOutAction() {
        return signOut;
    }

    public Action listenAction() {
        return listen;
    }

    public Action stopListeningAction() {
        return stopListening;
    }

    public Action hangUpAction() {
        return hangUp;
    }
}
