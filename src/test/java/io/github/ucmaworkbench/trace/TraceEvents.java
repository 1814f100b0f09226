package io.github.ucmaworkbench.trace;

import java.time.Instant;

/** Synthetic trace records with believable raw text, for tests of the views and exporters. */
public final class TraceEvents {
    public static final String CLIENT = "sip:client@example.com";
    public static final String SERVER = "sip:server@example.com";
    public static final String REGISTRAR = "registrar";
    public static final String CLIENT_ADDR = "127.0.0.1:41000";
    public static final String REGISTRAR_ADDR = "127.0.0.1:5060";
    public static final String SERVER_ADDR = "127.0.0.1:42000";
    public static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");

    private long sequence = 1;

    /** A record of a request. {@code viaSentBy} is the sender's listening address, {@code branch} its Via branch. */
    public SipTraceEvent request(String party, Direction direction, String local, String remote, String method,
            String callId, int cseq, String viaSentBy, String branch, long millis) {
        String firstLine = method + " sip:server@example.com SIP/2.0";
        String raw = firstLine + "\r\n"
                + "Via: SIP/2.0/UDP " + viaSentBy + ";branch=" + branch + "\r\n"
                + "Call-ID: " + callId + "\r\n"
                + "CSeq: " + cseq + " " + method + "\r\n"
                + "From: <sip:client@example.com>;tag=1\r\n"
                + "To: <sip:server@example.com>\r\n"
                + "Content-Length: 0\r\n\r\n";
        return event(party, direction, local, remote, firstLine, callId, method, 0, raw, millis);
    }

    /** A record of a response; {@code viaSentBy}/{@code branch} are the topmost Via it carries back. */
    public SipTraceEvent response(String party, Direction direction, String local, String remote, int code,
            String reason, String method, String callId, int cseq, String viaSentBy, String branch, long millis) {
        String firstLine = "SIP/2.0 " + code + " " + reason;
        String raw = firstLine + "\r\n"
                + "Via: SIP/2.0/UDP " + viaSentBy + ";branch=" + branch + ";received=127.0.0.1\r\n"
                + "Call-ID: " + callId + "\r\n"
                + "CSeq: " + cseq + " " + method + "\r\n"
                + "Content-Length: 0\r\n\r\n";
        return event(party, direction, local, remote, firstLine, callId, method, code, raw, millis);
    }

    private SipTraceEvent event(String party, Direction direction, String local, String remote, String firstLine,
            String callId, String method, int code, String raw, long millis) {
        return new SipTraceEvent(sequence++, T0.plusMillis(millis), party, direction, local, remote, "UDP",
                firstLine, callId, method, code, raw);
    }
}
