package io.github.ucmaworkbench.trace;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks what must never reach a log, a trace view, an export or a screenshot: the digest
 * {@code response} and {@code cnonce} of Authorization headers. A digest response is no
 * password, but together with the nonce it allows an offline guess of a weak one.
 */
public final class Redaction {
    private static final Pattern AUTHORIZATION_LINE = Pattern.compile("(?im)^(?:Proxy-)?Authorization\\s*:[^\\r\\n]*");
    private static final Pattern SECRET = Pattern.compile("(?i)\\b(response|cnonce)(\\s*=\\s*\"?)[^\",\\s]*");

    private Redaction() {
    }

    /** {@code raw} with every digest response and cnonce replaced by {@code ****}. */
    public static String maskCredentials(String raw) {
        // Every traced message passes here: skip the regex unless a credential can be present.
        if (!raw.contains("uthorization") && !raw.contains("UTHORIZATION")) {
            return raw;
        }
        Matcher line = AUTHORIZATION_LINE.matcher(raw);
        if (!line.find()) {
            return raw;
        }
        StringBuilder out = new StringBuilder(raw.length());
        do {
            String masked = SECRET.matcher(line.group()).replaceAll("$1$2****");
            line.appendReplacement(out, Matcher.quoteReplacement(masked));
        } while (line.find());
        line.appendTail(out);
        return out.toString();
    }
}
