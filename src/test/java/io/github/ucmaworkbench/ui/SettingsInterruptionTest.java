package io.github.ucmaworkbench.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ucmaworkbench.rtc.RegistrationState;
import io.github.ucmaworkbench.rtc.SignalingState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** When new settings must ask first: whatever starting a side over would break. */
class SettingsInterruptionTest {
    private final FakeSide side = new FakeSide("sip:client@example.com");

    @ParameterizedTest
    @EnumSource(value = SignalingState.class, names = {"INCOMING", "CONNECTING", "ALERTED", "CONNECTED", "REDIRECTING"})
    void aLiveOrRingingCallIsAskedAbout(SignalingState call) {
        side.registration = RegistrationState.REGISTERED;
        side.session = call;
        assertThat(SettingsCommands.interruption(side)).isEqualTo("This ends the call. Apply?");
    }

    @Test
    void aSignInInProgressIsAskedAbout() {
        side.registration = RegistrationState.REGISTERING;
        assertThat(SettingsCommands.interruption(side)).isEqualTo("This stops the sign-in in progress. Apply?");
    }

    @Test
    void signedInWithoutACallOrAfterOneNothingIsAsked() {
        side.registration = RegistrationState.REGISTERED;
        assertThat(SettingsCommands.interruption(side)).isNull();
        side.session = SignalingState.DISCONNECTED;
        assertThat(SettingsCommands.interruption(side)).isNull();
        side.registration = RegistrationState.UNREGISTERED;
        side.session = null;
        assertThat(SettingsCommands.interruption(side)).isNull();
    }
}
