package io.github.ucmaworkbench.rtc.sip;

import io.github.ucmaworkbench.sip.ReportingParserFactory;

import io.github.ucmaworkbench.sip.SipStacks;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;
import gov.nist.javax.sip.parser.MessageParser;
import java.text.ParseException;

/**
 * The parser every stack uses (the RI's, watched by ReportingParserFactory): any bytes give a
 * message, null, or a ParseException, the only failure the RI's channels expect.
 */
class SipParserFuzzTest {
    private static final MessageParser PARSER = new ReportingParserFactory().createMessageParser(fuzzStack());

    private static gov.nist.javax.sip.stack.SIPTransactionStack fuzzStack() {
        try {
            return (gov.nist.javax.sip.stack.SIPTransactionStack) SipStacks.create("fuzz", null);
        } catch (javax.sip.PeerUnavailableException e) {
            throw new IllegalStateException(e);
        }
    }

    @FuzzTest(maxDuration = "30s")
    void anyBytesParseOrFailWithParseException(@NotNull byte[] bytes) {
        try {
            PARSER.parseSIPMessage(bytes, true, false, null);
        } catch (ParseException expected) {
            // the documented failure: the channel answers 400 or drops it
        }
    }
}
