package io.github.ucmaworkbench.registrar;

import gov.nist.javax.sip.message.SIPMessage;
import io.github.ucmaworkbench.sip.CallLanes;
import io.github.ucmaworkbench.sip.MalformedInputReporter;
import io.github.ucmaworkbench.sip.RequestValidation;
import java.io.IOException;
import java.net.InetAddress;
import java.text.ParseException;
import java.util.Locale;
import java.util.Map;
import javax.sip.DialogTerminatedEvent;
import javax.sip.IOExceptionEvent;
import javax.sip.InvalidArgumentException;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.SipFactory;
import javax.sip.SipListener;
import javax.sip.SipProvider;
import javax.sip.TimeoutEvent;
import javax.sip.TransactionAlreadyExistsException;
import javax.sip.TransactionTerminatedEvent;
import javax.sip.TransactionUnavailableException;
import javax.sip.header.HeaderFactory;
import javax.sip.header.ViaHeader;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stack's one listener: REGISTER goes to the registrar, everything else to the proxy. Work
 * runs on the Call-ID's lane ({@link CallLanes}), so nothing here may block or let an exception
 * escape (the request would go unanswered).
 */
final class RegistrarListener implements SipListener {
    private static final Logger LOG = LoggerFactory.getLogger(RegistrarListener.class);

    private final RegisterHandler registrar;
    private final ProxyCore proxy;
    private final MessageFactory messages;
    private volatile boolean closing;

    RegistrarListener(RegisterHandler registrar, ProxyCore proxy, MessageFactory messages) {
        this.registrar = registrar;
        this.proxy = proxy;
        this.messages = messages;
    }

    // The stack calls every callback on its own threads, concurrently (REENTRANT_LISTENER); each
    // hands the event to its Call-ID's lane, so one call's events are handled one at a time and
    // in the order the stack raised them (see CallLanes).

    @Override
    public void processRequest(RequestEvent received) {
        if (received.getServerTransaction() == null
                && !servesViaTransport((SipProvider) received.getSource(), received.getRequest())) {
            return;
        }
        if (received.getServerTransaction() == null && proxy.stateless().forwardsStatelessly(received.getRequest())) {
            CallLanes.shared().execute(CallLanes.callIdOf(received.getRequest()), () -> statelessReceived(received));
            return;
        }
        if (received.getServerTransaction() == null && proxy.answered().absorbs(received.getRequest())) {
            return; // a copy of an INVITE already answered with a 2xx (RFC 6026 §7.1): never a second branch
        }
        RequestEvent event = CallLanes.withServerTransaction(received);
        if (event == null) {
            // A retransmission whose first copy's transaction answers it (RFC 3261 §17.2.1): never a second branch.
            return;
        }
        if (event.getServerTransaction() != null) {
            proxy.answerTryingAtOnce(event.getRequest(), event.getServerTransaction());
        }
        if (Request.REGISTER.equals(event.getRequest().getMethod())) {
            // Handled at once, on the stack thread that read it: a binding must take effect before
            // any request that arrives after the REGISTER is routed, whatever its Call-ID (a server
            // that stops listening re-registers and is called right after). REGISTER is short work.
            requestReceived(event);
            return;
        }
        CallLanes.shared().execute(CallLanes.callIdOf(event.getRequest()), () -> requestReceived(event));
    }

    /**
     * An in-dialog request forwarded without a transaction ({@link StatelessForwarder#forwardStateless});
     * anything it cannot do (a refusal to send, a send that failed) takes the stateful path,
     * which creates the server transaction and answers.
     */
    private void statelessReceived(RequestEvent event) {
        Request request = event.getRequest();
        try {
            if (RequestValidation.check(request, RequestValidation.PROXY) == null && proxy.stateless().forwardStateless(request)) {
                return;
            }
        } catch (ParseException | InvalidArgumentException | SipException | RuntimeException e) {
            LOG.debug("cannot forward {} statelessly: {}", request.getMethod(), e.toString());
        }
        requestReceived(event);
    }

