package io.github.ucmaworkbench.registrar;

import java.text.ParseException;
import java.util.UUID;
import javax.sip.header.ToHeader;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;
import javax.sip.message.Response;

/** The registrar's own final responses: a reason phrase of ours and a To tag (RFC 3261 §8.2.6.2). */
final class Responses {
    private Responses() {
    }

    static Response create(MessageFactory messages, Request request, int code, String reason) throws ParseException {
        Response response = messages.createResponse(code, request);
        if (reason != null) {
            response.setReasonPhrase(reason);
        }
        ToHeader to = (ToHeader) response.getHeader(ToHeader.NAME);
        if (to.getTag() == null) {
            to.setTag(UUID.randomUUID().toString().substring(0, 8));
        }
        return response;
    }
}
