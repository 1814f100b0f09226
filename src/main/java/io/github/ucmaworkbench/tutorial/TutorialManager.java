package io.github.ucmaworkbench.tutorial;

import io.github.ucmaworkbench.rtc.AsyncResult;
import io.github.ucmaworkbench.rtc.AuthenticationException;
import io.github.ucmaworkbench.rtc.ConnectionFailureException;
import io.github.ucmaworkbench.rtc.Event;
import io.github.ucmaworkbench.rtc.FailureResponseException;
import io.github.ucmaworkbench.rtc.MessageReceivedEventArgs;
import io.github.ucmaworkbench.rtc.NetworkCredential;
import io.github.ucmaworkbench.rtc.OperationTimeoutException;
import io.github.ucmaworkbench.rtc.RealTimeConnectionManager;
import io.github.ucmaworkbench.rtc.RealTimeException;
import io.github.ucmaworkbench.rtc.RegistrationState;
import io.github.ucmaworkbench.rtc.RemoteHoldChangedEventArgs;
import io.github.ucmaworkbench.rtc.SignalingSession;
import io.github.ucmaworkbench.rtc.SignalingState;
import io.github.ucmaworkbench.rtc.SignalingStateChangedEventArgs;
import io.github.ucmaworkbench.rtc.SipAuthenticationProtocols;
import io.github.ucmaworkbench.rtc.SipCredentialCache;
import io.github.ucmaworkbench.rtc.SipEndpoint;
import io.github.ucmaworkbench.rtc.SipResponseData;
import io.github.ucmaworkbench.rtc.Workers;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

/**
 * What the tutorial's client and server managers share: signing in and out, hanging up, and
 * the {@code RecordProgress} / {@code Error} lines the window shows. The code between
 * {@code // region} and {@code // endregion} is what the lessons show.
 *
 * <p>Public methods never block: they start a Begin operation and return. They are
 * synchronized so that a double click, a lesson step and a script cannot interleave their state
 * checks (the lock is never held while waiting for the network). Callbacks and
 * events run on the API's worker threads; {@link #progress()} and {@link #changed()} handlers
 * must marshal to their UI thread themselves.
 */
public abstract class TutorialManager implements AutoCloseable {
    protected final Executor events = Workers.serial();
    private final Event<ProgressEventArgs> progress = new Event<>(events);
    private final Event<Object> changed = new Event<>(events);
    protected final EndpointSettings settings;
    protected volatile RealTimeConnectionManager connectionManager;
    protected volatile SipEndpoint endpoint;
    protected volatile SignalingSession session;
    private volatile PendingOperation pending;
    /** False: {@link #recordProgress} lines are not made at all (a daemon that prints failures only). */
    private volatile boolean newsWanted = true;
    private volatile Duration operationTimeout = SipEndpoint.DEFAULT_OPERATION_TIMEOUT;
    protected volatile HomeworkSeams homework = HomeworkSeams.NONE;
    /** Sessions this side asked to end: their DISCONNECTED is our own doing, not news from the far side. */
    private final Set<SignalingSession> endingHere = ConcurrentHashMap.newKeySet();

    protected TutorialManager(EndpointSettings settings) {
        this.settings = settings;
    }

    /** The progress log's lines, in order. */
    public Event<ProgressEventArgs> progress() {
        return progress;
    }

    /** Something the getters report changed; re-read them. */
    public Event<Object> changed() {
        return changed;
    }

    public EndpointSettings getSettings() {
        return settings;
    }

    /** Sets the timeout of the endpoints this manager creates from now on. */
    public void setOperationTimeout(Duration timeout) {
        operationTimeout = timeout;
    }

    /** The timeout of the signed-in endpoint, else of the endpoints this manager will create. */
    public Duration getOperationTimeout() {
        SipEndpoint current = endpoint;
        return current == null ? operationTimeout : current.getOperationTimeout();
    }

