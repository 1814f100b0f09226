package io.github.ucmaworkbench.sip;

import gov.nist.javax.sip.header.CSeq;
import gov.nist.javax.sip.header.CallID;
import gov.nist.javax.sip.header.ContentLength;
import gov.nist.javax.sip.header.From;
import gov.nist.javax.sip.header.RequestLine;
import gov.nist.javax.sip.header.StatusLine;
import gov.nist.javax.sip.header.To;
import gov.nist.javax.sip.header.Via;
import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.parser.MessageParser;
import gov.nist.javax.sip.parser.MessageParserFactory;
import gov.nist.javax.sip.parser.ParseExceptionListener;
import gov.nist.javax.sip.parser.StringMsgParser;
import gov.nist.javax.sip.stack.ConnectionOrientedMessageChannel;
import gov.nist.javax.sip.stack.MessageChannel;
import gov.nist.javax.sip.stack.SIPTransactionStack;
import gov.nist.javax.sip.stack.UDPMessageChannel;
import java.text.ParseException;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sip.SipStack;

/**
 * The RI's own parser, watched: every message the stack cannot use is reported to the stack's
 * {@link MalformedInputReporter} with its source and why. Both transports go through here (the
 * UDP channel and TCP's PipelinedMsgParser ask the stack's parser factory); the RI then answers
 * or drops the message exactly as before (it sends 400 for some requests over UDP only).
 */
public final class ReportingParserFactory implements MessageParserFactory {
    /** The headers whose parse error makes the RI's TCP channel close the connection (handleException). */
    private static final Set<Class<?>> MANDATORY = Set.of(From.class,
            To.class, CSeq.class, Via.class,
            CallID.class, ContentLength.class,
            RequestLine.class, StatusLine.class);
    /** A header line's name: a token (RFC 3261 §25.1) before the colon. */
    private static final Pattern HEADER_NAME = Pattern.compile("^\\s*([A-Za-z0-9.!%*_+`'~-]{1,40})\\s*:");
    /** Stateless between calls: the RI's own factory shares one instance the same way. */
    private static final MessageParser RI_PARSER = new StringMsgParser();

    @Override
    public MessageParser createMessageParser(SIPTransactionStack stack) {
        MalformedInputReporter reporter = MalformedInputReporter.forStack(((SipStack) stack).getStackName());
        int maxSize = stack.getMaxMessageSize();
        return (bytes, readBody, strict, listener) -> parse(reporter, maxSize, bytes, readBody, strict, listener);
    }

