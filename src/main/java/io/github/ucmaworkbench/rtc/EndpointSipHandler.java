package io.github.ucmaworkbench.rtc;

import io.github.ucmaworkbench.rtc.sip.EndpointHandler;
import io.github.ucmaworkbench.rtc.sip.IncomingInvite;
import io.github.ucmaworkbench.rtc.sip.IncomingRequest;
import io.github.ucmaworkbench.rtc.sip.MessageView;
import io.github.ucmaworkbench.rtc.sip.SipFailure;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A {@link SipEndpoint} as the SIP layer sees it; its calls arrive on stack threads and only raise events. */
final class EndpointSipHandler implements EndpointHandler {
    private static final Logger LOG = LoggerFactory.getLogger(EndpointSipHandler.class);

    private final SipEndpoint endpoint;

    EndpointSipHandler(SipEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    @Override
    public String userUri() {
        return endpoint.getUri();
    }

    @Override
    public String transport() {
        return endpoint.getTransportType().name();
    }

    @Override
    public String serverHost() {
        return endpoint.getServerName();
    }

    @Override
    public int serverPort() {
        return endpoint.getServerPort();
    }

    @Override
    public Credentials credentialsFor(String realm) {
        NetworkCredential credential = endpoint.getCredentialCache().getCredential(realm);
        if (credential == null) {
            credential = endpoint.getCredentialCache().getCredential(SipEndpoint.DEFAULT_RTC_REALM);
        }
        return credential == null ? null : new Credentials(credential.getUserName(), credential.getPassword());
    }

    @Override
    public void incomingInvite(IncomingInvite invite) {
        if (endpoint.isClosed() || !endpoint.sessionReceived().hasHandlers()) {
            refuse(invite, endpoint.isClosed() ? "the endpoint is closed" : "nobody handles sessionReceived on this endpoint");
            return;
        }
        SignalingSession session = new SignalingSession(endpoint, invite);
        endpoint.sessionReceived().raise(endpoint,
                new SessionReceivedEventArgs(session, SipMessageData.of(invite.request())));
    }

    private void refuse(IncomingInvite invite, String why) {
        try {
            invite.reject(480, "Temporarily Unavailable", List.of());
        } catch (SipFailure | IllegalStateException e) {
            LOG.debug("could not refuse invite", e);
        }
        requestRefused(invite.request(), 480, "an invite arrived and was answered 480: " + why);
    }

    @Override
    public void incomingRequest(IncomingRequest request) {
        MessageReceivedEventArgs args = new MessageReceivedEventArgs(request);
        endpoint.messageReceived().raise(endpoint, args);
        // Runs after the handlers: the endpoint's executor keeps order.
        endpoint.executor.execute(args::answerIfUnanswered);
    }

    @Override
    public void requestRefused(MessageView request, int code, String why) {
        endpoint.requestRefused().raise(endpoint,
                new RequestRefusedEventArgs(SipMessageData.of(request), code, why));
    }
}
