package io.github.ucmaworkbench.settings;

import io.github.ucmaworkbench.rtc.SipTransportType;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What one side (client or server) needs to sign in: its own SIP URI and where its registrar is.
 *
 * @param uri                 the endpoint's own SIP URI, {@code sip:user@host[:port]}
 * @param useEmbeddedRegistrar sign in to the registrar this process runs; {@code server} is then ignored
 * @param server              an external registrar as {@code host[:port]} (no port = the transport's default)
 * @param transport           TCP (UCMA's default), UDP or TLS
 * @param userName            digest user name, empty or null when the server asks for none
 * @param password            digest password, empty or null when the server asks for none
 */
public record SideSettings(String uri, boolean useEmbeddedRegistrar, String server, SipTransportType transport,
        String userName, String password) {

    /** The fields a dialog edits, so a reason can be shown next to the right one. */
    public enum Field { URI, SERVER, USER_NAME, PASSWORD }

    /** The embedded registrar's default address, also the external server field's starting text. */
    public static final String DEFAULT_SERVER = "127.0.0.1";

    public static SideSettings defaults(String uri) {
        return new SideSettings(uri, true, DEFAULT_SERVER, SipTransportType.TCP, "", "");
    }

    /** Every field's problem, empty when the settings can be used. */
    public Map<Field, String> problems() {
        Map<Field, String> problems = new EnumMap<>(Field.class);
        SettingsValidation.sipUri(uri).ifPresent(p -> problems.put(Field.URI, p));
        // Checked whatever is selected, since it is saved either way (issue 16: "host name with
        // spaces" was saved under the own registrar); only an empty one is fine while it is unused.
        if (!useEmbeddedRegistrar || !SettingsValidation.isBlank(server)) {
            SettingsValidation.hostPort(server).ifPresent(p -> problems.put(Field.SERVER, p));
        }
        boolean hasUser = !SettingsValidation.isBlank(userName);
        boolean hasPassword = password != null && !password.isEmpty();
        if (hasPassword && !hasUser) {
            problems.put(Field.USER_NAME, "A password needs a user name.");
        }
        return problems;
    }

    /** The server's host without the port. */
    public String serverHost() {
        String text = server == null ? "" : server.trim();
        if (text.startsWith("[")) {
            int close = text.indexOf(']');
            return close < 0 ? text : text.substring(0, close + 1);
        }
        int colon = text.indexOf(':');
        return colon < 0 ? text : text.substring(0, colon);
    }

    /** The server's port, 0 when none was given (the transport's default then applies). */
    public int serverPort() {
        String text = server == null ? "" : server.trim();
        int colon = text.startsWith("[") ? text.indexOf(':', Math.max(0, text.indexOf(']'))) : text.indexOf(':');
        if (colon < 0 || SettingsValidation.port(text.substring(colon + 1)).isPresent()) {
            return 0;
        }
        return Integer.parseInt(text.substring(colon + 1).trim());
    }

    /** The digest user name, or null when none is set (the form the tutorial managers take). */
    public String userNameOrNull() {
        return SettingsValidation.isBlank(userName) ? null : userName.trim();
    }

    /** The digest password, or null when none is set. */
    public String passwordOrNull() {
        return password == null || password.isEmpty() ? null : password;
    }

    /**
     * Fills what an older or hand-edited file left out. A wrong server saved by an older version
     * under the own registrar (where it was unused and unchecked) becomes the default again rather
     * than making the whole file unusable.
     */
    SideSettings withMissingFrom(SideSettings fallback) {
        boolean unusedAndWrong = useEmbeddedRegistrar && server != null && SettingsValidation.hostPort(server).isPresent();
        return new SideSettings(
                uri == null ? fallback.uri : uri.trim(),
                useEmbeddedRegistrar,
                server == null || unusedAndWrong ? fallback.server : server.trim(),
                transport == null ? fallback.transport : transport,
                userName == null ? "" : userName,
                password == null ? "" : password);
    }

    Optional<String> firstProblem(String side) {
        return problems().entrySet().stream().findFirst()
                .map(e -> side + " " + e.getKey().name().toLowerCase(Locale.ROOT).replace('_', ' ') + ": " + e.getValue());
    }
}
