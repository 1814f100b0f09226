package io.github.ucmaworkbench.app.settings;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Everything the workbench remembers between runs: both sides, the theme and the font size.
 * Immutable; a change makes a new value (so a dialog's Cancel simply drops its copy).
 *
 * @param version          file format version, {@link #CURRENT_VERSION}
 * @param client           the client side
 * @param server           the server side
 * @param theme            light or dark
 * @param presentationFont larger fonts for a projector
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record WorkbenchSettings(int version, ClientSideSettings client, ServerSideSettings server, Theme theme,
        boolean presentationFont) {

    public static final int CURRENT_VERSION = 1;

    public static WorkbenchSettings defaults() {
        return new WorkbenchSettings(CURRENT_VERSION, ClientSideSettings.defaults(), ServerSideSettings.defaults(),
                Theme.LIGHT, false);
    }

    public WorkbenchSettings withClient(ClientSideSettings newClient) {
        return new WorkbenchSettings(version, newClient, server, theme, presentationFont);
    }

    public WorkbenchSettings withServer(ServerSideSettings newServer) {
        return new WorkbenchSettings(version, client, newServer, theme, presentationFont);
    }

    public WorkbenchSettings withTheme(Theme newTheme) {
        return new WorkbenchSettings(version, client, server, newTheme, presentationFont);
    }

    public WorkbenchSettings withPresentationFont(boolean on) {
        return new WorkbenchSettings(version, client, server, theme, on);
    }

    /** Fills what an older or hand-edited file left out with the defaults. */
    WorkbenchSettings withMissingFromDefaults() {
        WorkbenchSettings d = defaults();
        ClientSideSettings c = client == null ? d.client
                : new ClientSideSettings(
                        c(client.endpoint(), d.client.endpoint()),
                        client.ourServerUri() == null ? d.client.ourServerUri() : client.ourServerUri().trim());
        ServerSideSettings s = server == null ? d.server
                : new ServerSideSettings(
                        c(server.endpoint(), d.server.endpoint()),
                        server.acceptPolicy() == null ? d.server.acceptPolicy()
                                : server.acceptPolicy().withMissingFrom(d.server.acceptPolicy()));
        return new WorkbenchSettings(CURRENT_VERSION, c, s, theme == null ? d.theme : theme, presentationFont);
    }

    private static SideSettings c(SideSettings read, SideSettings fallback) {
        return read == null ? fallback : read.withMissingFrom(fallback);
    }

    /** The first reason these settings cannot be used, or null. */
    String firstProblem() {
        return client.endpoint().firstProblem("Client")
                .or(() -> java.util.Optional.ofNullable(client.ourServerUriProblem()).map(p -> "Client our server: " + p))
                .or(() -> server.endpoint().firstProblem("Server"))
                .or(() -> java.util.Optional.ofNullable(server.acceptPolicy().problem()).map(p -> "Server accept policy: " + p))
                .orElse(null);
    }
}
