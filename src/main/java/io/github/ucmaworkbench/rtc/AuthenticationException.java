package io.github.ucmaworkbench.rtc;

/**
 * Authentication failed: a challenge came and the credential cache had nothing for its realm,
 * or the server refused the credentials; mirrors UCMA's {@code AuthenticationException}.
 */
public class AuthenticationException extends FailureResponseException {
    public AuthenticationException(String message, SipResponseData responseData) {
        super(message, responseData);
    }
}
