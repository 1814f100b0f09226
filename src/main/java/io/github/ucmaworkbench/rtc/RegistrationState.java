package io.github.ucmaworkbench.rtc;

/** Mirrors UCMA's {@code RegistrationState}. */
public enum RegistrationState {
    UNREGISTERED,
    REGISTERING,
    REGISTERED,
    UNREGISTERING
}
