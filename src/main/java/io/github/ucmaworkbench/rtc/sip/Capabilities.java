package io.github.ucmaworkbench.rtc.sip;

import io.github.ucmaworkbench.sip.RequestValidation;
import java.text.ParseException;
import java.util.List;
import javax.sip.ServerTransaction;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What our endpoints can do, as OPTIONS answers it (RFC 3261 §11.2): the methods they really
 * handle ({@code Allow}), the bodies they read ({@code Accept}: SDP for sessions, text for
 * messages) and the extensions they support (none yet, so an empty {@code Supported}).
 */
final class Capabilities {
    /** One list with the 405's Allow, so OPTIONS and a refusal never disagree. */
    static final List<String> ALLOW = RequestValidation.USER_AGENT.allowedMethods();
    static final List<String> ACCEPT = List.of("application/sdp", "text/plain");

    private static final Logger LOG = LoggerFactory.getLogger(Capabilities.class);
    private static final String TAG_CHARS = "0123456789abcdef";

    private Capabilities() {
    }

    /**
     * Answers an OPTIONS with 200 OK carrying Allow, Accept and Supported; outside a dialog the
     * To header gets a tag of ours (RFC 3261 §8.2.6.2).
     */
    static void answerOptions(SipUserAgent agent, ServerTransaction transaction, Request options) {
        try {
            Response ok = agent.messages().createResponse(Response.OK, options);
            ToHeader to = (ToHeader) ok.getHeader(ToHeader.NAME);
            if (to.getTag() == null) {
                to.setTag(newTag());
            }
            // The RI keeps one header object per value and prints them as one comma-separated line.
            for (String method : ALLOW) {
                ok.addHeader(agent.headers().createAllowHeader(method));
            }
            for (String type : ACCEPT) {
                int slash = type.indexOf('/');
                ok.addHeader(agent.headers().createAcceptHeader(type.substring(0, slash), type.substring(slash + 1)));
            }
            // No option tag to offer yet: an empty Supported says so (RFC 3261 §20.37 allows it).
            ok.addHeader(agent.headers().createHeader("Supported",
                    String.join(", ", new java.util.TreeSet<>(RequestValidation.USER_AGENT.supported()))));
            ok.addHeader(agent.prototypes().userAgent());
            transaction.sendResponse(ok);
        } catch (ParseException e) {
            LOG.warn("could not build the answer to OPTIONS", e);
        } catch (Exception e) {
            LOG.debug("could not answer OPTIONS", e);
        }
    }

    static String newTag() {
        StringBuilder tag = new StringBuilder(16);
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        for (int i = 0; i < 16; i++) {
            tag.append(TAG_CHARS.charAt(random.nextInt(TAG_CHARS.length())));
        }
        return tag.toString();
    }
}
