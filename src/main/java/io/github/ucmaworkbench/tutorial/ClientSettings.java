package io.github.ucmaworkbench.tutorial;

import io.github.ucmaworkbench.rtc.SipEndpoint;
import java.time.Duration;

/**
 * The client's settings: its own, plus "our server", the SIP URI the INVITE goes to, and how long
 * the INVITE may ring unanswered before the client cancels it.
 *
 * @param ringTimeout null = {@link SipEndpoint#DEFAULT_RING_TIMEOUT}
 */
public record ClientSettings(EndpointSettings endpoint, String ourServerUri, Duration ringTimeout) {
    public ClientSettings {
        if (ringTimeout == null) {
            ringTimeout = SipEndpoint.DEFAULT_RING_TIMEOUT;
        }
    }

    /** With the default ring timeout. */
    public ClientSettings(EndpointSettings endpoint, String ourServerUri) {
        this(endpoint, ourServerUri, null);
    }
}
