package io.github.ucmaworkbench.settings;

import io.github.ucmaworkbench.settings.ClientSideSettings;
import io.github.ucmaworkbench.settings.SettingsValidation;
import io.github.ucmaworkbench.settings.SideSettings;
import io.github.ucmaworkbench.settings.WorkbenchSettings;
import io.github.ucmaworkbench.rtc.SipTransportType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The classroom settings a teacher shares so a student's window signs in to the teacher's
 * registrar in one step: where the registrar listens, the SIP domain, the transport, and for TLS
 * the SHA-256 fingerprint of the teacher's certificate (so the student can compare it with the
 * projector). Plain, validated, no Swing; {@link ClassroomShareFormat} writes and reads it.
 *
 * @param version        {@link #CURRENT_VERSION}; a newer one is refused, never half-read
 * @param registrarHost  the teacher's LAN address
 * @param registrarPort  the registrar's port (1-65535)
 * @param domain         the SIP domain the registrar serves (student URIs move to it)
 * @param transport      TCP, UDP or TLS
 * @param tlsFingerprint SHA-256 of the teacher's certificate, colon-separated upper-case hex;
 *                       required for TLS, empty otherwise
 */
public record ClassroomShare(int version, String registrarHost, int registrarPort, String domain,
        SipTransportType transport, String tlsFingerprint) {

    public static final int CURRENT_VERSION = 1;

    private static final Pattern FINGERPRINT = Pattern.compile("([0-9A-F]{2}:){31}[0-9A-F]{2}");
    private static final Pattern HEX64 = Pattern.compile("[0-9A-F]{64}");

    /** Why shared classroom settings cannot be used; the message is one sentence for the student. */
    public static final class Problem extends Exception {
        private static final long serialVersionUID = 1L;

        public Problem(String message) {
            super(message);
        }
    }

    /** One line of "what will change": the setting, its value now, its value after joining. */
    public record Change(String what, String before, String after) {
    }

    /** A share as the teacher's window makes it (fingerprint normalized), validated. */
    public static ClassroomShare of(String host, int port, String domain, SipTransportType transport,
            String fingerprint) throws Problem {
        ClassroomShare share = new ClassroomShare(CURRENT_VERSION, host == null ? null : host.trim(), port,
                domain == null ? null : domain.trim(), transport, normalizeFingerprint(fingerprint));
        share.check();
        return share;
    }

    /** Throws the first reason this share cannot be used. */
    public void check() throws Problem {
        if (version > CURRENT_VERSION) {
            throw new Problem("These classroom settings are format " + version + ", from a newer workbench; this one reads "
                    + "format " + CURRENT_VERSION + ". Update the workbench, or ask the teacher for the text again.");
        }
        if (version < 1) {
            throw new Problem("These classroom settings have no valid format version.");
        }
        if (registrarHost == null || registrarHost.isBlank()) {
            throw new Problem("These classroom settings name no registrar address.");
        }
        if (registrarPort < 1 || registrarPort > SettingsValidation.MAX_PORT) {
            throw new Problem("The registrar port " + registrarPort + " is not a port (1-65535).");
        }
        String hostProblem = SettingsValidation.hostPort(server()).orElse(null);
        if (hostProblem != null) {
            throw new Problem("The registrar address \"" + registrarHost + "\" cannot be used: " + hostProblem);
        }
        if (domain == null || domain.isBlank()
                || SettingsValidation.sipUri("sip:student@" + domain).isPresent()) {
            throw new Problem("The SIP domain \"" + (domain == null ? "" : domain) + "\" is not a host name.");
        }
        if (transport == null) {
            throw new Problem("These classroom settings name no transport (TCP, UDP or TLS).");
        }
        if (transport == SipTransportType.TLS && !FINGERPRINT.matcher(tlsFingerprint == null ? "" : tlsFingerprint).matches()) {
            throw new Problem("For TLS the classroom settings must carry the teacher's certificate fingerprint"
                    + " (SHA-256, 32 bytes in hex); this one has \"" + (tlsFingerprint == null ? "" : tlsFingerprint) + "\".");
        }
    }

    /** host:port as the side settings' server field holds it (IPv6 in brackets). */
    public String server() {
        String host = registrarHost.contains(":") && !registrarHost.startsWith("[") ? "[" + registrarHost + "]" : registrarHost;
        return host + ":" + registrarPort;
    }

    /**
     * The student's settings after joining: the client signs in to the teacher's registrar over the
     * shared transport, its own URI and the server it calls move to the class's domain (the user
     * parts stay). The server side is left alone: the teacher's server is the one students call.
     */
    public WorkbenchSettings applyTo(WorkbenchSettings current) {
        ClientSideSettings client = current.client();
        SideSettings e = client.endpoint();
        SideSettings joined = new SideSettings(withDomain(e.uri()), false, server(), transport, e.userName(), e.password());
        return current.withClient(new ClientSideSettings(joined, withDomain(client.ourServerUri()),
                client.ringTimeoutSeconds()));
    }

    /** What {@link #applyTo} changes, in words, for the confirmation; empty when nothing would. */
    public List<Change> changes(WorkbenchSettings current) {
        WorkbenchSettings after = applyTo(current);
        SideSettings b = current.client().endpoint();
        SideSettings a = after.client().endpoint();
        List<Change> changes = new ArrayList<>();
        add(changes, "Client URI", b.uri(), a.uri());
        add(changes, "Client signs in to", b.useEmbeddedRegistrar() ? "this window's registrar (" + b.server() + ")" : b.server(),
                a.server());
        add(changes, "Transport", b.transport().name(), a.transport().name());
        add(changes, "Our server (the client calls)", current.client().ourServerUri(), after.client().ourServerUri());
        return changes;
    }

    private static void add(List<Change> changes, String what, String before, String after) {
        if (!before.equals(after)) {
            changes.add(new Change(what, before, after));
        }
    }

    private String withDomain(String uri) {
        int at = uri.indexOf('@');
        int colon = uri.indexOf(':');
        String user = at >= 0 ? uri.substring(colon + 1, at) : "student";
        String scheme = uri.startsWith("sips:") ? "sips:" : "sip:";
        return scheme + user + "@" + domain;
    }

    /** Upper-case colon-separated form of a fingerprint given with or without colons; "" for none. */
    public static String normalizeFingerprint(String fingerprint) {
        if (fingerprint == null) {
            return "";
        }
        String hex = fingerprint.trim().toUpperCase(Locale.ROOT).replace(":", "").replace(" ", "");
        if (!HEX64.matcher(hex).matches()) {
            return fingerprint.trim();
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < hex.length(); i += 2) {
            out.append(i == 0 ? "" : ":").append(hex, i, i + 2);
        }
        return out.toString();
    }
}
