package io.github.ucmaworkbench.rtc;

import io.github.ucmaworkbench.rtc.sip.DialogChannel;
import io.github.ucmaworkbench.rtc.sip.IncomingInvite;
import io.github.ucmaworkbench.rtc.sip.MessageView;
import io.github.ucmaworkbench.rtc.sip.OutgoingInvite;
import io.github.ucmaworkbench.rtc.sip.Registration;
import io.github.ucmaworkbench.rtc.sip.SipFailure;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One INVITE dialog between two parties; mirrors UCMA's {@code SignalingSession}.
 *
 * <p>Built by the caller with {@code new SignalingSession(endpoint, new RealTimeAddress(uri))}
 * (state IDLE), or handed to the callee by {@code sessionReceived} (state INCOMING). The same
 * {@code beginParticipate} sends the INVITE on the first and accepts it on the second.
 */
public class SignalingSession {
    private static final Logger LOG = LoggerFactory.getLogger(SignalingSession.class);

    private final RealTimeEndpoint endpoint;
    private final RealTimeAddress target;
    private final IncomingInvite incoming;
    private final Event<SignalingStateChangedEventArgs> stateChanged;
    private final Event<MessageReceivedEventArgs> messageReceived;
    private final Event<RemoteHoldChangedEventArgs> remoteHoldChanged;
    private final SignalingParticipant remote;
    private final SignalingParticipant local;
    private final SessionDialogListener dialogListener = new SessionDialogListener(this);
    private volatile OfferAnswer offerAnswer;
    private SignalingState state;
    private boolean participateStarted;
    private OutgoingInvite outgoing;
    private DialogChannel channel;
    private String callId;

    /**
     * An outgoing session to {@code target} ({@code SignalingSession(endpoint, sessionTarget)}).
     *
     * @throws IllegalStateException if the endpoint was closed
     */
    public SignalingSession(RealTimeEndpoint endpoint, RealTimeAddress target) {
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.target = Objects.requireNonNull(target, "target");
        this.incoming = null;
        this.stateChanged = new Event<>(endpoint.executor);
        this.messageReceived = new Event<>(endpoint.executor);
        this.remoteHoldChanged = new Event<>(endpoint.executor);
        this.remote = new SignalingParticipant(target.getUri(), null);
        this.local = new SignalingParticipant(endpoint.getUri(), null);
        this.state = SignalingState.IDLE;
        endpoint.sessionStarted(this);
    }

    SignalingSession(RealTimeEndpoint endpoint, IncomingInvite invite) {
        this.endpoint = endpoint;
        this.incoming = invite;
        this.target = null;
        this.stateChanged = new Event<>(endpoint.executor);
        this.messageReceived = new Event<>(endpoint.executor);
        this.remoteHoldChanged = new Event<>(endpoint.executor);
        this.remote = new SignalingParticipant(plain(invite.remoteUri()), displayName(invite.request().getFrom()));
        this.local = new SignalingParticipant(plain(invite.localUri()), null);
        this.callId = invite.request().getCallId();
        this.state = SignalingState.INCOMING;
        invite.setListener(() -> {
            synchronized (this) {
                setState(SignalingState.DISCONNECTED, "the caller cancelled the invitation (CANCEL)");
            }
        });
        endpoint.sessionStarted(this);
    }

    private static String plain(String uri) {
        int semicolon = uri.indexOf(';');
        return semicolon < 0 ? uri : uri.substring(0, semicolon);
    }

    private static String displayName(String from) {
        if (from == null) {
            return null;
        }
        int angle = from.indexOf('<');
        return angle > 0 ? from.substring(0, angle).trim().replace("\"", "") : null;
    }

    public RealTimeEndpoint getEndpoint() {
        return endpoint;
    }

    public synchronized SignalingState getState() {
        return state;
    }

    /** Raised on every state transition ({@code StateChanged}). */
    public Event<SignalingStateChangedEventArgs> stateChanged() {
        return stateChanged;
    }

    /** Raised for a MESSAGE or INFO inside this session ({@code MessageReceived}); answered 200 OK after the handlers. */
    public Event<MessageReceivedEventArgs> messageReceived() {
        return messageReceived;
    }

    /** Raised when the other party puts the call on hold or resumes it (a re-INVITE, answered 200 OK). */
    public Event<RemoteHoldChangedEventArgs> remoteHoldChanged() {
        return remoteHoldChanged;
    }

    /** The other party ({@code RemoteParticipant}). */
    public SignalingParticipant getRemoteParticipant() {
        return remote;
    }

    /** Us ({@code LocalParticipant}); on an incoming session, the URI the caller addressed. */
    public SignalingParticipant getLocalParticipant() {
        return local;
    }

    /** The Call-ID, once the INVITE exists ({@code CallId}). */
    public synchronized String getCallId() {
        return callId;
    }

