package io.github.ucmaworkbench.trace.ladder;

import io.github.ucmaworkbench.trace.Direction;
import io.github.ucmaworkbench.trace.SipTraceEvent;
import java.time.Instant;

/**
 * One message on the wire: what its sender traced ({@link Direction#SENT}), what its receiver
 * traced ({@link Direction#RECEIVED}), or both when both parties live in this process. Arrows are
 * created and completed only by {@link LadderModel}.
 */
public final class LadderArrow {
    private final int index;
    private final LadderCall call;
    private final boolean retransmission;
    private SipTraceEvent sent;
    private SipTraceEvent received;
    String senderParty;
    String senderAddress;
    String receiverParty;
    String receiverAddress;

    LadderArrow(int index, LadderCall call, boolean retransmission, SipTraceEvent first) {
        this.index = index;
        this.call = call;
        this.retransmission = retransmission;
        attach(first);
    }

    void attach(SipTraceEvent event) {
        if (event.direction() == Direction.SENT) {
            sent = event;
        } else {
            received = event;
        }
    }

    boolean lacks(Direction direction) {
        return direction == Direction.SENT ? sent == null : received == null;
    }

    /** Position in the ladder, from 0, in the order the messages were first seen. */
    public int index() {
        return index;
    }

    /** The sender's record of the message, or null when the sender is outside this process. */
    public SipTraceEvent sent() {
        return sent;
    }

    /** The receiver's record of the message, or null when the receiver is outside this process. */
    public SipTraceEvent received() {
        return received;
    }

    /** The record to show: the sender's when there is one (the receiver may have added Via parameters). */
    public SipTraceEvent primary() {
        return sent != null ? sent : received;
    }

    /** The smallest trace sequence number of this message's records. */
    public long firstSequence() {
        if (sent == null) {
            return received.sequence();
        }
        return received == null ? sent.sequence() : Math.min(sent.sequence(), received.sequence());
    }

    /** Whether {@code sequence} is one of this message's records. */
    public boolean hasSequence(long sequence) {
        return (sent != null && sent.sequence() == sequence) || (received != null && received.sequence() == sequence);
    }

    /** When it left the sender, or when it arrived if the sender is not ours. */
    public Instant time() {
        return sent != null ? sent.time() : received.time();
    }

    public String callId() {
        return primary().callId();
    }

    /** The request's method, or for a response the CSeq method it answers. */
    public String method() {
        return primary().method();
    }

    public int statusCode() {
        return primary().statusCode();
    }

    public boolean isRequest() {
        return primary().isRequest();
    }

    /** What the arrow says: the method, or the code and reason phrase. */
    public String label() {
        SipTraceEvent e = primary();
        if (e.isRequest()) {
            return firstWord(e.firstLine());
        }
        String line = e.firstLine();
        int space = line.indexOf(' ');
        return space < 0 ? String.valueOf(e.statusCode()) : line.substring(space + 1);
    }

    /** The same message sent again (same start line, Call-ID, CSeq and Via branch) by the same party. */
    public boolean isRetransmission() {
        return retransmission;
    }

    /** 0 for the first Call-ID the ladder saw, 1 for the next, ...: the view's colour. */
    public int callIndex() {
        return call.index();
    }

    /**
     * Who started the call (its first From, as {@code user@host}), so a classroom's messages can be
     * grouped per student; "" until a record of the call carries a From.
     */
    public String caller() {
        return call.caller();
    }

    public String transport() {
        return primary().transport();
    }

    /** Wire source, {@code host:port}: the receiver's view of it when we have it (TCP's real port). */
    public String sourceAddress() {
        return received != null ? received.remote() : sent.local();
    }

    /** Wire destination, {@code host:port}. */
    public String destinationAddress() {
        return sent != null ? sent.remote() : received.local();
    }

    private static String firstWord(String line) {
        int space = line.indexOf(' ');
        return space < 0 ? line : line.substring(0, space);
    }

    @Override
    public String toString() {
        return "#" + index + " " + label() + " " + senderParty + "/" + senderAddress + " -> "
                + receiverParty + "/" + receiverAddress + (retransmission ? " (retransmission)" : "");
    }
}
