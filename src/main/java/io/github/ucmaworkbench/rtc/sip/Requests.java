package io.github.ucmaworkbench.rtc.sip;

import java.text.ParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sip.InvalidArgumentException;
import javax.sip.ListeningPoint;
import javax.sip.SipProvider;
import javax.sip.address.Address;
import javax.sip.address.AddressFactory;
import javax.sip.address.SipURI;
import javax.sip.header.CallIdHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.header.ViaHeader;
import javax.sip.message.Message;
import javax.sip.message.Request;

/** Builds the requests an endpoint sends outside a dialog, routed through its server (RFC 3261 §8.1.1). */
final class Requests {
    static final String USER_AGENT = "UCMA-Workbench/0.1";

    private Requests() {
    }

    static Request outOfDialog(SipUserAgent agent, EndpointHandler endpoint, String method, String requestUri,
            String toUri, String callId, long cseq, String fromTag, List<Map.Entry<String, String>> extraHeaders,
            String contentType, byte[] body) throws SipFailure {
        try {
            SipProvider provider = agent.providerFor(endpoint);
            AddressFactory af = agent.addresses();
            HeaderFactory hf = agent.headers();
            String transport = endpoint.transport().toUpperCase(Locale.ROOT);
            ListeningPoint lp = provider.getListeningPoint(transport);
            CallIdHeader callIdHeader = callId == null ? provider.getNewCallId() : hf.createCallIdHeader(callId);
            ViaHeader via = hf.createViaHeader(lp.getIPAddress(), lp.getPort(), transport, null);
            Address from = af.createAddress(endpoint.userUri());
            Address to = af.createAddress(toUri);
            Request request = agent.messages().createRequest(af.createURI(requestUri), method, callIdHeader,
                    hf.createCSeqHeader(cseq, method), hf.createFromHeader(from, fromTag),
                    hf.createToHeader(to, null), List.of(via), hf.createMaxForwardsHeader(70));
            SipURI route = af.createSipURI(null, SipUris.hostForUri(endpoint.serverHost()));
            route.setPort(endpoint.serverPort());
            route.setTransportParam(transport.toLowerCase(Locale.ROOT));
            route.setLrParam();
            request.addHeader(hf.createRouteHeader(af.createAddress(route)));
            request.addHeader(agent.prototypes().contact(agent.contactUri(endpoint)));
            request.addHeader(agent.prototypes().userAgent());
            addHeaders(agent, request, extraHeaders);
            setBody(agent, request, contentType, body);
            return request;
        } catch (ParseException | InvalidArgumentException e) {
            throw new SipFailure(SipFailure.Kind.OTHER, "could not build the " + method + ": " + e.getMessage(), null, e);
        }
    }

    static void addHeaders(SipUserAgent agent, Message message, List<Map.Entry<String, String>> headers)
            throws ParseException {
        if (headers == null) {
            return;
        }
        for (Map.Entry<String, String> header : headers) {
            message.addHeader(agent.headers().createHeader(header.getKey(), header.getValue()));
        }
    }

    static void setBody(SipUserAgent agent, Message message, String contentType, byte[] body) throws ParseException {
        if (body == null || body.length == 0) {
            return;
        }
        String type = contentType == null ? "text/plain; charset=utf-8" : contentType;
        message.setContent(body, agent.prototypes().contentType(type));
    }
}