    public RegistrationState getRegistrationState() {
        SipEndpoint current = endpoint;
        return current == null ? RegistrationState.UNREGISTERED : current.getRegistrationState();
    }

    /** The state of the current session, or null when there is none. */
    public SignalingState getSessionState() {
        SignalingSession current = session;
        return current == null ? null : current.getState();
    }

    /** The operation waiting for the network, or null. */
    public PendingOperation getPending() {
        return pending;
    }

    /** The endpoint of the last sign-in, or null. */
    public SipEndpoint getEndpoint() {
        return endpoint;
    }

    protected abstract RealTimeConnectionManager createConnectionManager();

    /** Lets a student's homework replace parts of this manager's code (null = the tutorial's own). */
    public void setHomeworkSeams(HomeworkSeams seams) {
        homework = seams == null ? HomeworkSeams.NONE : seams;
    }

    public HomeworkSeams getHomeworkSeams() {
        return homework;
    }

    /** This manager's progress log, for homework that writes to it. */
    public ProgressSink progressSink() {
        return new ProgressSink() {
            @Override
            public void recordProgress(String format, Object... args) {
                TutorialManager.this.recordProgress(format, args);
            }

            @Override
            public void error(String format, Object... args) {
                TutorialManager.this.error(format, args);
            }
        };
    }

    /** Creates our SipEndpoint from the settings and signs it in (parts 3 and 6). */
    public synchronized void signIn() {
        signIn(settings);
    }

    // region sign-in
    /**
     * Signs in with {@code settings}: the saved ones, or once with other ones (a lesson's wrong
     * password or wrong host; the saved settings stay as they were).
     */
    public synchronized void signIn(EndpointSettings settings) {
        if (getRegistrationState() != RegistrationState.UNREGISTERED) {
            error("Already signed in (or signing in) as %s.", settings.uri());
            return;
        }
        recordProgress("Signing in as %s via %s.", settings.uri(), settings.serverHost());
        try {
            releaseEndpoint();
            connectionManager = createConnectionManager();
            endpoint = new SipEndpoint(settings.uri(),
                    settings.hasCredentials() ? SipAuthenticationProtocols.DIGEST : SipAuthenticationProtocols.NONE,
                    settings.transport(), settings.serverHost(), settings.serverPort(), true, connectionManager, null);
            endpoint.setOperationTimeout(operationTimeout);
            if (settings.hasCredentials()) {
                endpoint.getCredentialCache().add(SipCredentialCache.ANY_REALM,
                        new NetworkCredential(settings.userName(), settings.password()));
            }
            endpoint.registrationStateChanged().add((sender, e) -> fireChanged());
            endpointCreated(endpoint);
            if (homework.signIn() != null) {
                homework.signIn().signIn(endpoint);
                return;
            }
            startPending("Signing in");
            endpoint.beginRegister(this::registerCallback, endpoint);
        } catch (IllegalArgumentException | IllegalStateException e) {
            stopPending();
            error("Could not sign in: %s", e.getMessage());
        }
    }

    private void registerCallback(AsyncResult ar) {
        SipEndpoint registered = (SipEndpoint) ar.getAsyncState();
        stopPending();
        try {
            SipResponseData response = registered.endRegister(ar);
            recordProgress("Signed in successfully (%d %s).", response.getResponseCode(), response.getResponseText());
            signedIn();
        } catch (OperationTimeoutException e) {
            error("Signing in timed out: the server did not answer.");
        } catch (AuthenticationException e) {
            error("Signing in failed: the server refused our credentials (%s).", e.getMessage());
        } catch (FailureResponseException e) {
            if (e.getResponseData() != null) {
                error("Signing in failed: the server answered %d %s.",
                        e.getResponseData().getResponseCode(), e.getResponseData().getResponseText());
            } else {
                error("Signing in failed.");
            }
        } catch (ConnectionFailureException e) {
            error("Signing in failed: no connection to the server (%s).", e.getMessage());
        } catch (RealTimeException e) {
            error("Signing in failed: %s.", e.getMessage());
        }
    }
    // endregion

