package io.github.ucmaworkbench.ui;

import io.github.ucmaworkbench.settings.AcceptPolicySettings;
import io.github.ucmaworkbench.settings.SideSettings;
import io.github.ucmaworkbench.ui.policy.IncomingCallAsker;

/** The server side: listening and the classroom's accept policy on top of signing in and out. */
public interface ServerModel extends SideModel {
    void startListening();

    void stopListening();

    /**
     * How incoming INVITEs are answered from now on.
     *
     * @param asker who decides under {@link AcceptPolicySettings.Kind#ASK}; ignored for other kinds
     */
    void setAcceptPolicy(AcceptPolicySettings policy, IncomingCallAsker asker);

    /** Takes new endpoint settings; a signed-in endpoint is signed out first. */
    void apply(SideSettings settings);
}
