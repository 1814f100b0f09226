package io.github.ucmaworkbench.trace;

import java.time.Instant;

/**
 * One SIP message as it crossed the wire, seen by one party of this process.
 *
 * @param sequence   increasing number in the order the trace saw the messages
 * @param time       when the stack sent or received it
 * @param party      who in this process saw it: an endpoint's URI, or {@code registrar}
 * @param direction  sent by or received by {@code party}
 * @param local      our address, {@code host:port}
 * @param remote     the peer's address, {@code host:port}
 * @param transport  {@code UDP}, {@code TCP} or {@code TLS}
 * @param firstLine  request line or status line
 * @param callId     the Call-ID header's value
 * @param method     the request method, or for a response the CSeq method it answers
 * @param statusCode 0 for a request, else the response code
 * @param rawText    the whole message as text
 */
public record SipTraceEvent(
        long sequence,
        Instant time,
        String party,
        Direction direction,
        String local,
        String remote,
        String transport,
        String firstLine,
        String callId,
        String method,
        int statusCode,
        String rawText) {

    public boolean isRequest() {
        return statusCode == 0;
    }
}
