package io.github.ucmaworkbench.rtc;

/** Arguments of {@link SignalingSession#stateChanged()}; mirrors UCMA's class of the same name. */
public final class SignalingStateChangedEventArgs {
    private final SignalingState previousState;
    private final SignalingState state;
    private final String reason;

    SignalingStateChangedEventArgs(SignalingState previousState, SignalingState state, String reason) {
        this.previousState = previousState;
        this.state = state;
        this.reason = reason;
    }

    public SignalingState getPreviousState() {
        return previousState;
    }

    public SignalingState getState() {
        return state;
    }

    /** Why: e.g. "the remote participant hung up (BYE)"; never null. */
    public String getReason() {
        return reason == null ? "" : reason;
    }
}
