package io.github.ucmaworkbench.rtc.sip;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Computes digest credentials for a challenge (RFC 3261 §22, RFC 7616 for the computation,
 * RFC 8760 for SHA-256 in SIP). JAIN-SIP's own helper knows only MD5; this one prefers
 * SHA-256 when a server offers both, as RFC 8760 §2.4 asks.
 */
public final class DigestClient {
    private static final SecureRandom RANDOM = new SecureRandom();

    private DigestClient() {
    }

    /** One parsed {@code WWW-Authenticate} / {@code Proxy-Authenticate} Digest challenge. */
    public record Challenge(String realm, String nonce, String algorithm, String qop, String opaque) {
        /** Parses {@code Digest realm="...", nonce="...", ...}; null when it is not a Digest challenge. */
        public static Challenge parse(String headerValue) {
            String value = headerValue.trim();
            if (!value.regionMatches(true, 0, "Digest", 0, 6)) {
                return null;
            }
            Map<String, String> params = params(value.substring(6));
            String algorithm = params.getOrDefault("algorithm", "MD5");
            return new Challenge(params.get("realm"), params.get("nonce"), algorithm, params.get("qop"), params.get("opaque"));
        }

        /** Whether we can answer it: MD5 or SHA-256, plain or -sess. */
        public boolean isSupported() {
            return realm != null && nonce != null && javaAlgorithm(algorithm) != null
                    && printable(realm) && printable(nonce) && printable(qop) && printable(opaque);
        }

        /**
         * Realm, nonce and opaque are copied into our Authorization header: a control character
         * in them (RFC 7616's quoted-string allows none) would break, or inject into, our request.
         * Found by DigestChallengeFuzzTest.
         */
        private static boolean printable(String value) {
            return value == null || value.chars().noneMatch(c -> c < 0x20 || c == 0x7f || c == '"');
        }

        /** How much we prefer it: SHA-256 over MD5 (RFC 8760 §2.4). */
        int strength() {
            return algorithm.toUpperCase(Locale.ROOT).startsWith("SHA-256") ? 2 : 1;
        }
    }

    /**
     * True when a challenge says {@code stale=true} (RFC 7616 §3.3): the credentials were right but
     * the nonce had expired, so the client answers the new nonce without asking its user again.
     */
    public static boolean isStale(String headerValue) {
        String value = headerValue.trim();
        return value.regionMatches(true, 0, "Digest", 0, 6)
                && "true".equalsIgnoreCase(params(value.substring(6)).get("stale"));
    }

    /** The stronger of two challenges we can answer (either may be null). */
    public static Challenge stronger(Challenge a, Challenge b) {
        if (a == null || !a.isSupported()) {
            return b != null && b.isSupported() ? b : null;
        }
        if (b == null || !b.isSupported()) {
            return a;
        }
        return b.strength() > a.strength() ? b : a;
    }

    /** The Authorization header value answering {@code challenge} for {@code method} on {@code uri}. */
    public static String authorization(Challenge challenge, String user, String password, String method, String uri) {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        return authorization(challenge, user, password, method, uri, HexFormat.of().formatHex(bytes), 1);
    }

    /** Deterministic form for tests: a given client nonce and nonce count. */
    static String authorization(Challenge challenge, String user, String password, String method, String uri,
            String cnonce, int nonceCount) {
        String algorithm = challenge.algorithm();
        String hash = javaAlgorithm(algorithm);
        if (hash == null) {
            throw new IllegalArgumentException("unsupported digest algorithm " + algorithm);
        }
        boolean qopAuth = challenge.qop() != null && containsToken(challenge.qop(), "auth");
        String nc = String.format(Locale.ROOT, "%08x", nonceCount);
        String ha1 = h(hash, user + ":" + challenge.realm() + ":" + password);
        if (algorithm.toLowerCase(Locale.ROOT).endsWith("-sess")) {
            ha1 = h(hash, ha1 + ":" + challenge.nonce() + ":" + cnonce);
        }
        String ha2 = h(hash, method + ":" + uri);
        String response = qopAuth
                ? h(hash, ha1 + ":" + challenge.nonce() + ":" + nc + ":" + cnonce + ":auth:" + ha2)
                : h(hash, ha1 + ":" + challenge.nonce() + ":" + ha2);
        StringBuilder value = new StringBuilder("Digest username=\"").append(user)
                .append("\",realm=\"").append(challenge.realm())
                .append("\",nonce=\"").append(challenge.nonce())
                .append("\",uri=\"").append(uri)
                .append("\",response=\"").append(response)
                .append("\",algorithm=").append(algorithm);
        if (qopAuth) {
            value.append(",qop=auth,nc=").append(nc).append(",cnonce=\"").append(cnonce).append('"');
        }
        if (challenge.opaque() != null) {
            value.append(",opaque=\"").append(challenge.opaque()).append('"');
        }
        return value.toString();
    }

    static String javaAlgorithm(String digestAlgorithm) {
        String base = digestAlgorithm.toUpperCase(Locale.ROOT).replace("-SESS", "");
        return switch (base) {
            case "MD5" -> "MD5";
            case "SHA-256" -> "SHA-256";
            default -> null;
        };
    }

    private static String h(String algorithm, String data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(data.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is missing from this JDK", e);
        }
    }

    private static boolean containsToken(String list, String token) {
        for (String part : list.split(",")) {
            if (part.trim().equalsIgnoreCase(token)) {
                return true;
            }
        }
        return false;
    }

    /** Splits {@code a="x", b=y} into a map, honouring quotes (commas inside quotes stay). */
    static Map<String, String> params(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            while (i < n && (text.charAt(i) == ',' || Character.isWhitespace(text.charAt(i)))) {
                i++;
            }
            int eq = text.indexOf('=', i);
            if (eq < 0) {
                break;
            }
            String name = text.substring(i, eq).trim().toLowerCase(Locale.ROOT);
            i = eq + 1;
            while (i < n && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            String value;
            if (i < n && text.charAt(i) == '"') {
                int close = text.indexOf('"', i + 1);
                close = close < 0 ? n : close;
                value = text.substring(i + 1, close);
                i = close + 1;
            } else {
                int comma = text.indexOf(',', i);
                comma = comma < 0 ? n : comma;
                value = text.substring(i, comma).trim();
                i = comma;
            }
            out.put(name, value);
        }
        return out;
    }
}
