package io.github.ucmaworkbench.sip;

import gov.nist.core.ServerLogger;
import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.message.SIPResponse;
import io.github.ucmaworkbench.trace.Direction;
import io.github.ucmaworkbench.trace.Redaction;
import io.github.ucmaworkbench.trace.SipTrace;
import io.github.ucmaworkbench.trace.SipTraceEvent;
import java.time.Instant;
import java.util.Locale;
import java.util.Properties;
import javax.sip.SipStack;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ViaHeader;

/**
 * JAIN-SIP's server logger, turned into the feed of {@link SipTrace}. The stack instantiates it
 * by class name (no-arg constructor) and tells it its stack.
 *
 * <p>The RI logs some received responses twice (once on arrival, once when the transaction
 * matches them); we drop an identical received text from the same party seen within
 * {@link #DUPLICATE_WINDOW_MS}. A real retransmission comes at least T1 (500 ms) later.
 */
public final class TraceServerLogger implements ServerLogger {
    static final long DUPLICATE_WINDOW_MS = 100;

    private volatile String party = "?";
    private String lastReceived;
    private long lastReceivedAt;

    @Override
    public void setSipStack(SipStack sipStack) {
        String name = sipStack.getStackName();
        int hash = name == null ? -1 : name.lastIndexOf('#');
        party = hash < 0 ? String.valueOf(name) : name.substring(0, hash);
    }

    @Override
    public void logMessage(SIPMessage message, String from, String to, boolean sender, long time) {
        record(message, from, to, sender, time);
    }

    @Override
    public void logMessage(SIPMessage message, String from, String to, String status, boolean sender, long time) {
        record(message, from, to, sender, time);
    }

    @Override
    public void logMessage(SIPMessage message, String from, String to, String status, boolean sender) {
        record(message, from, to, sender, System.currentTimeMillis());
    }

    private void record(SIPMessage message, String from, String to, boolean sender, long time) {
        SipTrace trace = SipTrace.global();
        if (!trace.isEnabled()) {
            return; // the headless server and registrar without --trace: no second encoding
        }
        String raw = Redaction.maskCredentials(message.encode());
        if (!sender && isDuplicate(raw, time)) {
            return;
        }
        CallIdHeader callId = message.getCallId();
        CSeqHeader cseq = message.getCSeq();
        ViaHeader via = message.getTopmostVia();
        int status = message instanceof SIPResponse response ? response.getStatusCode() : 0;
        trace.publish(new SipTraceEvent(0, Instant.ofEpochMilli(time), party,
                sender ? Direction.SENT : Direction.RECEIVED,
                sender ? from : to,
                sender ? to : from,
                via == null ? "?" : via.getTransport().toUpperCase(Locale.ROOT),
                message.getFirstLine().trim(),
                callId == null ? "" : callId.getCallId(),
                cseq == null ? "" : cseq.getMethod(),
                status,
                raw));
    }

    private synchronized boolean isDuplicate(String raw, long time) {
        boolean duplicate = raw.equals(lastReceived) && time - lastReceivedAt < DUPLICATE_WINDOW_MS;
        lastReceived = raw;
        lastReceivedAt = time;
        return duplicate;
    }

    @Override public void closeLogFile() { }
    @Override public void logException(Exception ex) { }
    @Override public void setStackProperties(Properties stackProperties) { }
}
