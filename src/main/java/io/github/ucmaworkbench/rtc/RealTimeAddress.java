package io.github.ucmaworkbench.rtc;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/** The SIP URI a session targets; mirrors UCMA's {@code RealTimeAddress}. */
public final class RealTimeAddress {
    private static final Pattern SIP_URI = Pattern.compile("(?i)sips?:([^@\\s;?]+@)?[A-Za-z0-9.\\-\\[\\]:]+(;[^\\s]*)?");

    private final String uri;

    /** @throws IllegalArgumentException if {@code uri} is not a {@code sip:} URI */
    public RealTimeAddress(String uri) {
        Objects.requireNonNull(uri, "uri");
        String reason = uriProblem(uri);
        if (reason != null) {
            throw new IllegalArgumentException(reason);
        }
        this.uri = uri.trim();
    }

    public String getUri() {
        return uri;
    }

    /** Why {@code uri} is not a usable SIP URI, or null if it is. */
    public static String uriProblem(String uri) {
        if (uri == null || uri.isBlank()) {
            return "a SIP URI is required, e.g. sip:server@example.com";
        }
        if (!SIP_URI.matcher(uri.trim()).matches()) {
            return "\"" + uri + "\" is not a SIP URI (expected sip:user@host)";
        }
        return null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RealTimeAddress a && a.uri.equalsIgnoreCase(uri);
    }

    @Override
    public int hashCode() {
        return uri.toLowerCase(Locale.ROOT).hashCode();
    }

    @Override
    public String toString() {
        return uri;
    }
}
