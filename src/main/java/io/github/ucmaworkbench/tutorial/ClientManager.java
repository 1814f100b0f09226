package io.github.ucmaworkbench.tutorial;

import io.github.ucmaworkbench.rtc.AsyncResult;
import io.github.ucmaworkbench.rtc.ConnectionFailureException;
import io.github.ucmaworkbench.rtc.ContentType;
import io.github.ucmaworkbench.rtc.FailureResponseException;
import io.github.ucmaworkbench.rtc.MessageType;
import io.github.ucmaworkbench.rtc.OperationTimeoutException;
import io.github.ucmaworkbench.rtc.RealTimeAddress;
import io.github.ucmaworkbench.rtc.RealTimeClientConnectionManager;
import io.github.ucmaworkbench.rtc.RealTimeConnectionManager;
import io.github.ucmaworkbench.rtc.RealTimeException;
import io.github.ucmaworkbench.rtc.RegistrationState;
import io.github.ucmaworkbench.rtc.SignalingHeader;
import io.github.ucmaworkbench.rtc.SignalingSession;
import io.github.ucmaworkbench.rtc.SignalingState;
import io.github.ucmaworkbench.rtc.SignalingStateChangedEventArgs;
import io.github.ucmaworkbench.rtc.SipEndpoint;
import io.github.ucmaworkbench.rtc.SipMessageData;
import io.github.ucmaworkbench.rtc.SipResponseData;
import io.github.ucmaworkbench.rtc.Workers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * The tutorial's client ({@code IDKStudioClientManager}): signs in, sends the INVITE to "our
 * server", sends a message in the session, hangs up, signs out.
 */
public final class ClientManager extends TutorialManager {
    private volatile ClientSettings clientSettings;
    private volatile Duration ringTimeout;

    public ClientManager(ClientSettings settings) {
        super(settings.endpoint());
        this.clientSettings = settings;
        this.ringTimeout = settings.ringTimeout();
    }

    public ClientSettings getClientSettings() {
        return clientSettings;
    }

    /**
     * Takes a new "our server" and ring timeout without signing out: they only matter for the next
     * INVITE. The endpoint's own settings must stay the same (new ones need a new manager).
     */
    public void setCallSettings(ClientSettings next) {
        if (!next.endpoint().equals(settings)) {
            throw new IllegalArgumentException("new endpoint settings need a new ClientManager");
        }
        clientSettings = next;
        setRingTimeout(null);
    }

    /** How long an invite may ring unanswered before the client cancels it. */
    public Duration getRingTimeout() {
        return ringTimeout;
    }

    /**
     * Sets the ring timeout of the signed-in endpoint and of later sign-ins (a workbench addition:
     * UCMA has none); null goes back to the one in the settings.
     */
    public void setRingTimeout(Duration timeout) {
        Duration next = timeout == null ? clientSettings.ringTimeout() : timeout;
        ringTimeout = next;
        SipEndpoint current = endpoint;
        if (current != null) {
            current.setRingTimeout(next);
        }
    }

    @Override
    protected void endpointCreated(SipEndpoint created) {
        created.setRingTimeout(ringTimeout);
    }

    @Override
    protected RealTimeConnectionManager createConnectionManager() {
        // The client only calls out: a client connection manager cannot listen.
        return new RealTimeClientConnectionManager();
    }

    // region send-invite
    /**
     * Part 5: builds a SignalingSession to "our server" and sends the INVITE, with custom
     * headers if given. The synchronous {@code participate} blocks until the server answers, so
     * it runs on a worker thread here: on the UI thread it would freeze the window.
     */
    public synchronized void sendInvite(List<SignalingHeader> headers, boolean synchronous) {
        if (endpoint == null || getRegistrationState() != RegistrationState.REGISTERED) {
            error("Sign in before sending an invite.");
            return;
        }
        SignalingSession current = session;
        if (current != null && current.getState() != SignalingState.DISCONNECTED) {
            error("A session is already open; hang up first.");
            return;
        }
        RealTimeAddress target;
        try {
            target = new RealTimeAddress(clientSettings.ourServerUri());
        } catch (IllegalArgumentException e) {
            error("Cannot send the invite: %s", e.getMessage());
            return;
        }
        recordProgress("Sending an invite to %s%s.", target, headers.isEmpty() ? "" : " with " + headers.size() + " custom header(s)");
        SignalingSession newSession = new SignalingSession(endpoint, target);
        newSession.setOfferAnswerNegotiation(new TextMessagingOfferAnswer());
        newSession.messageReceived().add(this::messageReceived);
        newSession.stateChanged().add(this::ringing);
        adoptSession(newSession);
        startPending("Waiting for the invite to be answered");
        if (homework.sendInvite() != null) {
            stopPending();
            homework.sendInvite().sendInvite(newSession, headers);
        } else if (synchronous) {
            Workers.execute(() -> participateSynchronously(newSession, headers));
        } else {
            newSession.beginParticipate(headers, this::participateCallback, newSession);
        }
    }

