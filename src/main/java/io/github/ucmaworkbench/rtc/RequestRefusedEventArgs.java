package io.github.ucmaworkbench.rtc;

/**
 * Arguments of {@link RealTimeEndpoint#requestRefused()}: a request the API answered with an
 * error on its own (no UCMA counterpart; UCMA only wrote such things to its trace).
 */
public final class RequestRefusedEventArgs {
    private final SipMessageData requestData;
    private final int responseCode;
    private final String reason;

    RequestRefusedEventArgs(SipMessageData requestData, int responseCode, String reason) {
        this.requestData = requestData;
        this.responseCode = responseCode;
        this.reason = reason;
    }

    public SipMessageData getRequestData() {
        return requestData;
    }

    public int getResponseCode() {
        return responseCode;
    }

    /** Why, in a sentence for the user's log. */
    public String getReason() {
        return reason;
    }
}
