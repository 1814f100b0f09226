package io.github.ucmaworkbench.rtc;

/**
 * The far end answered with a final response that is not 2xx; mirrors UCMA's
 * {@code FailureResponseException}. {@link #getResponseData()} carries the code and reason
 * phrase, and may be null (as in UCMA) when the failure was decided locally.
 */
public class FailureResponseException extends RealTimeException {
    private final transient SipResponseData responseData;

    public FailureResponseException(String message, SipResponseData responseData) {
        super(message);
        this.responseData = responseData;
    }

    /** The failure response ({@code ResponseData}); may be null. */
    public SipResponseData getResponseData() {
        return responseData;
    }
}
