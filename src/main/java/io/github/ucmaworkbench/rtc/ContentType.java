package io.github.ucmaworkbench.rtc;

import java.util.Locale;
import java.util.Objects;

/**
 * A MIME content type such as {@code text/plain; charset=utf-8}; stands in for .NET's
 * {@code System.Net.Mime.ContentType} in the API's signatures.
 */
public final class ContentType {
    public static final ContentType TEXT_PLAIN = new ContentType("text/plain; charset=utf-8");
    public static final ContentType SDP = new ContentType("application/sdp");

    private final String type;
    private final String subType;
    private final String parameters;

    /** Parses {@code type/subtype[; params]}; a malformed value gives {@link IllegalArgumentException}. */
    public ContentType(String value) {
        Objects.requireNonNull(value, "value");
        int semicolon = value.indexOf(';');
        String mediaType = (semicolon < 0 ? value : value.substring(0, semicolon)).trim();
        int slash = mediaType.indexOf('/');
        if (slash <= 0 || slash == mediaType.length() - 1
                || !SignalingHeader.isToken(mediaType.substring(0, slash))
                || !SignalingHeader.isToken(mediaType.substring(slash + 1))) {
            throw new IllegalArgumentException("not a content type: " + value);
        }
        type = mediaType.substring(0, slash).toLowerCase(Locale.ROOT);
        subType = mediaType.substring(slash + 1).toLowerCase(Locale.ROOT);
        parameters = semicolon < 0 ? "" : value.substring(semicolon + 1).trim();
    }

    public String getMediaType() {
        return type + "/" + subType;
    }

    public String getType() {
        return type;
    }

    public String getSubType() {
        return subType;
    }

    /** What follows the media type, e.g. {@code charset=utf-8}; empty when nothing does. */
    public String getParameters() {
        return parameters;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ContentType other && other.toString().equalsIgnoreCase(toString());
    }

    @Override
    public int hashCode() {
        return toString().toLowerCase(Locale.ROOT).hashCode();
    }

    @Override
    public String toString() {
        return parameters.isEmpty() ? getMediaType() : getMediaType() + "; " + parameters;
    }
}
