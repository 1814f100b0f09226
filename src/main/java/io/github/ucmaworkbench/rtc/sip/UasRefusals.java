package io.github.ucmaworkbench.rtc.sip;

import io.github.ucmaworkbench.sip.RequestValidation;
import java.util.Map;
import java.util.UUID;
import javax.sip.RequestEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipProvider;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The endpoints' side of RFC 3261 §8.2: a request they cannot honour (another SIP version, an
 * unknown method or URI scheme, a required extension, an INVITE body or Accept we cannot meet)
 * is answered here, before any routing, with the code {@link RequestValidation} picks.
 */
final class UasRefusals {
    private static final Logger LOG = LoggerFactory.getLogger(UasRefusals.class);

    private UasRefusals() {
    }

    private static String sourceOf(Request request) {
        java.net.InetAddress from = ((gov.nist.javax.sip.message.SIPMessage) request).getRemoteAddress();
        return from == null ? "an unknown address" : from.getHostAddress();
    }

    /** True when {@code event}'s request was refused (answered): it goes no further. */
    static boolean refused(SipUserAgent agent, RequestEvent event) {
        Request request = event.getRequest();
        RequestValidation.Refusal refusal = RequestValidation.check(request, RequestValidation.USER_AGENT);
        if (refusal == null) {
            return false;
        }
        RequestValidation.logRefusal(LOG, "the endpoint", request, sourceOf(request), refusal);
        try {
            Response response = agent.messages().createResponse(refusal.code(), request);
            response.setReasonPhrase(refusal.reason());
            for (Map.Entry<String, String> h : refusal.headers()) {
                response.addHeader(agent.headers().createHeader(h.getKey(), h.getValue()));
            }
            ToHeader to = (ToHeader) response.getHeader(ToHeader.NAME);
            if (to != null && to.getTag() == null) {
                to.setTag(UUID.randomUUID().toString().substring(0, 8)); // §8.2.6.2
            }
            SipProvider provider = (SipProvider) event.getSource();
            ServerTransaction st = event.getServerTransaction();
            if (st == null) {
                try {
                    st = provider.getNewServerTransaction(request);
                } catch (javax.sip.TransactionAlreadyExistsException retransmission) {
                    return true; // the first copy's transaction answers it (§17.2.1)
                } catch (javax.sip.TransactionUnavailableException e) {
                    provider.sendResponse(response); // statelessly: the RI would not take it on
                    return true;
                }
            }
            st.sendResponse(response);
        } catch (Exception e) {
            LOG.debug("could not refuse {} with {}", request.getMethod(), refusal.code(), e);
        }
        return true;
    }
}
