package io.github.ucmaworkbench.rtc.sip;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sip.ServerTransaction;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An INVITE inside a confirmed dialog (RFC 3261 §14.2), most often a phone's hold or resume: a
 * new offer for the same session, answered once. Refusing it leaves the session as it was.
 */
public final class IncomingReinvite {
    private static final Logger LOG = LoggerFactory.getLogger(IncomingReinvite.class);

    private final SipUserAgent agent;
    private final EndpointHandler endpoint;
    private final ServerTransaction transaction;
    /** Ours, not the transaction's: the stack may release that one once answered (SipUserAgent). */
    private final Request request;
    private final MessageView view;
    private final AtomicBoolean answered = new AtomicBoolean();

    IncomingReinvite(SipUserAgent agent, EndpointHandler endpoint, ServerTransaction transaction, Request request) {
        this.agent = agent;
        this.endpoint = endpoint;
        this.transaction = transaction;
        this.request = request;
        this.view = MessageView.of(request);
    }

    public MessageView request() {
        return view;
    }

    /** 200 OK with our Contact (a 2xx to INVITE needs one, RFC 3261 §13.3.1.4) and the answer. */
    public void accept(String contentType, byte[] body) {
        if (!answered.compareAndSet(false, true)) {
            return;
        }
        try {
            Response ok = agent.messages().createResponse(Response.OK, request);
            ok.addHeader(agent.prototypes().contact(agent.contactUri(endpoint)));
            ok.addHeader(agent.prototypes().userAgent());
            Requests.setBody(agent, ok, contentType, body);
            transaction.sendResponse(ok);
        } catch (Exception e) {
            LOG.debug("could not answer the re-INVITE", e);
        }
    }

    /** A final error; {@code warning} (may be null) goes into a Warning header, code 399 (RFC 3261 §20.43). */
    public void reject(int code, String reason, String warning) {
        if (!answered.compareAndSet(false, true)) {
            return;
        }
        try {
            Response response = agent.messages().createResponse(code, request);
            if (reason != null) {
                response.setReasonPhrase(reason);
            }
            List<Map.Entry<String, String>> headers = new ArrayList<>();
            if (warning != null) {
                headers.add(Map.entry("Warning", Warnings.of(warning)));
            }
            Requests.addHeaders(agent, response, headers);
            transaction.sendResponse(response);
        } catch (Exception e) {
            LOG.debug("could not refuse the re-INVITE with {}", code, e);
        }
    }
}