    private static SIPMessage parse(MalformedInputReporter reporter, int maxSize, byte[] bytes, boolean readBody, boolean strict,
            ParseExceptionListener listener) throws ParseException {
        SIPMessage message;
        String[] failedHeader = new String[1]; // the header the RI last complained of, for the reason phrase
        ParseExceptionListener watched = listener == null ? null : (e, partial, headerClass, header, text) -> {
            failedHeader[0] = headerName(header, headerClass);
            // Over UDP the RI answers an unparseable request 400 itself. Over TCP it gives no
            // answer, and for a broken mandatory header closes the connection inside its
            // handleException: answer just before it does.
            boolean fatal = listener instanceof ConnectionOrientedMessageChannel && headerClass != null
                    && MANDATORY.contains(headerClass);
            if (fatal) {
                BadRequests.answerUnparsed((ConnectionOrientedMessageChannel) listener, bytes, phraseOf(failedHeader[0]));
            }
            try {
                listener.handleException(e, partial, headerClass, header, text);
            } catch (ParseException rethrown) {
                throw fatal ? new AnsweredParseException(rethrown) : rethrown;
            }
        };
        if (listener instanceof UDPMessageChannel udp && readBody) {
            // Parsed already on another thread, and found clean (ParseAhead): nothing to report.
            SIPMessage ahead = ParseAhead.take(udp.getMessageProcessor(), bytes);
            if (ahead != null) {
                return ahead;
            }
        }
        String refused = viaWithComment(bytes);
        if (refused != null) {
            throw ruleBroken(reporter, listener, bytes, refused);
        }
        try {
            message = RI_PARSER.parseSIPMessage(bytes, readBody, strict, watched);
        } catch (ParseException e) {
            ParseException original = e instanceof AnsweredParseException a ? a.original : e;
            report(reporter, listener, reasonOf(original));
            if (e instanceof AnsweredParseException) {
                throw e;
            }
            // The RI's text quotes the input and its own internals (a bare LF, "[C@3854c889"); over
            // UDP it becomes the 400's reason phrase, so what goes on is a phrase of our own.
            String phrase = original.getMessage() != null && original.getMessage().startsWith("Invalid content length")
                    ? "body shorter than its Content-Length" // §18.3, over UDP: the RI's check of readBody
                    : phraseOf(failedHeader[0] != null ? failedHeader[0] : headerName(firstLine(original), null));
            if (listener instanceof ConnectionOrientedMessageChannel channel) {
                BadRequests.answerUnparsed(channel, bytes, phrase);
            }
            ParseException clean = new ParseException(phrase, e.getErrorOffset());
            clean.initCause(e);
            throw clean;
        } catch (RuntimeException e) {
            // The RI's channels only expect ParseException: anything else would end a reader.
            report(reporter, listener, "unparseable (" + e.getClass().getSimpleName() + ")");
            ParseException wrapped = new ParseException("unparseable: " + e, 0);
            wrapped.initCause(e);
            throw wrapped;
        }
        if (listener instanceof ConnectionOrientedMessageChannel channel && message != null && maxSize > 0
                && message.getContentLength() != null && message.getContentLength().getContentLength() > maxSize) {
            // JAIN-SIP quirk: PipelinedMsgParser throws a RuntimeException for this, which ends
            // its thread while the connection's reader goes on buffering whatever the peer sends.
            // Answer 413 (RFC 3261 §21.4.11) and close the connection instead.
            String why = "a body of " + message.getContentLength().getContentLength() + " bytes is over the "
                    + maxSize + "-byte limit";
            report(reporter, listener, why);
            BadRequests.answerUnparsed(channel, bytes, 413, "Request Entity Too Large", why);
            channel.close();
            throw new AnsweredParseException(new ParseException(why, 0));
        }
        if (message instanceof SIPRequest request && request.getRequestLine() != null && request.getCSeq() != null
                && !request.getMethod().equalsIgnoreCase(request.getCSeq().getMethod())) {
            // §8.1.1.5: the RI answers this with a bare "400 Bad request"; as a parse error it
            // gets one that says why (UDP by the RI, TCP by BadRequests) and a line in the log.
            throw ruleBroken(reporter, listener, bytes, "CSeq method " + request.getCSeq().getMethod()
                    + " does not match the request method " + request.getMethod());
        }
        if (message instanceof SIPRequest request && request.getRequestLine() != null) {
            // What the parsed request no longer shows (its real version, a second copy of a
            // single-value header) is noted on it; the element answers 505 or 400 through a
            // transaction, so over TCP the body is read as usual and the connection stays in step.
            RequestValidation.noteRawFacts(request, bytes);
        }
        if (message != null) {
            String missing = missingMandatory(message);
            if (missing != null) {
                // RFC 3261 §8.1.1: the RI drops such a message without a word; we say why, to
                // the log and (§16.3 step 1 / §8.2) to the sender when a Via tells us where.
                report(reporter, listener, "missing " + missing);
                if (message instanceof SIPRequest request && listener instanceof MessageChannel channel) {
                    BadRequests.answerMissing(channel, request, "Missing " + missing + " header");
                }
            }
        }
        return message;
    }

    private static ParseException ruleBroken(MalformedInputReporter reporter, ParseExceptionListener listener,
            byte[] bytes, String why) {
        report(reporter, listener, why);
        if (listener instanceof ConnectionOrientedMessageChannel channel) {
            BadRequests.answerUnparsed(channel, bytes, why);
        }
        return new ParseException(why, 0);
    }