    // region sign-out
    /** Ends an open session first (part 7), then signs out (part 4). */
    public synchronized void signOut() {
        SipEndpoint current = endpoint;
        if (current == null || current.getRegistrationState() != RegistrationState.REGISTERED) {
            error("Not signed in, so there is nothing to sign out of.");
            return;
        }
        SignalingSession open = session;
        if (open != null && open.getState() != SignalingState.DISCONNECTED) {
            recordProgress("Ending the open session before signing out.");
            endingHere.add(open);
            open.beginTerminate(ar -> {
                endTerminateQuietly(open, ar);
                beginSignOut(current);
            }, open);
            return;
        }
        beginSignOut(current);
    }

    private void beginSignOut(SipEndpoint current) {
        recordProgress("Signing out.");
        startPending("Signing out");
        current.beginUnregister(this::unregisterCallback, current);
    }

    private void unregisterCallback(AsyncResult ar) {
        SipEndpoint unregistered = (SipEndpoint) ar.getAsyncState();
        stopPending();
        try {
            unregistered.endUnregister(ar);
            recordProgress("Signed out successfully.");
        } catch (RealTimeException e) {
            error("Signed out locally, but the server did not confirm: %s", e.getMessage());
        }
        signedOut();
    }
    // endregion

    // region terminate
    /** Hangs up: BYE when connected, CANCEL while the invite is still ringing (part 8). */
    public synchronized void hangUp() {
        SignalingSession current = session;
        if (current == null || current.getState() == SignalingState.DISCONNECTED) {
            error("There is no session to hang up.");
            return;
        }
        recordProgress("Ending the session with %s.", current.getRemoteParticipant().getUri());
        // Remember that we ended it: our own BYE also takes the session to DISCONNECTED.
        endingHere.add(current);
        if (homework.hangUp() != null) {
            homework.hangUp().hangUp(current);
            return;
        }
        current.beginTerminate(this::terminateCallback, current);
    }

    private void terminateCallback(AsyncResult ar) {
        SignalingSession ended = (SignalingSession) ar.getAsyncState();
        try {
            ended.endTerminate(ar);
            recordProgress("The session was ended.");
        } catch (RealTimeException e) {
            error("The session was ended locally; the other side did not confirm: %s", e.getMessage());
        }
    }
    // endregion

    // region session-state
    /**
     * Part 9: the other side hanging up shows up as a state change to DISCONNECTED. So does our
     * own hang-up, which {@link #hangUp()} noted in {@code endingHere}: only the side that did not
     * hang up reports the close.
     */
    protected void sessionStateChanged(Object sender, SignalingStateChangedEventArgs e) {
        SignalingSession changed = (SignalingSession) sender;
        if (e.getState() == SignalingState.DISCONNECTED) {
            boolean weEndedIt = endingHere.remove(changed);
            if (!weEndedIt && e.getPreviousState() == SignalingState.CONNECTED) {
                recordProgress("The session was closed by the other side (%s).", e.getReason());
            }
        }
        fireChanged();
    }
    // endregion

    /** A phone's hold or resume (a re-INVITE, answered 200 OK): news, not a failure; the session stays up. */
    private void remoteHoldChanged(Object sender, RemoteHoldChangedEventArgs e) {
        String who = ((SignalingSession) sender).getRemoteParticipant().getUri();
        if (e.isOnHold()) {
            recordProgress("%s put the call on hold (%s); the session stays connected.", who, e.getReason());
        } else {
            recordProgress("%s resumed the call.", who);
        }
    }

    private static void endTerminateQuietly(SignalingSession open, AsyncResult ar) {
        try {
            open.endTerminate(ar);
        } catch (RealTimeException e) {
            // Signing out goes on: the session is over locally either way.
        }
    }

