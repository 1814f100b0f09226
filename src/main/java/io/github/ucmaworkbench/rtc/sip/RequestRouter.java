package io.github.ucmaworkbench.rtc.sip;

import java.util.List;
import java.util.Map;
import javax.sip.Dialog;
import javax.sip.RequestEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipProvider;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ToHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Decides which endpoint, dialog or pending INVITE an incoming request belongs to. */
final class RequestRouter {
    private static final Logger LOG = LoggerFactory.getLogger(RequestRouter.class);

    private final SipUserAgent agent;
    private final List<EndpointHandler> endpoints;
    private final Map<String, IncomingInvite> pendingInvites;

    RequestRouter(SipUserAgent agent, List<EndpointHandler> endpoints, Map<String, IncomingInvite> pendingInvites) {
        this.agent = agent;
        this.endpoints = endpoints;
        this.pendingInvites = pendingInvites;
    }

    /** A CANCEL carries its INVITE's Call-ID, CSeq number and top Via branch (RFC 3261 §9.1); forks differ in the branch. */
    static String inviteKey(Request request) {
        ViaHeader via = (ViaHeader) request.getHeader(ViaHeader.NAME);
        return ((CallIdHeader) request.getHeader(CallIdHeader.NAME)).getCallId() + "/"
                + ((CSeqHeader) request.getHeader(CSeqHeader.NAME)).getSeqNumber() + "/"
                + (via == null ? "" : via.getBranch());
    }

    void route(RequestEvent event) {
        Request request = event.getRequest();
        SipProvider provider = (SipProvider) event.getSource();
        ServerTransaction st = event.getServerTransaction();
        Dialog dialog = event.getDialog();
        String method = request.getMethod();
        try {
            if (Request.ACK.equals(method)) {
                if (dialog != null && dialog.getApplicationData() instanceof DialogChannel channel) {
                    channel.ackReceived(request);
                }
                return;
            }
            if (Request.CANCEL.equals(method)) {
                // A CANCEL crossing our final answer never gets here: the RI answers it 200 itself
                // ("too late to cancel"), leaving the INVITE alone as RFC 3261 §9.2 says.
                IncomingInvite invite = pendingInvites.get(inviteKey(request));
                respond(provider, st, request, invite == null ? Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST : Response.OK, null);
                if (invite != null) {
                    invite.cancelReceived();
                }
                return;
            }
            String toTag = ((ToHeader) request.getHeader(ToHeader.NAME)).getTag();
            if (toTag != null) {
                if (dialog != null && dialog.getApplicationData() instanceof DialogChannel channel) {
                    channel.requestReceived(provider, st, request);
                } else {
                    respond(provider, st, request, Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST, null);
                }
                return;
            }
            EndpointHandler endpoint = endpointFor(request);
            if (endpoint == null) {
                respond(provider, st, request, Response.NOT_FOUND, null);
                return;
            }
            if (Request.OPTIONS.equals(method)) {
                // Answered by the agent, not raised as a message: phones and proxies ping with it.
                Capabilities.answerOptions(agent, st != null ? st : provider.getNewServerTransaction(request), request);
                return;
            }
            if (Request.INFO.equals(method) || Request.UPDATE.equals(method)) {
                // Both exist only inside a dialog (RFC 6086 §4.2.1, RFC 3311 §5.2).
                respond(provider, st, request, Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST, null);
                return;
            }
            if (Request.INVITE.equals(method)) {
                if (!agent.isListening()) {
                    // The lesson's "call before the server listens" demo: say why, in the reason phrase too.
                    LOG.info("{} refused an INVITE from {} with 480: it is not listening (call startListening first)",
                            endpoint.userUri(), request.getHeader("From"));
                    respond(provider, st, request, Response.TEMPORARILY_UNAVAILABLE, "Temporarily Unavailable (not listening)");
                    endpoint.requestRefused(MessageView.of(request), Response.TEMPORARILY_UNAVAILABLE,
                            "an invite arrived but we are not listening yet, so it was answered 480");
                    return;
                }
                ServerTransaction transaction = st != null ? st : provider.getNewServerTransaction(request);
                String key = inviteKey(request);
                IncomingInvite invite = new IncomingInvite(agent, endpoint, transaction, request, key, provider);
                agent.rememberInvite(key, invite);
                invite.ring();
                endpoint.incomingInvite(invite);
                return;
            }
            if (Request.BYE.equals(method)) {
                respond(provider, st, request, Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST, null);
                return;
            }
            ServerTransaction transaction = st != null ? st : provider.getNewServerTransaction(request);
            endpoint.incomingRequest(new IncomingRequest(agent, transaction, request));
        } catch (Exception e) {
            LOG.debug("could not handle {}", method, e);
        }
    }

    private EndpointHandler endpointFor(Request request) {
        if (endpoints.size() == 1) {
            // The one endpoint takes the request whoever it is addressed to (below): no need to
            // encode and compare two URIs per request, the server's usual case.
            return endpoints.get(0);
        }
        String user = SipUris.user(request.getRequestURI().toString());
        String toUser = SipUris.user(((ToHeader) request.getHeader(ToHeader.NAME)).getAddress().getURI().toString());
        for (EndpointHandler endpoint : endpoints) {
            String ours = SipUris.user(endpoint.userUri());
            if (ours != null && (ours.equalsIgnoreCase(user) || ours.equalsIgnoreCase(toUser))) {
                return endpoint;
            }
        }
        return endpoints.size() == 1 ? endpoints.get(0) : null;
    }

    private void respond(SipProvider provider, ServerTransaction st, Request request, int code, String reason) {
        try {
            Response response = agent.messages().createResponse(code, request);
            if (reason != null) {
                response.setReasonPhrase(reason);
            }
            ServerTransaction transaction = st != null ? st : provider.getNewServerTransaction(request);
            transaction.sendResponse(response);
        } catch (Exception e) {
            LOG.debug("could not answer {} with {}", request.getMethod(), code, e);
        }
    }
}
