package io.github.ucmaworkbench.tutorial;

import io.github.ucmaworkbench.rtc.SipTransportType;

/**
 * What one side needs to sign in: our URI, the server to sign in to, the transport, and
 * optional digest credentials.
 *
 * @param serverPort 0 = the transport's default port
 * @param userName   null or empty = no credentials
 */
public record EndpointSettings(String uri, String serverHost, int serverPort, SipTransportType transport,
        String userName, String password) {

    public boolean hasCredentials() {
        return userName != null && !userName.isBlank();
    }

    @Override
    public String toString() {
        // Never the password: settings end up in logs.
        return "EndpointSettings[" + uri + " via " + serverHost + ":" + serverPort + "/" + transport
                + (hasCredentials() ? ", user " + userName : "") + "]";
    }
}