    private void participateSynchronously(SignalingSession newSession, List<SignalingHeader> headers) {
        try {
            newSession.participate(headers);
            stopPending();
            recordProgress("Session established (blocking participate).");
        } catch (RealTimeException e) {
            stopPending();
            error("The invite failed: %s", describe(e));
        }
    }

    private void participateCallback(AsyncResult ar) {
        SignalingSession invited = (SignalingSession) ar.getAsyncState();
        stopPending();
        try {
            // The 200 OK, or an exception that says why there is no session.
            SipMessageData response = invited.endParticipate(ar);
            recordProgress("Session established (%s).", response);
        } catch (OperationTimeoutException e) {
            // Nobody answered at all, or the callee rang past the ring timeout: the message says which.
            error("The invite timed out: no final answer came in time (%s).", e.getMessage());
        } catch (FailureResponseException e) {
            if (e.getResponseData() != null) {
                error("The invite was refused with %d %s.",
                        e.getResponseData().getResponseCode(), e.getResponseData().getResponseText());
            } else {
                error("The invite was refused.");
            }
        } catch (ConnectionFailureException e) {
            error("The invite failed: no connection to the server.");
        } catch (RealTimeException e) {
            error("The invite failed: %s.", e.getMessage());
        }
    }
    // endregion

    /**
     * Once the callee rings, the caller waits for a person (the ring timeout), not for the network
     * (the operation timeout): the pending line says how long.
     */
    private void ringing(Object sender, SignalingStateChangedEventArgs e) {
        if (e.getState() != SignalingState.ALERTED || sender != session || getPending() == null) {
            return;
        }
        Duration waiting = ((SignalingSession) sender).getEndpoint().getRingTimeout();
        recordProgress("The callee is ringing; waiting up to %d s for an answer.", waiting.toSeconds());
        startPending("Ringing, waiting for an answer", waiting);
    }

    // region send-message
    /** Part 11: a MESSAGE with a text/plain body inside the session. */
    public synchronized void sendMessage(String text) {
        SignalingSession current = session;
        if (current == null || current.getState() != SignalingState.CONNECTED) {
            error("Send the invite and wait until it is accepted before sending a message.");
            return;
        }
        if (text == null || text.isEmpty()) {
            error("Type a message first.");
            return;
        }
        recordProgress("Sending the message \"%s\".", text);
        if (homework.sendMessage() != null) {
            homework.sendMessage().sendMessage(current, text);
            return;
        }
        current.beginSendMessage(MessageType.MESSAGE, new ContentType("text/plain; charset=utf-8"),
                text.getBytes(StandardCharsets.UTF_8), this::sendMessageCallback, current);
    }

    private void sendMessageCallback(AsyncResult ar) {
        SignalingSession current = (SignalingSession) ar.getAsyncState();
        try {
            SipResponseData response = current.endSendMessage(ar);
            recordProgress("The message was delivered (%d %s).", response.getResponseCode(), response.getResponseText());
        } catch (RealTimeException e) {
            error("The message was not delivered: %s", describe(e));
        }
    }
    // endregion

    static String describe(RealTimeException e) {
        if (e instanceof FailureResponseException failure && failure.getResponseData() != null) {
            return "refused with " + failure.getResponseData().getResponseCode() + " "
                    + failure.getResponseData().getResponseText();
        }
        if (e instanceof OperationTimeoutException) {
            return "it timed out (" + e.getMessage() + ")";
        }
        return e.getMessage();
    }
}
