package io.github.ucmaworkbench.rtc.sip;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sip.ServerTransaction;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A request that is not an INVITE (MESSAGE, INFO, OPTIONS, ...), answered once. */
public final class IncomingRequest {
    private static final Logger LOG = LoggerFactory.getLogger(IncomingRequest.class);

    private final SipUserAgent agent;
    private final ServerTransaction transaction;
    private final MessageView view;
    private final AtomicBoolean answered = new AtomicBoolean();

    IncomingRequest(SipUserAgent agent, ServerTransaction transaction, Request request) {
        this.agent = agent;
        this.transaction = transaction;
        this.view = MessageView.of(request);
    }

    public MessageView request() {
        return view;
    }

    /** Answers with {@code code} and its standard reason phrase; later calls do nothing. */
    public void respond(int code) {
        respond(code, null, List.of());
    }

    /** Answers with {@code code}, {@code reason} (null = the standard phrase) and extra headers; later calls do nothing. */
    public void respond(int code, String reason, List<Map.Entry<String, String>> headers) {
        if (!answered.compareAndSet(false, true)) {
            return;
        }
        try {
            Response response = agent.messages().createResponse(code, transaction.getRequest());
            if (reason != null) {
                response.setReasonPhrase(reason);
            }
            Requests.addHeaders(agent, response, headers);
            transaction.sendResponse(response);
        } catch (Exception e) {
            LOG.debug("could not answer {} with {}", view.getMethod(), code, e);
        }
    }
}
