package io.github.ucmaworkbench.rtc;

import java.util.Locale;
import java.util.Objects;

/**
 * One SIP header, name and value; mirrors UCMA's {@code SignalingHeader}. Custom headers passed
 * to Begin methods are added to the outgoing message as they are.
 */
public final class SignalingHeader {
    /** Longest name or value we accept; UCMA also refuses over-long headers. */
    public static final int MAX_LENGTH = 8192;

    private final String name;
    private final String value;

    /**
     * @throws NullPointerException     if either is null (UCMA: ArgumentNullException)
     * @throws IllegalArgumentException if the name is not an RFC 3261 token, or the value holds a line break or is too long
     */
    public SignalingHeader(String name, String value) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        if (!isValidName(name)) {
            throw new IllegalArgumentException("not a valid SIP header name: \"" + name + "\"");
        }
        String reason = valueProblem(value);
        if (reason != null) {
            throw new IllegalArgumentException("header " + name + ": " + reason);
        }
        this.name = name;
        this.value = value.trim();
    }

    public String getName() {
        return name;
    }

    public String getValue() {
        return value;
    }

    /** Whether {@code name} is a valid header name (an RFC 3261 §25.1 token). */
    public static boolean isValidName(String name) {
        return name != null && name.length() <= MAX_LENGTH && isToken(name);
    }

    /** Why {@code value} cannot be a header value, or null when it can. */
    public static String valueProblem(String value) {
        if (value == null) {
            return "the value is missing";
        }
        if (value.length() > MAX_LENGTH) {
            return "the value is longer than " + MAX_LENGTH + " characters";
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\r' || c == '\n' || c == 0) {
                return "the value may not contain line breaks";
            }
        }
        return null;
    }

    static boolean isToken(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "-.!%*_+`'~".indexOf(c) >= 0;
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SignalingHeader h && h.name.equalsIgnoreCase(name) && h.value.equals(value);
    }

    @Override
    public int hashCode() {
        return name.toLowerCase(Locale.ROOT).hashCode() * 31 + value.hashCode();
    }

    @Override
    public String toString() {
        return name + ": " + value;
    }
}
