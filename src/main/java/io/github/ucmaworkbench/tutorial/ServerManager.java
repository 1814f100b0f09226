package io.github.ucmaworkbench.tutorial;

import io.github.ucmaworkbench.rtc.AsyncResult;
import io.github.ucmaworkbench.rtc.ConnectionFailureException;
import io.github.ucmaworkbench.rtc.FailureResponseException;
import io.github.ucmaworkbench.rtc.OperationTimeoutException;
import io.github.ucmaworkbench.rtc.RealTimeConnectionManager;
import io.github.ucmaworkbench.rtc.RealTimeException;
import io.github.ucmaworkbench.rtc.RealTimeServerConnectionManager;
import io.github.ucmaworkbench.rtc.RegistrationState;
import io.github.ucmaworkbench.rtc.SessionReceivedEventArgs;
import io.github.ucmaworkbench.rtc.SignalingSession;
import io.github.ucmaworkbench.rtc.SignalingState;
import io.github.ucmaworkbench.rtc.SipEndpoint;
import io.github.ucmaworkbench.rtc.SipMessageData;
import io.github.ucmaworkbench.rtc.Workers;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The tutorial's server: signs in, listens, and answers invites by the accept policy (the
 * tutorial's server accepts all; the classroom also shows rejections and time-outs).
 */
public final class ServerManager extends TutorialManager {
    /** How much longer than the person's countdown the server waits before its own 480. */
    public static final Duration ASK_GRACE = Duration.ofSeconds(2);

    private volatile AcceptPolicy policy = new AcceptPolicy.AcceptAll();
    private volatile RealTimeServerConnectionManager serverConnectionManager;
    private int listenPort;

    public ServerManager(EndpointSettings settings) {
        super(settings);
    }

    public void setAcceptPolicy(AcceptPolicy policy) {
        this.policy = policy;
        recordProgress("Invites will be answered by the policy: %s.", describe(policy));
    }

    public AcceptPolicy getAcceptPolicy() {
        return policy;
    }

    @Override
    protected RealTimeConnectionManager createConnectionManager() {
        serverConnectionManager = new RealTimeServerConnectionManager();
        return serverConnectionManager;
    }

    public boolean isListening() {
        RealTimeServerConnectionManager manager = serverConnectionManager;
        return manager != null && endpoint != null && manager.isListening();
    }

