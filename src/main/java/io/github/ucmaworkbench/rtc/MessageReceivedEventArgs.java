package io.github.ucmaworkbench.rtc;

import io.github.ucmaworkbench.rtc.sip.IncomingRequest;
import io.github.ucmaworkbench.rtc.sip.SipUris;

/**
 * Arguments of {@code messageReceived()} on a session (in-dialog) or an endpoint (out of dialog);
 * mirrors UCMA's class of the same name. The request is answered 200 OK after the handlers ran,
 * unless a handler called {@link #sendResponse(int)} first.
 */
public final class MessageReceivedEventArgs {
    private final IncomingRequest request;
    private final SipMessageData requestData;

    MessageReceivedEventArgs(IncomingRequest request) {
        this.request = request;
        this.requestData = SipMessageData.of(request.request());
    }

    /** MESSAGE, INFO, ...; null for a method outside {@link MessageType}. */
    public MessageType getMessageType() {
        return MessageType.fromMethod(requestData.getMethod());
    }

    public ContentType getContentType() {
        return requestData.getContentType();
    }

    public boolean hasTextBody() {
        ContentType type = getContentType();
        return type != null && type.getType().equals("text");
    }

    public String getTextBody() {
        return requestData.getMessageBodyString();
    }

    public byte[] getBody() {
        return requestData.getMessageBody();
    }

    /** The sender's URI (From). */
    public String getParticipantUri() {
        return SipUris.addressOfRecord(requestData.getFromHeader());
    }

    public SipMessageData getRequestData() {
        return requestData;
    }

    /**
     * The status code the request was answered with, or 0 while unanswered (no UCMA
     * counterpart). An UPDATE is answered before the handlers run (it may carry an offer).
     */
    public int getResponseCode() {
        return request.answeredCode();
    }

    /** Answers now with {@code code}; the automatic 200 OK is then not sent ({@code SendResponse}). */
    public void sendResponse(int code) {
        request.respond(code);
    }

    void answerIfUnanswered() {
        request.respond(200);
    }
}
