package io.github.ucmaworkbench.sip;

import static org.assertj.core.api.Assertions.assertThat;

import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.message.SIPRequest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** What the stack's one UDP thread gets from {@link ParseAhead}: the message of exactly its datagram, or nothing. */
class ParseAheadTest extends ParseAheadSocketTest {
    private static byte[] invite(String callId, String cseq, String via) {
        String text = "INVITE sip:server@example.com SIP/2.0\r\n"
                + "Via: " + via + "\r\n"
                + "From: <sip:sipp@example.com>;tag=1\r\n"
                + "To: <sip:server@example.com>\r\n"
                + "Call-ID: " + callId + "\r\n"
                + "CSeq: " + cseq + "\r\n"
                + "Contact: <sip:sipp@127.0.0.1:5070>\r\n"
                + "Max-Forwards: 70\r\n"
                + "Content-Length: 0\r\n\r\n";
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] invite(String callId) {
        return invite(callId, "1 INVITE", "SIP/2.0/UDP 127.0.0.1:5070;branch=z9hG4bK-" + callId);
    }

    @Test
    void handsOverTheMessageParsedFromTheSameBytes() {
        byte[] datagram = invite("a1");
        ahead.arrived(datagram);

        SIPMessage message = ahead.take(datagram.clone());

        assertThat(message).isInstanceOf(SIPRequest.class);
        assertThat(message.getCallId().getCallId()).isEqualTo("a1");
    }

    @Test
    void datagramsAheadOfTheOneAskedForAreThrownAway() {
        byte[] dropped = invite("dropped");
        byte[] next = invite("next");
        ahead.arrived(dropped);
        ahead.arrived(next);

        assertThat(ahead.take(next).getCallId().getCallId()).isEqualTo("next");
        assertThat(ahead.take(dropped)).as("the stack dropped it; it is not handed over later").isNull();
    }

    @Test
    void anIdenticalRetransmissionGetsAnIdenticalMessage() {
        byte[] first = invite("twice");
        ahead.arrived(first);
        ahead.arrived(first.clone());

        SIPMessage one = ahead.take(first);
        SIPMessage two = ahead.take(first);

        assertThat(one).isNotSameAs(two);
        assertThat(two.encode()).isEqualTo(one.encode());
    }

    @Test
    void aDatagramWithAnyParseProblemIsLeftToTheOrdinaryParser() {
        byte[] badCseq = invite("bad", "one INVITE", "SIP/2.0/UDP 127.0.0.1:5070;branch=z9hG4bK-bad");
        byte[] cseqOfAnotherMethod = invite("other", "1 BYE", "SIP/2.0/UDP 127.0.0.1:5070;branch=z9hG4bK-other");
        ahead.arrived(badCseq);
        ahead.arrived(cseqOfAnotherMethod);

        assertThat(ahead.take(badCseq)).isNull();
        assertThat(ahead.take(cseqOfAnotherMethod)).isNull();
    }

    @Test
    void aViaWithACommentNeverReachesTheParser() {
        // the RI's parser loops on an unclosed '(' in a Via (SipParserFuzzTest): refused unparsed
        assertThat(ParseAhead.parseStrictly(invite("c", "1 INVITE", "SIP/2.0/UDP 127.0.0.1:5070;branch=z9hG4bK-c (x"))).isNull();
    }

    @Test
    void aKeepAliveIsNotQueuedAndDisturbsNothing() {
        byte[] call = invite("k");
        byte[] keepAlive = "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);
        ahead.arrived(call);
        ahead.arrived(keepAlive);

        assertThat(ahead.take(keepAlive)).isNull();
        assertThat(ahead.take(call).getCallId().getCallId()).isEqualTo("k");
    }

    @Test
    void theStackThreadKnowsWhetherDatagramsWaitBehindTheOneItTook() {
        byte[] first = invite("w1");
        byte[] second = invite("w2");
        ahead.arrived(first);
        ahead.arrived(second);

        ahead.take(first);
        assertThat(ParseAhead.nothingWaitingForCaller()).as("w2 waits").isFalse();
        ahead.take(second);
        assertThat(ParseAhead.nothingWaitingForCaller()).isTrue();
    }

    @Test
    void aDatagramParsedByTheReaderAndOneFannedOutUnderABacklogComeOutTheSame() {
        byte[] quiet = invite("q1"); // nothing waiting: the reader parses it itself
        byte[] behind = invite("q2"); // one waiting: a worker parses it
        ahead.arrived(quiet);
        ahead.arrived(behind);

        assertThat(ahead.take(quiet).getCallId().getCallId()).isEqualTo("q1");
        assertThat(ahead.take(behind).getCallId().getCallId()).isEqualTo("q2");
    }
}
