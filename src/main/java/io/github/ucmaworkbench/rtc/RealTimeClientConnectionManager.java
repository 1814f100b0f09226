package io.github.ucmaworkbench.rtc;

/** A connection manager that only makes outgoing connections; mirrors UCMA's {@code RealTimeClientConnectionManager}. */
public final class RealTimeClientConnectionManager extends RealTimeConnectionManager {
    public RealTimeClientConnectionManager() {
    }
}
