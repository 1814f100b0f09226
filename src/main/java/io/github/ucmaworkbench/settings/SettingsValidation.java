package io.github.ucmaworkbench.settings;

import io.github.ucmaworkbench.rtc.SignalingHeader;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules a setting must satisfy, each returning the human reason it fails (empty when the value
 * is fine). The settings dialog shows the reason next to the field as the user types; the store
 * uses the same rules when it reads a file.
 */
public final class SettingsValidation {
    /** Largest TCP/UDP port; 0 is not a port a user can type. */
    public static final int MAX_PORT = 65_535;

    // RFC 3261 section 25.1: user = 1*( unreserved / escaped / user-unreserved )
    private static final Pattern USER = Pattern.compile("(?:[A-Za-z0-9\\-_.!~*'()&=+$,;?/]|%[0-9A-Fa-f]{2})+");
    private static final Pattern HOST_NAME = Pattern.compile(
            "(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\\.)*[A-Za-z](?:[A-Za-z0-9-]*[A-Za-z0-9])?\\.?");
    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final Pattern IPV6_BODY = Pattern.compile("[0-9A-Fa-f:.]+");
    private static final Pattern DIGITS = Pattern.compile("\\d+");

    /** Headers the SIP stack writes itself; a custom value would break the dialog (RFC 3261 section 8.1.1). */
    private static final Set<String> STACK_HEADERS = Set.of("via", "v", "from", "f", "to", "t", "call-id", "i",
            "cseq", "max-forwards", "contact", "m", "content-length", "l", "content-type", "c", "route",
            "record-route");

    private SettingsValidation() {
    }

    /**
     * The embedded registrar's users file: empty is fine (no sign-in), otherwise it must be a
     * readable file of {@code name=password} lines; the reason names the line. Reads the file, so
     * call it off the event thread.
     */
    public static Optional<String> usersFile(String value) {
        if (isBlank(value)) {
            return Optional.empty();
        }
        Path path;
        try {
            path = Path.of(value.trim());
        } catch (InvalidPathException e) {
            return Optional.of("Not a file path: " + e.getReason() + ".");
        }
        if (Files.isDirectory(path)) {
            return Optional.of(path + " is a folder, not a file.");
        }
        try {
            int users = UsersFile.load(path).size();
            return users > 0 ? Optional.empty() : Optional.of(path + " names no users.");
        } catch (UsersFile.Problem e) {
            return Optional.of(e.getMessage());
        }
    }

    /** A field that must not be empty. */
    public static Optional<String> required(String value, String what) {
        return isBlank(value) ? Optional.of(what + " must not be empty.") : Optional.empty();
    }

    /** {@code sip:user@host[:port]}, the shape the tutorial's endpoints and session targets use. */
    public static Optional<String> sipUri(String value) {
        if (isBlank(value)) {
            return Optional.of("Enter a SIP URI such as sip:alice@example.com.");
        }
        String uri = value.trim();
        if (!uri.regionMatches(true, 0, "sip:", 0, 4)) {
            return Optional.of("A SIP URI starts with \"sip:\", as in sip:alice@example.com.");
        }
        String rest = uri.substring(4);
        int at = rest.lastIndexOf('@');
        if (at < 0) {
            return Optional.of("Add the user before an @, as in sip:alice@" + (rest.isEmpty() ? "example.com" : rest) + ".");
        }
        String user = rest.substring(0, at);
        if (user.isEmpty()) {
            return Optional.of("The user part before @ is empty.");
        }
        if (!USER.matcher(user).matches()) {
            return Optional.of("\"" + user + "\" has characters a SIP user part cannot hold (spaces, @, < or >).");
        }
        String hostPort = rest.substring(at + 1);
        if (hostPort.isEmpty()) {
            return Optional.of("Add the domain after @, as in sip:" + user + "@example.com.");
        }
        return hostPort(hostPort);
    }

    /** {@code host[:port]}: a host name, an IPv4 address or a bracketed IPv6 address, and a port 1–65535. */
    public static Optional<String> hostPort(String value) {
        if (isBlank(value)) {
            return Optional.of("Enter a host, optionally with :port, such as 127.0.0.1:5060.");
        }
        String text = value.trim();
        String host;
        String port = null;
        if (text.startsWith("[")) {
            int close = text.indexOf(']');
            if (close < 0) {
                return Optional.of("An IPv6 address needs its closing ].");
            }
            host = text.substring(0, close + 1);
            String after = text.substring(close + 1);
            if (!after.isEmpty()) {
                if (!after.startsWith(":")) {
                    return Optional.of("After the IPv6 address only :port may follow.");
                }
                port = after.substring(1);
            }
        } else {
            int colon = text.indexOf(':');
            if (colon >= 0 && text.indexOf(':', colon + 1) >= 0) {
                return Optional.of("Put an IPv6 address in brackets, as in [::1]:5060.");
            }
            host = colon < 0 ? text : text.substring(0, colon);
            port = colon < 0 ? null : text.substring(colon + 1);
        }
        Optional<String> hostProblem = host(host);
        if (hostProblem.isPresent()) {
            return hostProblem;
        }
        return port == null ? Optional.empty() : port(port);
    }

