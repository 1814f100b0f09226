package io.github.ucmaworkbench.rtc;

import io.github.ucmaworkbench.rtc.sip.MessageView;

/** A SIP response: a message with a code and reason phrase; mirrors UCMA's {@code SipResponseData}. */
public class SipResponseData extends SipMessageData {
    private final int responseCode;
    private final String responseText;

    SipResponseData(MessageView view) {
        super(view);
        this.responseCode = view.getStatusCode();
        this.responseText = view.getReasonPhrase();
    }

    /** The status code, e.g. 486 ({@code ResponseCode}). */
    public int getResponseCode() {
        return responseCode;
    }

    /** The reason phrase, e.g. "Busy Here" ({@code ResponseText}). */
    public String getResponseText() {
        return responseText;
    }
}