    /**
     * One line per request the other side sent: a MESSAGE shows its text; INFO and UPDATE
     * (which carry no chat text) say what came and how it was answered.
     */
    protected void messageReceived(Object sender, MessageReceivedEventArgs e) {
        String method = e.getRequestData().getMethod();
        if ("UPDATE".equals(method)) {
            boolean offer = e.getBody().length > 0;
            recordProgress("UPDATE received in the session (%s); answered %s.", offer ? "with a new offer" : "without SDP",
                    e.getResponseCode() == 200 && offer ? "200 OK with our answer" : describeCode(e.getResponseCode()));
        } else if ("INFO".equals(method)) {
            recordProgress("INFO received in the session (%s, %d bytes); answered 200 OK.",
                    e.getContentType() == null ? "no body" : e.getContentType(), e.getBody().length);
        } else {
            recordProgress("Message received: %s", e.getTextBody());
        }
    }

    private static String describeCode(int code) {
        return switch (code) {
            case 200 -> "200 OK";
            case 488 -> "488 Not Acceptable Here";
            default -> String.valueOf(code);
        };
    }

    /** Hook: the endpoint exists, before it registers (the server subscribes to sessionReceived here). */
    protected void endpointCreated(SipEndpoint created) {
    }

    /** Hook: registration succeeded. */
    protected void signedIn() {
    }

    /** Hook: unregistering finished, successfully or not. */
    protected void signedOut() {
    }

    protected void adoptSession(SignalingSession next) {
        session = next;
        next.stateChanged().add((sender, e) -> {
            if (homework.stateChanged() != null) {
                homework.stateChanged().handle(sender, e);
                if (e.getState() == SignalingState.DISCONNECTED) {
                    endingHere.remove(next);
                }
                fireChanged();
            } else {
                sessionStateChanged(sender, e);
            }
        });
        next.remoteHoldChanged().add(this::remoteHoldChanged);
        fireChanged();
    }

    protected void startPending(String description) {
        startPending(description, operationTimeout);
    }

    /** An operation that waits longer than the operation timeout (a ringing callee). */
    protected void startPending(String description, Duration within) {
        pending = new PendingOperation(description, Instant.now().plus(within));
        fireChanged();
    }

    protected void stopPending() {
        pending = null;
        fireChanged();
    }

    protected void fireChanged() {
        changed.raise(this, this);
    }

    /**
     * Whether news lines ({@link #recordProgress}) are made at all; failure lines always are. A
     * headless server that prints failures only turns news off once it is serving: each line
     * was a format and a hand-off to a worker thread, three or four per call, that nobody read.
     */
    public void setNewsWanted(boolean wanted) {
        newsWanted = wanted;
    }

    /** The tutorial's {@code RecordProgress}: one line of news. */
    protected void recordProgress(String format, Object... args) {
        if (!newsWanted) {
            return;
        }
        progress.raise(this, new ProgressEventArgs(Instant.now(), ProgressLevel.INFO, String.format(Locale.ROOT, format, args)));
    }

    /** The tutorial's {@code Error}: one line that something failed. */
    protected void error(String format, Object... args) {
        progress.raise(this, new ProgressEventArgs(Instant.now(), ProgressLevel.ERROR, String.format(Locale.ROOT, format, args)));
    }

    private void releaseEndpoint() {
        SipEndpoint old = endpoint;
        if (old != null) {
            old.close();
        }
        RealTimeConnectionManager oldManager = connectionManager;
        if (oldManager != null) {
            oldManager.close();
        }
        endpoint = null;
        connectionManager = null;
    }

    /**
     * Ends the session, signs out (waiting about a second for the server) and releases the
     * ports, so closing the window is quick even when the server is gone.
     */
    @Override
    public void close() {
        SignalingSession open = session;
        session = null;
        if (open != null && open.getState() != SignalingState.DISCONNECTED) {
            endingHere.add(open);
            AsyncResult ar = open.beginTerminate(null, null);
            try {
                ar.waitForCompletion(Duration.ofMillis(500));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        releaseEndpoint();
        pending = null;
    }
}
