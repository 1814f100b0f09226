package io.github.ucmaworkbench.rtc.sip;

import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.parser.MessageParser;
import gov.nist.javax.sip.parser.MessageParserFactory;
import gov.nist.javax.sip.parser.ParseExceptionListener;
import gov.nist.javax.sip.parser.StringMsgParser;
import gov.nist.javax.sip.stack.MessageChannel;
import gov.nist.javax.sip.stack.SIPTransactionStack;
import java.text.ParseException;
import javax.sip.SipStack;

/**
 * The RI's own parser, watched: every message the stack cannot use is reported to the stack's
 * {@link MalformedInputReporter} with its source and why. Both transports go through here (the
 * UDP channel and TCP's PipelinedMsgParser ask the stack's parser factory); the RI then answers
 * or drops the message exactly as before (it sends 400 for some requests over UDP only).
 */
public final class ReportingParserFactory implements MessageParserFactory {
    /** Stateless between calls: the RI's own factory shares one instance the same way. */
    private static final MessageParser RI_PARSER = new StringMsgParser();

    @Override
    public MessageParser createMessageParser(SIPTransactionStack stack) {
        MalformedInputReporter reporter = MalformedInputReporter.forStack(((SipStack) stack).getStackName());
        return (bytes, readBody, strict, listener) -> parse(reporter, bytes, readBody, strict, listener);
    }

    private static SIPMessage parse(MalformedInputReporter reporter, byte[] bytes, boolean readBody, boolean strict,
            ParseExceptionListener listener) throws ParseException {
        SIPMessage message;
        try {
            message = RI_PARSER.parseSIPMessage(bytes, readBody, strict, listener);
        } catch (ParseException e) {
            report(reporter, listener, reasonOf(e));
            throw e;
        } catch (RuntimeException e) {
            // The RI's channels only expect ParseException: anything else would end a reader.
            report(reporter, listener, "unparseable (" + e.getClass().getSimpleName() + ")");
            ParseException wrapped = new ParseException("unparseable: " + e, 0);
            wrapped.initCause(e);
            throw wrapped;
        }
        if (message != null) {
            String missing = missingMandatory(message);
            if (missing != null) {
                // RFC 3261 §8.1.1: the RI drops such a message without a word; we say why.
                report(reporter, listener, "missing " + missing);
            }
        }
        return message;
    }

    /** The first mandatory header (RFC 3261 §8.1.1) the RI checks that is absent, or null. */
    static String missingMandatory(SIPMessage m) {
        if (m.getTopmostVia() == null) {
            return "Via";
        } else if (m.getFrom() == null) {
            return "From";
        } else if (m.getTo() == null) {
            return "To";
        } else if (m.getCallId() == null) {
            return "Call-ID";
        } else if (m.getCSeq() == null) {
            return "CSeq";
        } else if (m instanceof SIPRequest r && r.getRequestLine() == null) {
            return "request line";
        }
        return null;
    }

    /** A short phrase for a log line: the parser's first line, without the message it quotes. */
    static String reasonOf(ParseException e) {
        String text = String.valueOf(e.getMessage()).strip();
        int cut = text.indexOf('\n');
        if (cut >= 0) {
            text = text.substring(0, cut).strip();
        }
        if (text.length() > 80) {
            text = text.substring(0, 77) + "...";
        }
        return text.isEmpty() || "null".equals(text) ? "unparseable" : text;
    }

    private static void report(MalformedInputReporter reporter, ParseExceptionListener listener, String what) {
        if (listener instanceof MessageChannel channel) {
            String address;
            try {
                address = channel.getPeerAddress();
            } catch (RuntimeException e) {
                address = null;
            }
            reporter.report(address == null ? "an unknown address" : address, channel.getPeerPort(), what);
        } else {
            reporter.report("an unknown address", 0, what);
        }
    }
}