    public OfferAnswer getOfferAnswerNegotiation() {
        return offerAnswer;
    }

    /** Sets the media negotiation, before participating ({@code OfferAnswerNegotiation}). */
    public void setOfferAnswerNegotiation(OfferAnswer offerAnswer) {
        this.offerAnswer = offerAnswer;
    }

    // region participate

    /** Sends (outgoing) or accepts (incoming) the INVITE and waits ({@code Participate()}); never on a UI thread. */
    public SipMessageData participate() throws RealTimeException {
        return endParticipate(beginParticipate(null, null, null));
    }

    /** Like {@link #participate()}, with custom headers on the INVITE or the 200 OK. */
    public SipMessageData participate(List<SignalingHeader> headers) throws RealTimeException {
        return endParticipate(beginParticipate(headers, null, null));
    }

    public AsyncResult beginParticipate(AsyncCallback callback, Object state) {
        return beginParticipate(null, callback, state);
    }

    /**
     * Starts sending or accepting the INVITE ({@code BeginParticipate}).
     *
     * @throws IllegalStateException if the session is not IDLE (outgoing) or INCOMING (incoming),
     *                               or participate was already called
     */
    public AsyncResult beginParticipate(List<SignalingHeader> headers, AsyncCallback callback, Object asyncState) {
        Operation<SipMessageData> op = new Operation<>(this, "Participate", callback, asyncState, endpoint.executor);
        List<Map.Entry<String, String>> entries = Failures.entries(headers);
        synchronized (this) {
            SignalingState expected = incoming == null ? SignalingState.IDLE : SignalingState.INCOMING;
            if (participateStarted || state != expected) {
                throw new IllegalStateException("BeginParticipate needs state " + expected + " and no earlier call; it is " + state);
            }
            participateStarted = true;
            if (incoming == null) {
                setState(SignalingState.CONNECTING, "BeginParticipate sent the INVITE");
            }
        }
        if (incoming == null) {
            Workers.execute(() -> OutgoingParticipation.invite(this, target, entries, op));
        } else if (Workers.onWorkerThread()) {
            // Called from a handler (sessionReceived, as the tutorial does): already on a worker,
            // so the 200 OK goes out from here, as a UDP send or over the caller's connection,
            // instead of waking another worker for it (one thread hand-off per call).
            IncomingParticipation.accept(this, incoming, entries, op);
        } else {
            Workers.execute(() -> IncomingParticipation.accept(this, incoming, entries, op));
        }
        return op.started();
    }

    /**
     * Finishes participating ({@code EndParticipate}): the 200 OK (caller) or the ACK (callee), or
     * the failure rethrown. A caller may hang up before its ACK arrives (RFC 3261 §15 allows it):
     * then the callee gets the BYE here, and the session is already DISCONNECTED.
     */
    public SipMessageData endParticipate(AsyncResult result) throws RealTimeException {
        return Operation.end(result, this, "Participate");
    }

    // endregion

    /**
     * Declines an incoming INVITE with {@code responseCode} and {@code responseText}
     * ({@code TerminateWithRejection}).
     *
     * @throws IllegalArgumentException if the code is not a final error (300-699)
     * @throws IllegalStateException    unless this is an incoming session not yet accepted
     * @throws RealTimeException        if the response could not be sent
     */
    public void terminateWithRejection(int responseCode, String responseText, List<SignalingHeader> headers)
            throws RealTimeException {
        if (responseCode < 300 || responseCode > 699) {
            throw new IllegalArgumentException("a rejection needs a code from 300 to 699, not " + responseCode);
        }
        synchronized (this) {
            if (incoming == null || state != SignalingState.INCOMING || participateStarted) {
                throw new IllegalStateException("TerminateWithRejection works only on an incoming session that was not accepted; it is " + state);
            }
            participateStarted = true;
        }
        try {
            incoming.reject(responseCode, responseText, Failures.entries(headers));
        } catch (SipFailure e) {
            throw Failures.toException(e, "TerminateWithRejection", false);
        } finally {
            synchronized (this) {
                setState(SignalingState.DISCONNECTED, "rejected with " + responseCode + " " + responseText);
            }
        }
    }

    // region terminate

    /** Ends the session and waits ({@code Terminate()}): BYE when connected, CANCEL while connecting. */
    public void terminate() throws RealTimeException {
        endTerminate(beginTerminate(null, null));
    }

