package io.github.ucmaworkbench.rtc;

/** Arguments of {@link SipEndpoint#registrationStateChanged()}; mirrors UCMA's class of the same name. */
public final class RegistrationStateChangedEventArgs {
    private final RegistrationState previousState;
    private final RegistrationState state;
    private final String reason;

    RegistrationStateChangedEventArgs(RegistrationState previousState, RegistrationState state, String reason) {
        this.previousState = previousState;
        this.state = state;
        this.reason = reason;
    }

    public RegistrationState getPreviousState() {
        return previousState;
    }

    public RegistrationState getState() {
        return state;
    }

    /** Why it changed, in words (e.g. the failure of a refresh); never null. */
    public String getReason() {
        return reason == null ? "" : reason;
    }
}