    /**
     * The port to listen on: 0 (the default) picks a free one; a fixed one suits a firewall rule
     * or a classroom handout. A taken port makes startListening report an error.
     */
    public synchronized void setListenPort(int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("the listening port must be 0 (any) or 1-65535, not " + port);
        }
        listenPort = port;
    }

    // region listen
    /**
     * Part 6: the handlers go on as soon as the endpoint exists, before it signs in or listens, so
     * no invite can arrive before its handler.
     */
    @Override
    protected void endpointCreated(SipEndpoint created) {
        created.sessionReceived().add((sender, e) -> {
            if (!homeworkTookIt(sender, e)) {   // the Homework tab's handler, when one runs
                sessionReceived(sender, e);
            }
        });
        // Not UCMA: its endpoint has no event for a request it turned away; ours reports it.
        created.requestRefused().add((sender, e) -> error("An invite was refused: %s.", e.getReason()));
        created.messageReceived().add(this::messageReceived);
    }

    /** Part 6: a RealTimeServerConnectionManager listens; SessionReceived fires for each invite. */
    public synchronized void startListening() {
        if (endpoint == null || getRegistrationState() != RegistrationState.REGISTERED) {
            error("Sign in before listening.");
            return;
        }
        if (isListening()) {
            error("Already listening on %s.", serverConnectionManager.getListeningAddress());
            return;
        }
        recordProgress("Starting to listen for invites.");
        try {
            // UCMA's StartListening returns nothing; ours returns the address and port it bound.
            InetSocketAddress bound = serverConnectionManager.startListening(new InetSocketAddress(listenAddress(), listenPort));
            recordProgress("Listening on %s:%d.", bound.getAddress().getHostAddress(), bound.getPort());
        } catch (ConnectionFailureException e) {
            error("Could not listen: %s", e.getMessage());
        }
        fireChanged();
    }
    // endregion

    private boolean homeworkTookIt(Object sender, SessionReceivedEventArgs e) {
        if (homework.sessionReceived() == null) {
            return false;
        }
        // The media answer is not what homework is about: the tutorial's own answers.
        e.getSession().setOfferAnswerNegotiation(new TextMessagingOfferAnswer());
        adoptSession(e.getSession());
        homework.sessionReceived().handle(sender, e);
        return true;
    }

    /** Loopback, as the tutorial does, unless the server we sign in to is elsewhere. */
    private InetAddress listenAddress() {
        try {
            InetAddress server = InetAddress.getByName(settings.serverHost());
            return server.isLoopbackAddress() ? InetAddress.getLoopbackAddress() : InetAddress.getByName("0.0.0.0");
        } catch (UnknownHostException e) {
            return InetAddress.getLoopbackAddress();
        }
    }

    public synchronized void stopListening() {
        if (!isListening()) {
            error("Not listening.");
            return;
        }
        serverConnectionManager.stopListening();
        recordProgress("Stopped listening: new invites will be answered 480.");
        fireChanged();
    }

    /**
     * Stop listening only after the REGISTER that removes our binding was answered: over TCP,
     * deleting the listening point can close the connection the unregister's answer comes back on.
     */
    @Override
    protected synchronized void signedOut() {
        if (isListening()) {
            try {
                serverConnectionManager.stopListening();
                recordProgress("Stopped listening.");
            } catch (IllegalStateException closedMeanwhile) {
                // the command or window closed the connection manager between the check and the
                // stop (seen after "Server stopped."): nothing is left listening
            }
        }
    }

    // region accept
    void sessionReceived(Object sender, SessionReceivedEventArgs e) {
        recordProgress("Invite arrived from %s.", e.getSession().getRemoteParticipant().getUri());
        SignalingSession incoming = e.getSession();
        incoming.setOfferAnswerNegotiation(new TextMessagingOfferAnswer());
        incoming.messageReceived().add(this::messageReceived);
        adoptSession(incoming);
        AcceptPolicy current = policy;
        if (current instanceof AcceptPolicy.AcceptAll) {
            // Taking the call: beginParticipate on an incoming session sends the 200 OK.
            incoming.beginParticipate(this::participateCallback, incoming);
        } else if (current instanceof AcceptPolicy.Reject reject) {
            reject(incoming, reject.code(), reject.reason());
        } else if (current instanceof AcceptPolicy.DontAnswer) {
            recordProgress("Not answering this invite: the caller will time out.");
        } else if (current instanceof AcceptPolicy.RequireHeader require) {
            if (e.getRequestData().getHeaderValue(require.name()) != null) {
                incoming.beginParticipate(this::participateCallback, incoming);
            } else {
                reject(incoming, 403, "Forbidden (missing header " + require.name() + ")");
            }
        } else if (current instanceof AcceptPolicy.Ask ask) {
            askSomeone(incoming, e.getRequestData(), ask);
        }
    }

    private void participateCallback(AsyncResult ar) {
        SignalingSession accepted = (SignalingSession) ar.getAsyncState();
        try {
            // Returns once the caller's ACK is in; throws if the session never came up.
            SipMessageData ack = accepted.endParticipate(ar);
            recordProgress("Session established (%s).", ack);
        } catch (OperationTimeoutException e) {
            error("Accepting failed: the caller's ACK never came (timed out).");
        } catch (FailureResponseException e) {
            if (e.getResponseData() != null) {
                error("Accepting failed: the caller answered %d %s.",
                        e.getResponseData().getResponseCode(), e.getResponseData().getResponseText());
            } else {
                error("Accepting failed.");
            }
        } catch (ConnectionFailureException e) {
            error("Accepting failed: no connection to the caller.");
        } catch (RealTimeException e) {
            error("Accepting failed: %s.", e.getMessage());
        }
    }
    // endregion

    // region reject
    private void reject(SignalingSession incoming, int code, String reason) {
        try {
            incoming.terminateWithRejection(code, reason, null);
            recordProgress("The invite was rejected with %d %s.", code, reason);
        } catch (RealTimeException | IllegalStateException e) {
            error("The invite could not be rejected: %s", e.getMessage());
        }
    }
    // endregion

    private void askSomeone(SignalingSession incoming, SipMessageData invite, AcceptPolicy.Ask ask) {
        AtomicBoolean decided = new AtomicBoolean();
        CompletableFuture<String> gone = new CompletableFuture<>();
        // The person's countdown is ask.timeout(); this fallback only answers when nobody does, a
        // little later, so the countdown's 603 Decline is what the caller normally sees.
        ScheduledFuture<?> expiry = Timers.schedule(() -> {
            if (decided.compareAndSet(false, true)) {
                gone.complete("nobody decided");
                recordProgress("Nobody decided within %d s.", ask.timeout().toSeconds());
                reject(incoming, 480, "Temporarily Unavailable");
            }
        }, ask.timeout().plus(ASK_GRACE).toMillis(), TimeUnit.MILLISECONDS);
        Consumer<String> withdrawIfGone = why -> {
            if (incoming.getState() == SignalingState.DISCONNECTED && decided.compareAndSet(false, true)) {
                expiry.cancel(false);
                recordProgress("The question is withdrawn: %s before anyone decided.", why);
                gone.complete(why);
            }
        };
        // A CANCEL (answered 487 by the stack) ends the INCOMING session: whoever was asked stops waiting.
        incoming.stateChanged().add((sender, e) -> withdrawIfGone.accept(e.getReason()));
        recordProgress("Asking whether to accept the invite from %s.", incoming.getRemoteParticipant().getUri());
        ask.decider().decide(new IncomingCall(incoming.getRemoteParticipant().getUri(), invite.getSignalingHeaders(),
                        ask.timeout(), gone),
                // The decider may answer on the UI thread: hand the SIP work to a worker.
                accept -> Workers.execute(() -> {
                    if (!decided.compareAndSet(false, true)) {
                        return;
                    }
                    expiry.cancel(false);
                    gone.complete("decided");
                    if (incoming.getState() != SignalingState.INCOMING) {
                        error("Too late: the caller gave up before the decision.");
                    } else if (Boolean.TRUE.equals(accept)) {
                        incoming.beginParticipate(this::participateCallback, incoming);
                    } else {
                        reject(incoming, 603, "Decline");
                    }
                }));
        withdrawIfGone.accept("the call ended"); // the CANCEL may have come before the handler was on
    }

    static String describe(AcceptPolicy policy) {
        if (policy instanceof AcceptPolicy.Reject r) {
            return "reject with " + r.code() + " " + r.reason();
        }
        if (policy instanceof AcceptPolicy.Ask a && a.decider() == IncomingCallDecider.DECLINE_AT_ONCE) {
            return "ask me (a stand-in declines at once)";
        }
        if (policy instanceof AcceptPolicy.Ask a) {
            return "ask me (decline after " + a.timeout().toSeconds() + " s)";
        }
        if (policy instanceof AcceptPolicy.DontAnswer) {
            return "don't answer";
        }
        if (policy instanceof AcceptPolicy.RequireHeader h) {
            return "accept only with header " + h.name();
        }
        return "accept all";
    }
}