    private void requestReceived(RequestEvent event) {
        Request request = event.getRequest();
        ServerTransaction st = event.getServerTransaction();
        try {
            if (Request.ACK.equals(request.getMethod())) {
                proxy.stateless().forwardAck(request); // no transaction: an ACK is never answered
                return;
            }
            if (st == null) {
                SipProvider provider = (SipProvider) event.getSource();
                try {
                    st = provider.getNewServerTransaction(request);
                } catch (TransactionAlreadyExistsException e) {
                    throw e;
                } catch (TransactionUnavailableException e) {
                    refuseMalformed(provider, request, e);
                    return;
                }
            }
            RequestValidation.Refusal refusal = RequestValidation.check(request,
                    Request.REGISTER.equals(request.getMethod()) ? RequestValidation.REGISTRAR : RequestValidation.PROXY);
            if (refusal != null) {
                refuse(request, st, refusal);
                return;
            }
            if (Request.REGISTER.equals(request.getMethod())) {
                registrar.process(request, st);
            } else {
                proxy.processRequest(request, st);
            }
        } catch (TransactionAlreadyExistsException e) {
            // A retransmission the stack passed up before our lane created the first copy's server
            // transaction (RFC 3261 §17.2.1): that transaction answers it; never a second branch.
            LOG.debug("retransmitted {} absorbed", request.getMethod());
        } catch (ParseException | IllegalArgumentException e) {
            // The stack parsed the request, but a value in it cannot be used (an empty token in a
            // header we copy or answer from): the sender's fault, so 400 and the rate-limited line.
            SipProvider provider = (SipProvider) event.getSource();
            InetAddress from = ((SIPMessage) request).getRemoteAddress();
            MalformedInputReporter.forStack(provider.getSipStack().getStackName()).report(
                    from == null ? "an unknown address" : from.getHostAddress(), 0,
                    "unusable " + request.getMethod() + " (" + e.getMessage() + ")");
            answer(request, st, Response.BAD_REQUEST);
        } catch (Exception e) {
            if (closing || peerGone(e)) {
                // our sockets are going away, or the peer hung up before our answer: routine
                LOG.debug("cannot answer {}: {}", request.getMethod(), e.toString());
                return;
            }
            LOG.warn("cannot handle {} {}: {}", request.getMethod(), request.getRequestURI(), e.toString());
            LOG.debug("details", e);
            answerServerError(request, st);
        }
    }

    /**
     * The RI refuses a transaction for a request without a header RFC 3261 §8.1.1 makes
     * mandatory (Max-Forwards, Contact in an INVITE, ...): answer 400 saying which, statelessly,
     * and tell the user once per source and interval rather than once per message.
     */
    private void refuseMalformed(SipProvider provider, Request request, TransactionUnavailableException e) {
        String message = String.valueOf(e.getMessage());
        int colon = message.lastIndexOf(':');
        String reason = message.startsWith("Missing a required header") && colon > 0
                ? "Missing " + message.substring(colon + 1).strip() + " header"
                : "Bad Request (" + RequestValidation.clean(message) + ")";
        InetAddress from = ((SIPMessage) request).getRemoteAddress();
        MalformedInputReporter.forStack(provider.getSipStack().getStackName())
                .report(from == null ? "an unknown address" : from.getHostAddress(), 0, reason.toLowerCase(Locale.ROOT));
        try {
            Response response = messages.createResponse(Response.BAD_REQUEST, request);
            response.setReasonPhrase(reason);
            provider.sendResponse(response);
        } catch (Exception unanswerable) {
            LOG.debug("cannot answer 400 to {}: {}", request.getMethod(), unanswerable.toString());
        }
    }

