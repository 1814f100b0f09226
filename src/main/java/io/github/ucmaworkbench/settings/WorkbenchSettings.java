package io.github.ucmaworkbench.settings;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Everything the workbench remembers between runs: both sides, the theme and the font size.
 * Immutable; a change makes a new value (so a dialog's Cancel simply drops its copy).
 *
 * @param version          file format version, {@link #CURRENT_VERSION}
 * @param client           the client side
 * @param server           the server side
 * @param theme            light or dark
 * @param presentationFont larger fonts for a projector
 * @param registrarUsersFile the embedded registrar's users file ({@code name=password} lines); empty
 *                         or null: the embedded registrar asks nobody to sign in with a password
 * @param window           where the window was and how its panes were split (never makes the file unusable)
 */
public record WorkbenchSettings(int version, ClientSideSettings client, ServerSideSettings server, Theme theme,
        boolean presentationFont, String registrarUsersFile, WindowLayout window) {

    public static final int CURRENT_VERSION = 1;

    public static WorkbenchSettings defaults() {
        return new WorkbenchSettings(CURRENT_VERSION, ClientSideSettings.defaults(), ServerSideSettings.defaults(),
                Theme.LIGHT, false, "", WindowLayout.UNSET);
    }

    public WorkbenchSettings withClient(ClientSideSettings newClient) {
        return new WorkbenchSettings(version, newClient, server, theme, presentationFont, registrarUsersFile, window);
    }

    public WorkbenchSettings withServer(ServerSideSettings newServer) {
        return new WorkbenchSettings(version, client, newServer, theme, presentationFont, registrarUsersFile, window);
    }

    public WorkbenchSettings withTheme(Theme newTheme) {
        return new WorkbenchSettings(version, client, server, newTheme, presentationFont, registrarUsersFile, window);
    }

    public WorkbenchSettings withPresentationFont(boolean on) {
        return new WorkbenchSettings(version, client, server, theme, on, registrarUsersFile, window);
    }

    /** With another users file for the embedded registrar (empty: none). */
    public WorkbenchSettings withRegistrarUsersFile(String path) {
        return new WorkbenchSettings(version, client, server, theme, presentationFont, path == null ? "" : path.trim(), window);
    }

    /** With the window's place and dividers as it closed. */
    public WorkbenchSettings withWindow(WindowLayout newWindow) {
        return new WorkbenchSettings(version, client, server, theme, presentationFont, registrarUsersFile,
                newWindow == null ? WindowLayout.UNSET : newWindow);
    }

    /** The users file as a path, or null when none is set. */
    public Path registrarUsersPath() {
        return registrarUsersFile == null || registrarUsersFile.isBlank() ? null : Path.of(registrarUsersFile.trim());
    }

    /** Fills what an older or hand-edited file left out with the defaults. */
    public WorkbenchSettings withMissingFromDefaults() {
        WorkbenchSettings d = defaults();
        ClientSideSettings c = client == null ? d.client
                : new ClientSideSettings(
                        c(client.endpoint(), d.client.endpoint()),
                        client.ourServerUri() == null ? d.client.ourServerUri() : client.ourServerUri().trim(),
                        client.ringTimeoutSeconds() == 0 ? d.client.ringTimeoutSeconds() : client.ringTimeoutSeconds());
        ServerSideSettings s = server == null ? d.server
                : new ServerSideSettings(
                        c(server.endpoint(), d.server.endpoint()),
                        server.acceptPolicy() == null ? d.server.acceptPolicy()
                                : server.acceptPolicy().withMissingFrom(d.server.acceptPolicy()));
        return new WorkbenchSettings(CURRENT_VERSION, c, s, theme == null ? d.theme : theme, presentationFont,
                registrarUsersFile == null ? "" : registrarUsersFile.trim(), window == null ? WindowLayout.UNSET : window);
    }

    private static SideSettings c(SideSettings read, SideSettings fallback) {
        return read == null ? fallback : read.withMissingFrom(fallback);
    }

    /** The first reason these settings cannot be used, or null. */
    public String firstProblem() {
        return client.endpoint().firstProblem("Client")
                .or(() -> Optional.ofNullable(client.ourServerUriProblem()).map(p -> "Client our server: " + p))
                .or(() -> Optional.ofNullable(client.ringTimeoutProblem()).map(p -> "Client ring timeout: " + p))
                .or(() -> server.endpoint().firstProblem("Server"))
                .or(() -> Optional.ofNullable(server.acceptPolicy().problem()).map(p -> "Server accept policy: " + p))
                .orElse(null);
    }
}
