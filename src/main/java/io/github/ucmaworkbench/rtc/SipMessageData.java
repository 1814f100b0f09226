package io.github.ucmaworkbench.rtc;

import io.github.ucmaworkbench.rtc.sip.MessageView;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * A SIP message handed to the user: its headers and body; mirrors UCMA's {@code SipMessageData}.
 * It is a copy: it does not change when the stack retransmits or reuses the message.
 */
public class SipMessageData {
    private final MessageView view;
    private List<SignalingHeader> headers;

    SipMessageData(MessageView view) {
        this.view = view;
    }

    static SipMessageData of(MessageView view) {
        return view == null ? null : view.isRequest() ? new SipMessageData(view) : new SipResponseData(view);
    }

    /** Every header, in message order ({@code SignalingHeaders}). */
    public synchronized List<SignalingHeader> getSignalingHeaders() {
        // Made on first use: most messages handed over are never looked into (MessageView).
        if (headers == null) {
            List<SignalingHeader> list = new ArrayList<>();
            for (Map.Entry<String, String> header : view.getHeaders()) {
                list.add(new SignalingHeader(header.getKey(), header.getValue()));
            }
            headers = Collections.unmodifiableList(list);
        }
        return headers;
    }

    /** The value of the first header called {@code name} (case-insensitive), or null. */
    public String getHeaderValue(String name) {
        return view.header(name);
    }

    /** The body as bytes ({@code GetMessageBody()}); empty when there is none. */
    public byte[] getMessageBody() {
        return view.getBody();
    }

    /** The body as UTF-8 text ({@code GetMessageBodyString()}). */
    public String getMessageBodyString() {
        return view.getBodyString();
    }

    /** The Content-Type, or null when the message has no body ({@code ContentType}). */
    public ContentType getContentType() {
        String type = view.getContentType();
        try {
            return type == null ? null : new ContentType(type);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    public String getFromHeader() {
        return view.getFrom();
    }

    public String getToHeader() {
        return view.getTo();
    }

    /** The Request-URI of a request; null for a response. */
    public String getRequestUri() {
        return view.getRequestUri();
    }

    public String getCallId() {
        return view.getCallId();
    }

    public String getCSeq() {
        return view.getCSeq();
    }

    public String getUserAgent() {
        return view.getUserAgent();
    }

    /** The request method, or for a response the method it answers. */
    public String getMethod() {
        return view.getMethod();
    }

    /** The whole message as it was on the wire. */
    public String getRawText() {
        return view.getRaw();
    }

    @Override
    public String toString() {
        return view.getFirstLine();
    }
}
