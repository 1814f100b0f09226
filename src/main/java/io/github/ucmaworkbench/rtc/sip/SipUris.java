package io.github.ucmaworkbench.rtc.sip;

import java.util.Locale;

/** Small helpers on SIP URI strings; the stack's parser is used where a message is built. */
public final class SipUris {
    private SipUris() {
    }

    /** The user part of {@code sip:user@host}, or null. */
    public static String user(String uri) {
        String rest = stripScheme(uri);
        int at = rest.indexOf('@');
        return at < 0 ? null : rest.substring(0, at);
    }

    /** The host part of {@code sip:user@host:port;params}, lower case. */
    public static String host(String uri) {
        String rest = stripScheme(uri);
        int at = rest.indexOf('@');
        rest = at < 0 ? rest : rest.substring(at + 1);
        int end = rest.length();
        for (char stop : new char[] {';', '?', '>'}) {
            int i = rest.indexOf(stop);
            if (i >= 0) {
                end = Math.min(end, i);
            }
        }
        rest = rest.substring(0, end);
        if (rest.startsWith("[")) {
            int close = rest.indexOf(']');
            return rest.substring(0, close + 1).toLowerCase(Locale.ROOT);
        }
        int colon = rest.indexOf(':');
        return (colon < 0 ? rest : rest.substring(0, colon)).toLowerCase(Locale.ROOT);
    }

    /** {@code user@host} without scheme or parameters: the key of an address of record. */
    public static String addressOfRecord(String uri) {
        String user = user(uri);
        return (user == null ? "" : user.toLowerCase(Locale.ROOT) + "@") + host(uri);
    }

    /** An IPv6 literal gets brackets, as a URI needs. */
    public static String hostForUri(String host) {
        return host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    private static String stripScheme(String uri) {
        String s = uri.trim();
        if (s.startsWith("<")) {
            s = s.substring(1);
        }
        int colon = s.indexOf(':');
        String scheme = colon < 0 ? "" : s.substring(0, colon).toLowerCase(Locale.ROOT);
        return scheme.equals("sip") || scheme.equals("sips") ? s.substring(colon + 1) : s;
    }
}