    /** A host name, IPv4 address or bracketed IPv6 address, without a port. */
    public static Optional<String> host(String value) {
        if (isBlank(value)) {
            return Optional.of("The host is empty.");
        }
        String host = value.trim();
        if (host.startsWith("[")) {
            boolean ok = host.endsWith("]") && host.length() > 2
                    && IPV6_BODY.matcher(host.substring(1, host.length() - 1)).matches() && host.contains(":");
            return ok ? Optional.empty() : Optional.of("\"" + host + "\" is not an IPv6 address.");
        }
        var ipv4 = IPV4.matcher(host);
        if (ipv4.matches()) {
            for (int i = 1; i <= 4; i++) {
                if (Integer.parseInt(ipv4.group(i)) > 255) {
                    return Optional.of("\"" + host + "\" is not an IPv4 address: each part is 0–255.");
                }
            }
            return Optional.empty();
        }
        if (!HOST_NAME.matcher(host).matches()) {
            return Optional.of("\"" + host + "\" is not a host name or IP address.");
        }
        return Optional.empty();
    }

    /** A port typed as text: digits, 1–65535. */
    public static Optional<String> port(String value) {
        if (isBlank(value)) {
            return Optional.of("The port after : is empty.");
        }
        String port = value.trim();
        if (!DIGITS.matcher(port).matches() || port.length() > 5 || Integer.parseInt(port) < 1
                || Integer.parseInt(port) > MAX_PORT) {
            return Optional.of("Port \"" + port + "\" must be a number from 1 to " + MAX_PORT + ".");
        }
        return Optional.empty();
    }

    /** A custom header's name: an RFC 3261 token that the stack does not write itself. */
    public static Optional<String> headerName(String value) {
        if (isBlank(value)) {
            return Optional.of("The header name is empty.");
        }
        String name = value.trim();
        if (!SignalingHeader.isValidName(name)) {
            return Optional.of("\"" + name + "\" is not a header name: letters, digits and - . ! % * _ + ` ' ~ only.");
        }
        if (STACK_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
            return Optional.of(name + " is written by the SIP stack; choose another header.");
        }
        return Optional.empty();
    }

    /** A custom header's value: any text on one line. */
    public static Optional<String> headerValue(String value) {
        if (value == null) {
            return Optional.of("The header value is missing.");
        }
        if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
            return Optional.of("A header value must fit on one line.");
        }
        return Optional.empty();
    }

    /** A final response code a server may send to refuse an INVITE (RFC 3261 section 21: 3xx–6xx). */
    public static Optional<String> rejectionCode(int code) {
        if (code < 300 || code > 699) {
            return Optional.of("A rejection code is from 300 to 699 (for example 486 Busy Here).");
        }
        return Optional.empty();
    }

    /** Shortest and longest time "Ask me" gives the person, in seconds (the policy box's spinner has the same bounds). */
    public static final int MIN_ASK_SECONDS = 1;
    public static final int MAX_ASK_SECONDS = 120;

    /** How long the "Ask me" dialog waits before it declines by itself. */
    public static Optional<String> askTimeoutSeconds(int seconds) {
        if (seconds < MIN_ASK_SECONDS || seconds > MAX_ASK_SECONDS) {
            return Optional.of("The answer time is from " + MIN_ASK_SECONDS + " to " + MAX_ASK_SECONDS + " seconds.");
        }
        return Optional.empty();
    }

    /** Shortest and longest ring timeout the client accepts, in seconds. */
    public static final int MIN_RING_TIMEOUT_SECONDS = 1;
    public static final int MAX_RING_TIMEOUT_SECONDS = 180;

    /**
     * How long the client lets an INVITE ring before it cancels: 1 s (a quick demo of the
     * cancel) to 3 minutes. A proxy may give up on a ringing INVITE just after 3 minutes (RFC 3261
     * §16.6 step 11, Timer C), and our registrar forgets a pending INVITE then, so a longer ring
     * timeout could never be reached, or its CANCEL could no longer be matched.
     */
    public static Optional<String> ringTimeoutSeconds(int seconds) {
        if (seconds < MIN_RING_TIMEOUT_SECONDS || seconds > MAX_RING_TIMEOUT_SECONDS) {
            return Optional.of("The ring timeout is from " + MIN_RING_TIMEOUT_SECONDS + " to "
                    + MAX_RING_TIMEOUT_SECONDS + " seconds.");
        }
        return Optional.empty();
    }

    /** {@link #ringTimeoutSeconds(int)} for text typed in a field: digits only. */
    public static Optional<String> ringTimeoutSeconds(String text) {
        String value = text == null ? "" : text.trim();
        if (!DIGITS.matcher(value).matches() || value.length() > 4) {
            return Optional.of("Enter the ring timeout in whole seconds, " + MIN_RING_TIMEOUT_SECONDS + " to "
                    + MAX_RING_TIMEOUT_SECONDS + ".");
        }
        return ringTimeoutSeconds(Integer.parseInt(value));
    }

    static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