    /**
     * Starts ending the session ({@code BeginTerminate}): BYE when CONNECTED, CANCEL while
     * CONNECTING/ALERTED, 480 for an INCOMING one not yet accepted; nothing when already over.
     */
    public AsyncResult beginTerminate(AsyncCallback callback, Object asyncState) {
        Operation<Void> op = new Operation<>(this, "Terminate", callback, asyncState, endpoint.executor);
        SignalingState before;
        DialogChannel dialog;
        synchronized (this) {
            before = state;
            dialog = channel;
            if (before != SignalingState.DISCONNECTED) {
                setState(SignalingState.DISCONNECTED, "Terminate was called");
            }
        }
        switch (before) {
            case CONNECTED -> Workers.execute(() -> dialog.send("BYE", null, null, List.of(), endpoint.getOperationTimeout(),
                    new Registration.Outcome() {
                        @Override public void succeeded(MessageView response) { op.succeed(null); }
                        @Override public void failed(SipFailure failure) { op.fail(Failures.toException(failure, "Terminate", false)); }
                    }));
            case CONNECTING, ALERTED -> {
                OutgoingInvite pending;
                synchronized (this) {
                    pending = outgoing;
                }
                if (pending != null) {
                    pending.cancel();
                }
                op.succeed(null);
            }
            case INCOMING -> {
                try {
                    incoming.reject(480, "Temporarily Unavailable", List.of());
                } catch (SipFailure | IllegalStateException e) {
                    LOG.debug("incoming session already answered", e);
                }
                op.succeed(null);
            }
            default -> op.succeed(null);
        }
        return op.started();
    }

    public void endTerminate(AsyncResult result) throws RealTimeException {
        Operation.end(result, this, "Terminate");
    }

    // endregion

    void terminateQuietly() {
        AsyncResult result = beginTerminate(null, null);
        try {
            result.waitForCompletion(Duration.ofMillis(500));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // region send message

    /** Sends a MESSAGE/INFO... in the session and waits ({@code SendMessage}). */
    public SipResponseData sendMessage(MessageType type, ContentType contentType, byte[] body) throws RealTimeException {
        return endSendMessage(beginSendMessage(type, contentType, body, null, null, null));
    }

    public AsyncResult beginSendMessage(MessageType type, ContentType contentType, byte[] body, AsyncCallback callback,
            Object asyncState) {
        return beginSendMessage(type, contentType, body, null, callback, asyncState);
    }

    /**
     * Sends a request of {@code type} inside the session ({@code BeginSendMessage}); a null
     * content type means {@code text/plain; charset=utf-8}.
     *
     * @throws IllegalStateException unless CONNECTED
     */
    public AsyncResult beginSendMessage(MessageType type, ContentType contentType, byte[] body,
            List<SignalingHeader> headers, AsyncCallback callback, Object asyncState) {
        Objects.requireNonNull(type, "type");
        Operation<SipResponseData> op = new Operation<>(this, "SendMessage", callback, asyncState, endpoint.executor);
        DialogChannel dialog;
        synchronized (this) {
            if (state != SignalingState.CONNECTED || channel == null) {
                throw new IllegalStateException("BeginSendMessage needs a CONNECTED session; it is " + state);
            }
            dialog = channel;
        }
        String type0 = (contentType == null ? ContentType.TEXT_PLAIN : contentType).toString();
        List<Map.Entry<String, String>> entries = Failures.entries(headers);
        Workers.execute(() -> dialog.send(type.getMethod(), type0, body, entries, endpoint.getOperationTimeout(),
                new Registration.Outcome() {
                    @Override public void succeeded(MessageView response) { op.succeed(new SipResponseData(response)); }
                    @Override public void failed(SipFailure failure) { op.fail(Failures.toException(failure, "SendMessage", false)); }
                }));
        return op.started();
    }

    public SipResponseData endSendMessage(AsyncResult result) throws RealTimeException {
        return Operation.end(result, this, "SendMessage");
    }

    // endregion

    private void setState(SignalingState next, String reason) {
        SignalingState previous = state;
        if (previous == next || previous == SignalingState.DISCONNECTED) {
            return;
        }
        state = next;
        if (next == SignalingState.DISCONNECTED) {
            endpoint.sessionEnded(this);
        }
        stateChanged.raise(this, new SignalingStateChangedEventArgs(previous, next, reason));
    }

    // ---- used by the participation paths and the dialog listener ----

    synchronized void changeState(SignalingState next, String reason) {
        setState(next, reason);
    }

    /** Only the first provisional counts: a later one, or one after the session moved on, changes nothing. */
    synchronized void alerted(String reason) {
        if (state == SignalingState.CONNECTING) {
            setState(SignalingState.ALERTED, reason);
        }
    }

    /** The dialog's channel already carries {@link #dialogListener()}: both paths hand it over when they start. */
    synchronized void connected(DialogChannel dialog, String reason) {
        channel = dialog;
        setState(SignalingState.CONNECTED, reason);
    }

    synchronized void inviteStarted(OutgoingInvite started) {
        outgoing = started;
        callId = started.getCallId();
    }

    /** The one listener for this session's dialog: the remote hold it tracks is per session. */
    DialogChannel.Listener dialogListener() {
        return dialogListener;
    }

    @Override
    public String toString() {
        return "SignalingSession[" + local + " -> " + remote + ", " + getState() + "]";
    }
}