    /**
     * JAIN-SIP quirk, found by SipParserFuzzTest: ViaParser reads a Via comment ("(...") until
     * ')' or a line feed, and the header text it gets has neither, so an unclosed '(' in a Via
     * loops, growing a StringBuilder until the heap is gone: one 60-byte datagram could take the
     * process down. RFC 3261's Via grammar (§25.1) has no comments at all, so a Via header line
     * holding '(' is refused before the RI's parser sees it.
     */
    static String viaWithComment(byte[] bytes) {
        boolean inVia = false;
        int lineStart = 0;
        for (int i = 0; i <= bytes.length; i++) {
            if (i < bytes.length && bytes[i] != '\n') {
                continue;
            }
            int end = i > lineStart && bytes[i - 1] == '\r' ? i - 1 : i;
            if (end == lineStart) {
                return null; // the blank line: the headers are over
            }
            byte first = bytes[lineStart];
            if (first != ' ' && first != '\t') { // not a folded continuation (§7.3.1): a new header
                inVia = startsWithName(bytes, lineStart, end, "via") || startsWithName(bytes, lineStart, end, "v");
            }
            if (inVia) {
                for (int j = lineStart; j < end; j++) {
                    if (bytes[j] == '(') {
                        return "a Via header with '(' (RFC 3261 Via has no comments)";
                    }
                }
            }
            lineStart = i + 1;
        }
        return null;
    }

    private static boolean startsWithName(byte[] bytes, int start, int end, String name) {
        int i = start;
        for (int k = 0; k < name.length(); k++, i++) {
            if (i >= end || Character.toLowerCase((char) (bytes[i] & 0xff)) != name.charAt(k)) {
                return false;
            }
        }
        while (i < end && (bytes[i] == ' ' || bytes[i] == '\t')) {
            i++;
        }
        return i < end && bytes[i] == ':';
    }

    /** A parse error that was already answered 400 before the RI closed the connection. */
    private static final class AnsweredParseException extends ParseException {
        private static final long serialVersionUID = 1L;
        final transient ParseException original;

        AnsweredParseException(ParseException original) {
            super(String.valueOf(original.getMessage()), original.getErrorOffset());
            this.original = original;
        }
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

    private static String firstLine(ParseException e) {
        String text = String.valueOf(e.getMessage()).strip();
        int cut = text.indexOf('\n');
        return cut >= 0 ? text.substring(0, cut) : text;
    }

    /**
     * The name of the header a parse error is about: from the header line the RI quotes ("CSeq:
     * one INVITE" gives CSeq), else from the header class it names, else "request line" when the
     * quoted text is one, or null.
     */
    static String headerName(String headerText, Class<?> headerClass) {
        if (headerText != null) {
            Matcher m = HEADER_NAME.matcher(headerText);
            if (m.find()) {
                return m.group(1);
            }
            if (headerText.matches("(?s)\\S+ \\S.* SIP/\\S*.*")) {
                return "request line";
            }
        }
        if (headerClass == RequestLine.class) {
            return "request line";
        }
        return headerClass == null || headerClass == StatusLine.class ? null
                : headerClass.getSimpleName().replace("CallID", "Call-ID").replace("ContentLength", "Content-Length");
    }

    /** Our reason text for a message the parser could not read: one clean line, no quoted input. */
    static String phraseOf(String headerName) {
        if (headerName == null) {
            return "unreadable message";
        }
        return "request line".equals(headerName) ? "unreadable request line" : "unreadable " + headerName + " header";
    }

    /** A short phrase for a log line: the parser's first line, without the message it quotes. */
    static String reasonOf(ParseException e) {
        // the RI sometimes puts an array's identity ("[C@3854c889") where its text should be
        String text = String.valueOf(e.getMessage()).replaceAll("\\[[A-Za-z]@\\p{XDigit}+", "").strip();
        text = RequestValidation.clean(text.replaceFirst("(?s)\\n.*", ""), 80);
        return text.isEmpty() || "null".equals(text) ? "unparseable" : "cannot parse: " + text;
    }

    private static void report(MalformedInputReporter reporter, ParseExceptionListener listener, String what) {
        if (listener instanceof MessageChannel channel) {
            String address;
            try {
                address = channel.getPeerAddress();
            } catch (RuntimeException e) {
                address = null;
            }
            // A UDP channel's port is still the previous datagram's while parsing: leave it out.
            int port = channel instanceof ConnectionOrientedMessageChannel ? channel.getPeerPort() : 0;
            reporter.report(address == null ? "an unknown address" : address, port, what);
        } else {
            reporter.report("an unknown address", 0, what);
        }
    }
}
