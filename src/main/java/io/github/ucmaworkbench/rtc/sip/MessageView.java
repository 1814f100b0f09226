package io.github.ucmaworkbench.rtc.sip;

import gov.nist.javax.sip.header.SIPHeader;
import gov.nist.javax.sip.message.SIPMessage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.ListIterator;
import java.util.Map;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.Header;
import javax.sip.header.ToHeader;
import javax.sip.header.UserAgentHeader;
import javax.sip.message.Message;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * An immutable, stack-independent view of one received SIP message: what the rtc layer turns
 * into {@code SipMessageData}. The method, status and body are taken at once; the first line,
 * the Request-URI, the whole text and the header list, each an encoding, only when someone asks
 * for them (most callers never do: under load these two encodings were 8 % of the server's CPU).
 * That is safe because the message is one the stack parsed from the wire for this event: a
 * retransmission is a new object, and neither the RI nor our code changes a received message
 * (we only build responses from it). Once both are made the message is let go.
 */
public final class MessageView {
    private final String method;
    private final int statusCode;
    private final String reasonPhrase;
    private final boolean request;
    // made on first use, each an encoding, and before the message is let go (releaseIfDone)
    private String firstLine;
    private String requestUri;
    private final byte[] body;
    private final String contentType;
    private Message message;
    private List<Map.Entry<String, String>> headers;
    private String raw;

    private MessageView(Message message) {
        this.message = message;
        CSeqHeader cseq = (CSeqHeader) message.getHeader(CSeqHeader.NAME);
        request = message instanceof Request;
        if (message instanceof Request received) {
            method = received.getMethod();
            statusCode = 0;
            reasonPhrase = "";
        } else {
            Response response = (Response) message;
            method = cseq == null ? "" : cseq.getMethod();
            statusCode = response.getStatusCode();
            reasonPhrase = response.getReasonPhrase() == null ? "" : response.getReasonPhrase();
        }
        byte[] content = message.getRawContent();
        body = content == null ? new byte[0] : content.clone();
        ContentTypeHeader type = (ContentTypeHeader) message.getHeader(ContentTypeHeader.NAME);
        contentType = type == null ? null : valueOf(type);
    }

    /** A view of {@code message}, a message the stack received (see the class comment). */
    public static MessageView of(Message message) {
        return new MessageView(message);
    }

    /** The request or status line without its CRLF: the RI encodes just that line. */
    private static String firstLineOf(Message message) {
        String line = message instanceof SIPMessage sip ? sip.getFirstLine() : null;
        if (line == null) {
            String text = message.toString();
            int eol = text.indexOf("\r\n");
            return eol < 0 ? text : text.substring(0, eol);
        }
        int eol = line.indexOf("\r\n");
        return eol < 0 ? line : line.substring(0, eol);
    }

    private static List<Map.Entry<String, String>> headersOf(Message message) {
        List<Map.Entry<String, String>> list = new ArrayList<>();
        for (ListIterator<?> names = message.getHeaderNames(); names.hasNext(); ) {
            String name = (String) names.next();
            for (ListIterator<?> values = message.getHeaders(name); values.hasNext(); ) {
                Header header = (Header) values.next();
                list.add(Map.entry(header.getName(), valueOf(header)));
            }
        }
        return Collections.unmodifiableList(list);
    }

    /** Lets the message go once nothing more is to be made from it. */
    private void releaseIfDone() {
        if (headers != null && raw != null) {
            getFirstLine();
            getRequestUri();
            message = null;
        }
    }

    private static String valueOf(Header header) {
        if (header instanceof SIPHeader sipHeader) {
            return sipHeader.getHeaderValue().trim();
        }
        String text = header.toString();
        int colon = text.indexOf(':');
        return (colon < 0 ? text : text.substring(colon + 1)).trim();
    }

    public synchronized String getFirstLine() {
        if (firstLine == null) {
            firstLine = firstLineOf(message);
        }
        return firstLine;
    }

    /** The request method, or for a response the method of its CSeq. */
    public String getMethod() {
        return method;
    }

    public boolean isRequest() {
        return statusCode == 0;
    }

    public int getStatusCode() {
        return statusCode;
    }

    public String getReasonPhrase() {
        return reasonPhrase;
    }

    /** The Request-URI of a request; null for a response. */
    public synchronized String getRequestUri() {
        if (requestUri == null && request) {
            requestUri = ((Request) message).getRequestURI().toString();
        }
        return requestUri;
    }

    /** Every header in message order, name as it was on the wire (short forms expanded by the parser). */
    public synchronized List<Map.Entry<String, String>> getHeaders() {
        if (headers == null) {
            headers = headersOf(message);
            releaseIfDone();
        }
        return headers;
    }

    /** The first value of the header {@code name} (case-insensitive), or null. */
    public String header(String name) {
        Message parsed;
        synchronized (this) {
            parsed = headers == null ? message : null;
        }
        if (parsed != null) {
            // One header from the parsed message, not the whole list encoded for it: every
            // incoming session reads its caller's From and Call-ID this way.
            Header header = parsed.getHeader(name);
            return header == null ? null : valueOf(header);
        }
        for (Map.Entry<String, String> header : getHeaders()) {
            if (header.getKey().equalsIgnoreCase(name)) {
                return header.getValue();
            }
        }
        return null;
    }

    public byte[] getBody() {
        return body.clone();
    }

    public String getBodyString() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The Content-Type header's value, or null. */
    public String getContentType() {
        return contentType;
    }

    public String getCallId() {
        return header(CallIdHeader.NAME);
    }

    public String getFrom() {
        return header(FromHeader.NAME);
    }

    public String getTo() {
        return header(ToHeader.NAME);
    }

    public String getCSeq() {
        return header(CSeqHeader.NAME);
    }

    public String getUserAgent() {
        return header(UserAgentHeader.NAME);
    }

    /** The whole message as text. */
    public synchronized String getRaw() {
        if (raw == null) {
            raw = message.toString();
            releaseIfDone();
        }
        return raw;
    }

    @Override
    public String toString() {
        return getFirstLine();
    }
}
