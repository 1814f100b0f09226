package io.github.ucmaworkbench.settings;

import java.time.Duration;
import java.util.Map;

/**
 * The client side: its endpoint, the server it sends its INVITE to, and how long that INVITE may
 * ring unanswered.
 *
 * @param endpoint           where and as whom the client signs in
 * @param ourServerUri       the SIP URI of the server endpoint the client calls
 * @param ringTimeoutSeconds how long the callee may ring before the client cancels (0 in an older
 *                           file: {@link #DEFAULT_RING_TIMEOUT_SECONDS})
 */
public record ClientSideSettings(SideSettings endpoint, String ourServerUri, int ringTimeoutSeconds) {
    public static final String DEFAULT_URI = "sip:client@example.com";
    public static final String DEFAULT_OUR_SERVER_URI = "sip:server@example.com";
    /** A minute: longer than anyone lets a phone ring, and than the "Ask me" dialog waits. */
    public static final int DEFAULT_RING_TIMEOUT_SECONDS = 60;

    /** With the default ring timeout. */
    public ClientSideSettings(SideSettings endpoint, String ourServerUri) {
        this(endpoint, ourServerUri, DEFAULT_RING_TIMEOUT_SECONDS);
    }

    public static ClientSideSettings defaults() {
        return new ClientSideSettings(SideSettings.defaults(DEFAULT_URI), DEFAULT_OUR_SERVER_URI,
                DEFAULT_RING_TIMEOUT_SECONDS);
    }

    /** The endpoint's problems; the "our server" URI and the ring timeout have their own. */
    public Map<SideSettings.Field, String> problems() {
        return endpoint.problems();
    }

    /** Why the "our server" URI cannot be used, or null. */
    public String ourServerUriProblem() {
        return SettingsValidation.sipUri(ourServerUri).orElse(null);
    }

    /** Why the ring timeout cannot be used, or null. */
    public String ringTimeoutProblem() {
        return SettingsValidation.ringTimeoutSeconds(ringTimeoutSeconds).orElse(null);
    }

    public boolean isValid() {
        return problems().isEmpty() && ourServerUriProblem() == null && ringTimeoutProblem() == null;
    }

    /** The ring timeout as the tutorial's client takes it. */
    public Duration ringTimeout() {
        return Duration.ofSeconds(ringTimeoutSeconds);
    }

    public ClientSideSettings withEndpoint(SideSettings newEndpoint) {
        return new ClientSideSettings(newEndpoint, ourServerUri, ringTimeoutSeconds);
    }

    public ClientSideSettings withRingTimeoutSeconds(int seconds) {
        return new ClientSideSettings(endpoint, ourServerUri, seconds);
    }
}
