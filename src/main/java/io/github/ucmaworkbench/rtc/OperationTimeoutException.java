package io.github.ucmaworkbench.rtc;

/** No final answer came within the operation timeout; mirrors UCMA's {@code OperationTimeoutException}. */
public class OperationTimeoutException extends RealTimeException {
    public OperationTimeoutException(String message) {
        super(message);
    }
}
