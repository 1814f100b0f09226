package io.github.ucmaworkbench.rtc;

/** Base of every failure of the API; mirrors UCMA's {@code RealTimeException}. Checked, as UCMA's callers must handle it. */
public class RealTimeException extends Exception {
    public RealTimeException(String message) {
        super(message);
    }

    public RealTimeException(String message, Throwable cause) {
        super(message, cause);
    }
}
