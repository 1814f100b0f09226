package io.github.ucmaworkbench.ui;

import io.github.ucmaworkbench.rtc.SignalingHeader;
import io.github.ucmaworkbench.settings.ClientSideSettings;
import java.util.List;

/** The client side: lesson 5's INVITE and lesson 11's message on top of signing in and out. */
public interface ClientModel extends SideModel {
    /**
     * Sends the INVITE to the "our server" URI.
     *
     * @param synchronous true for {@code participate()} (run on a worker thread, never the event
     *                    thread), false for {@code beginParticipate}
     */
    void sendInvite(List<SignalingHeader> headers, boolean synchronous);

    void sendMessage(String text);

    /** The URI the INVITE goes to. */
    String ourServerUri();

    /** Takes new settings; a signed-in endpoint is signed out first. */
    void apply(ClientSideSettings settings);
}
