package io.github.ucmaworkbench.sip;

import gov.nist.javax.sip.header.Via;
import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.message.SIPResponse;
import gov.nist.javax.sip.stack.ConnectionOrientedMessageChannel;
import gov.nist.javax.sip.stack.MessageChannel;
import java.lang.reflect.Field;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import javax.sip.header.Header;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The 400 (Bad Request) answers RFC 3261 asks for (§8.2, §16.3 step 1, §18.3) where the RI
 * gives none: a request it drops for a missing mandatory header, and over TCP one it cannot
 * parse (over UDP the RI answers those itself). Only when the request says where an answer goes
 * (a Via) and is not an ACK; runs on the stack's reader thread and never throws.
 */
final class BadRequests {
    private static final Logger LOG = LoggerFactory.getLogger(BadRequests.class);
    /** The header lines a response needs to reach and match its request (§8.2.6.2), long and compact forms. */
    private static final String[][] COPIED = {{"via", "v"}, {"from", "f"}, {"to", "t"}, {"call-id", "i"}, {"cseq"}};

    private BadRequests() {
    }

    /** A parsed request that lacks a mandatory header: 400 with the header's name as the reason. */
    static void answerMissing(MessageChannel channel, SIPRequest request, String reason) {
        Via via = request.getTopmostVia();
        if (via == null || Request.ACK.equals(request.getMethod()) || request.getRequestLine() == null) {
            return;
        }
        try {
            SIPResponse response = new SIPResponse();
            response.setStatusCode(Response.BAD_REQUEST);
            response.setReasonPhrase(RequestValidation.clean(reason, 100));
            response.setHeader(request.getViaHeaders());
            for (Header header : new Header[] {request.getFrom(), request.getTo(),
                    request.getCallId(), request.getCSeq()}) {
                if (header != null) {
                    response.setHeader(header);
                }
            }
            if (response.getTo() != null && response.getTo().getTag() == null) {
                response.getTo().setTag("badreq");
            }
            send(channel, response, via);
        } catch (Exception e) {
            LOG.debug("cannot answer a malformed request 400: {}", e.toString());
        }
    }

    /** An unparseable request over TCP: 400 "Bad Request (why)" if its routing headers can be copied. */
    static void answerUnparsed(ConnectionOrientedMessageChannel channel, byte[] bytes, String reason) {
        answerUnparsed(channel, bytes, Response.BAD_REQUEST, "Bad Request", reason);
    }

    /** Like {@link #answerUnparsed(ConnectionOrientedMessageChannel, byte[], String)} with another code. */
    static void answerUnparsed(ConnectionOrientedMessageChannel channel, byte[] bytes, int code, String phrase,
            String reason) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.startsWith("SIP/") || text.startsWith("ACK ")) {
            return; // a response, or an ACK: never answered (§17.1.1.3)
        }
        String why = RequestValidation.clean(reason, 100);
        // Written as text, like the RI's own UDP answer: the copied lines may be the broken ones.
        StringBuilder out = new StringBuilder("SIP/2.0 " + code + " " + phrase + " (" + why + ")\r\n");
        for (String[] names : COPIED) {
            boolean found = false;
            for (String line : text.split("\r?\n")) {
                int colon = line.indexOf(':');
                String name = colon > 0 ? line.substring(0, colon).strip().toLowerCase(Locale.ROOT) : "";
                for (String n : names) {
                    if (n.equals(name)) {
                        out.append(line.strip());
                        if ((n.equals("to") || n.equals("t")) && !line.contains("tag=")) {
                            out.append(";tag=badreq");
                        }
                        out.append("\r\n");
                        found = true;
                    }
                }
            }
            if (!found) {
                return;
            }
        }
        out.append("Content-Length: 0\r\n\r\n");
        try {
            sendOn(channel, out.toString().getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            // the connection is gone already: dropping is all that is left
            LOG.debug("cannot answer an unparseable request 400: {}", e.toString());
        }
    }

    /**
     * JAIN-SIP quirk: an accepted TCP channel only learns its peer's protocol, and only puts its
     * socket where its own send finds it, when it processes its first request; a malformed first
     * request never is, and the channel's send then NPEs, or dials the peer's ephemeral port. So
     * our 400s are written straight to the channel's socket (a protected field), under the lock
     * the RI's own TCP send takes.
     */
    private static void sendOn(ConnectionOrientedMessageChannel channel, byte[] bytes) throws Exception {
        Socket socket = MY_SOCK == null ? null : (Socket) MY_SOCK.get(channel);
        if (socket == null) {
            return; // another RI version, or self-routing: drop, the log line still says why
        }
        synchronized (channel) {
            socket.getOutputStream().write(bytes);
            socket.getOutputStream().flush();
        }
    }

    private static final Field MY_SOCK = RiFields.accessible(ConnectionOrientedMessageChannel.class, "mySock");

    private static void send(MessageChannel channel, SIPResponse response, Via via) throws Exception {
        if (channel instanceof ConnectionOrientedMessageChannel connection) {
            sendOn(connection, response.encodeAsBytes(channel.getTransport())); // §18.2.2: on the connection the request came on
            return;
        }
        // §18.2.2 for UDP: to the source address, at the Via's port; no name lookups on this thread
        int port = via.getRPort() > 0 ? via.getRPort() : via.getPort() > 0 ? via.getPort() : 5060;
        channel.sendMessage(response, InetAddress.getByName(channel.getPeerAddress()), port);
    }
}
