package io.github.ucmaworkbench.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ucmaworkbench.rtc.RegistrationState;
import io.github.ucmaworkbench.rtc.SignalingState;
import org.junit.jupiter.api.Test;

class SideActionsTest {
    @Test
    void signedOutClientCanOnlySignIn() {
        assertThat(SideActions.client(RegistrationState.UNREGISTERED, null))
                .isEqualTo(new SideActions.Client(true, false, false, false, false));
    }

    @Test
    void signingInClientCanDoNothingYet() {
        assertThat(SideActions.client(RegistrationState.REGISTERING, null))
                .isEqualTo(new SideActions.Client(false, false, false, false, false));
    }

    @Test
    void ringingClientCanHangUpButNotInviteAgain() {
        assertThat(SideActions.client(RegistrationState.REGISTERED, SignalingState.ALERTED))
                .isEqualTo(new SideActions.Client(false, true, false, true, false));
    }

    @Test
    void connectedClientCanSendMessages() {
        assertThat(SideActions.client(RegistrationState.REGISTERED, SignalingState.CONNECTED).sendMessage()).isTrue();
    }

    @Test
    void endedSessionAllowsANewInvite() {
        assertThat(SideActions.client(RegistrationState.REGISTERED, SignalingState.DISCONNECTED))
                .isEqualTo(new SideActions.Client(false, true, true, false, false));
    }

    @Test
    void serverListensOnlyWhenSignedIn() {
        assertThat(SideActions.server(RegistrationState.UNREGISTERED, null, false).listen()).isFalse();
        assertThat(SideActions.server(RegistrationState.REGISTERED, null, false).listen()).isTrue();
        assertThat(SideActions.server(RegistrationState.REGISTERED, null, true))
                .isEqualTo(new SideActions.Server(false, true, false, true, false));
    }

    @Test
    void stateLineReadsAsASentence() {
        assertThat(SideActions.describe(RegistrationState.REGISTERED, SignalingState.CONNECTED, true))
                .isEqualTo("Signed in · listening · in a session");
        assertThat(SideActions.describe(RegistrationState.UNREGISTERED, null, false)).isEqualTo("Signed out");
    }
}
