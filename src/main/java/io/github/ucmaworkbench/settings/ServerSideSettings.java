package io.github.ucmaworkbench.settings;

/**
 * The server side: its endpoint, and how it answers an incoming INVITE.
 *
 * @param endpoint     where and as whom the server signs in
 * @param acceptPolicy the classroom demo's choice of answer
 */
public record ServerSideSettings(SideSettings endpoint, AcceptPolicySettings acceptPolicy) {
    public static final String DEFAULT_URI = "sip:server@example.com";

    public static ServerSideSettings defaults() {
        return new ServerSideSettings(SideSettings.defaults(DEFAULT_URI), AcceptPolicySettings.defaults());
    }

    public boolean isValid() {
        return endpoint.problems().isEmpty() && acceptPolicy.problem() == null;
    }

    public ServerSideSettings withEndpoint(SideSettings newEndpoint) {
        return new ServerSideSettings(newEndpoint, acceptPolicy);
    }

    public ServerSideSettings withAcceptPolicy(AcceptPolicySettings newPolicy) {
        return new ServerSideSettings(endpoint, newPolicy);
    }
}
