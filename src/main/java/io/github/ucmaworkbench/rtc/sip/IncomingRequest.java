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
    /** Ours, not the transaction's: the stack may release that one once answered (SipUserAgent). */
    private final Request request;
    private final MessageView view;
    private final AtomicBoolean answered = new AtomicBoolean();
    private volatile int answeredCode;

    IncomingRequest(SipUserAgent agent, ServerTransaction transaction, Request request) {
        this.agent = agent;
        this.transaction = transaction;
        this.request = request;
        this.view = MessageView.of(request);
    }

    public MessageView request() {
        return view;
    }

    /** The status code we answered with, or 0 while unanswered. */
    public int answeredCode() {
        return answeredCode;
    }

    /** Answers with {@code code} and its standard reason phrase; later calls do nothing. */
    public void respond(int code) {
        respond(code, null, List.of());
    }

    /** Answers with {@code code}, {@code reason} (null = the standard phrase) and extra headers; later calls do nothing. */
    public void respond(int code, String reason, List<Map.Entry<String, String>> headers) {
        respond(code, reason, headers, null, null);
    }

    /** Like {@link #respond(int, String, List)}, with a body (e.g. the SDP answer to an UPDATE's offer). */
    public void respond(int code, String reason, List<Map.Entry<String, String>> headers, String contentType, byte[] body) {
        if (!answered.compareAndSet(false, true)) {
            return;
        }
        answeredCode = code;
        try {
            Response response = agent.messages().createResponse(code, request);
            if (reason != null) {
                response.setReasonPhrase(reason);
            }
            Requests.addHeaders(agent, response, headers);
            Requests.setBody(agent, response, contentType, body);
            transaction.sendResponse(response);
        } catch (Exception e) {
            LOG.debug("could not answer {} with {}", view.getMethod(), code, e);
        }
    }
}
