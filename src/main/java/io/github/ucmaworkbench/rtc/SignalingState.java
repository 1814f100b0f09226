package io.github.ucmaworkbench.rtc;

/** The state of a {@link SignalingSession}; mirrors UCMA's {@code SignalingState}. */
public enum SignalingState {
    IDLE,
    INCOMING,
    CONNECTING,
    ALERTED,
    CONNECTED,
    REDIRECTING,
    DISCONNECTED
}
