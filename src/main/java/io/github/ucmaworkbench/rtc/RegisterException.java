package io.github.ucmaworkbench.rtc;

/** The registrar refused the REGISTER; mirrors UCMA's {@code RegisterException}. */
public class RegisterException extends FailureResponseException {
    public RegisterException(String message, SipResponseData responseData) {
        super(message, responseData);
    }
}