    /**
     * The RI answers over the transport the top Via names; a Via naming one we do not listen on
     * (a mangled "SIP/2.0/XYZ", TLS at a registrar without TLS) cannot be answered at all, and
     * trying ends in a NullPointerException inside the RI. Such a request is dropped and counted
     * with the other malformed input.
     */
    private static boolean servesViaTransport(SipProvider provider, Request request) {
        ViaHeader via = (ViaHeader) request.getHeader(ViaHeader.NAME);
        String transport = via == null ? null : via.getTransport();
        if (transport != null && provider.getListeningPoint(transport) != null) {
            return true;
        }
        InetAddress from = ((SIPMessage) request).getRemoteAddress();
        MalformedInputReporter.forStack(provider.getSipStack().getStackName()).report(
                from == null ? "an unknown address" : from.getHostAddress(), 0,
                "a Via naming transport " + transport + ", which this registrar does not serve");
        return false;
    }

    /** A send failed because the connection is gone (a TCP peer that closed early). */
    private static boolean peerGone(Exception e) {
        return e instanceof SipException
                && (e.getCause() instanceof IOException || String.valueOf(e.getMessage()).contains("Socket is closed"));
    }

    /** From now on failures are expected: the registrar is shutting down. */
    void closing() {
        closing = true;
    }

    /** §10.3 / §16.3: a request we cannot honour, answered with the code, reason and headers {@link RequestValidation} chose. */
    private void refuse(Request request, ServerTransaction st, RequestValidation.Refusal refusal)
            throws ParseException, SipException, InvalidArgumentException {
        InetAddress from = ((SIPMessage) request).getRemoteAddress();
        RequestValidation.logRefusal(LOG, "the registrar", request, from == null ? "an unknown address" : from.getHostAddress(),
                refusal);
        Response response = Responses.create(messages, request, refusal.code(), refusal.reason());
        HeaderFactory headers = SipFactory.getInstance().createHeaderFactory();
        for (Map.Entry<String, String> h : refusal.headers()) {
            response.addHeader(headers.createHeader(h.getKey(), h.getValue()));
        }
        st.sendResponse(response);
    }

    /** A request we failed on still gets a final answer, so the caller is not left to time out. */
    private void answerServerError(Request request, ServerTransaction st) {
        answer(request, st, Response.SERVER_INTERNAL_ERROR);
    }

    private void answer(Request request, ServerTransaction st, int status) {
        if (st == null || Request.ACK.equals(request.getMethod())) {
            return;
        }
        try {
            st.sendResponse(messages.createResponse(status, request));
        } catch (Exception ignored) {
            // already answered (the failure came later), or the transaction is gone
        }
    }

    @Override
    public void processResponse(ResponseEvent event) {
        CallLanes.shared().execute(CallLanes.callIdOf(event.getResponse()), () -> responseReceived(event));
    }

    private void responseReceived(ResponseEvent event) {
        try {
            proxy.branches().processResponse(event);
        } catch (Exception e) {
            if (closing) {
                return;
            }
            LOG.warn("cannot forward {} response: {}", event.getResponse().getStatusCode(), e.toString());
            LOG.debug("details", e);
        }
    }

    @Override
    public void processTimeout(TimeoutEvent event) {
        CallLanes.shared().execute(CallLanes.callIdOf(event), () -> proxy.branches().processTimeout(event));
    }

    @Override
    public void processIOException(IOExceptionEvent event) {
        LOG.debug("I/O error towards {}:{}/{}", event.getHost(), event.getPort(), event.getTransport());
    }

    @Override
    public void processTransactionTerminated(TransactionTerminatedEvent event) {
        if (event.isServerTransaction()) {
            // Here, on the stack's thread: one map removal, no lane hop (two per proxied call).
            proxy.serverTransactionTerminated(event.getServerTransaction());
        }
    }

    @Override
    public void processDialogTerminated(DialogTerminatedEvent event) {
        // no dialogs: AUTOMATIC_DIALOG_SUPPORT is off for a proxy
    }
}
