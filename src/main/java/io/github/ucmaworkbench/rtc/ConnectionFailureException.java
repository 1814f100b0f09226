package io.github.ucmaworkbench.rtc;

/** The connection could not be made, or a port could not be bound; mirrors UCMA's {@code ConnectionFailureException}. */
public class ConnectionFailureException extends RealTimeException {
    public ConnectionFailureException(String message) {
        super(message);
    }

    public ConnectionFailureException(String message, Throwable cause) {
        super(message, cause);
    }
}
