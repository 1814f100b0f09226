package io.github.ucmaworkbench.settings;

import java.util.Map;

/**
 * The client side: its endpoint, and the server it sends its INVITE to.
 *
 * @param endpoint     where and as whom the client signs in
 * @param ourServerUri the SIP URI of the server endpoint the client calls
 */
public record ClientSideSettings(SideSettings endpoint, String ourServerUri) {
    public static final String DEFAULT_URI = "sip:client@example.com";
    public static final String DEFAULT_OUR_SERVER_URI = "sip:server@example.com";

    public static ClientSideSettings defaults() {
        return new ClientSideSettings(SideSettings.defaults(DEFAULT_URI), DEFAULT_OUR_SERVER_URI);
    }

    /** The endpoint's problems; the "our server" URI has its own {@link #ourServerUriProblem()}. */
    public Map<SideSettings.Field, String> problems() {
        return endpoint.problems();
    }

    /** Why the "our server" URI cannot be used, or null. */
    public String ourServerUriProblem() {
        return SettingsValidation.sipUri(ourServerUri).orElse(null);
    }

    public boolean isValid() {
        return problems().isEmpty() && ourServerUriProblem() == null;
    }

    public ClientSideSettings withEndpoint(SideSettings newEndpoint) {
        return new ClientSideSettings(newEndpoint, ourServerUri);
    }
}
