package io.github.ucmaworkbench.registrar;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sip.header.AuthorizationHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.header.ProxyAuthorizationHeader;
import javax.sip.header.WWWAuthenticateHeader;
import javax.sip.message.Request;

/**
 * Digest authentication of requests (RFC 3261 §22 on RFC 7616, RFC 8760 for SHA-256 in SIP):
 * a challenge offers SHA-256 first and MD5 second, both with qop=auth, and either answer is
 * accepted. The same checks serve a registrar's 401/WWW-Authenticate (REGISTER) and a proxy's
 * 407/Proxy-Authenticate (INVITE). Nonces, their expiry ({@code stale=true}) and nonce-count
 * replay protection live in {@link NonceService}.
 */
final class DigestChallenger {
    /** What to do with a request. FORBIDDEN counts as a failed sign-in. */
    enum Verdict { ACCEPTED, CHALLENGE, STALE, FORBIDDEN }

    record Result(Verdict verdict, String username, String algorithm, String reason) {
    }

    private final String realm;
    private final Map<String, String> users;
    private final HeaderFactory headers;
    private final NonceService nonces;
    /** RFC 8760 §2.4: the server lists the algorithms in its order of preference. */
    private final List<String> algorithms;

    DigestChallenger(String realm, Map<String, String> users, List<String> algorithms, HeaderFactory headers,
            NonceService nonces) {
        this.algorithms = algorithms;
        this.realm = realm;
        this.users = users;
        this.headers = headers;
        this.nonces = nonces;
    }

    boolean enabled() {
        return !users.isEmpty();
    }

    /** Checks the request's Authorization (or, for a proxy, Proxy-Authorization) for our realm. */
    Result check(Request request, boolean proxy) {
        AuthorizationHeader auth = credentials(request, proxy);
        if (auth == null) {
            return new Result(Verdict.CHALLENGE, null, null, "no credentials for realm " + realm);
        }
        String algorithm = auth.getAlgorithm() == null ? "MD5" : auth.getAlgorithm().toUpperCase(Locale.ROOT);
        if (!algorithms.contains(algorithm)) {
            return new Result(Verdict.CHALLENGE, null, algorithm, "unsupported algorithm " + algorithm);
        }
        long issued = nonces.issuedAt(auth.getNonce());
        if (issued < 0) {
            // not ours (another registrar's, a restart's, or forged): a fresh challenge, no penalty
            return new Result(Verdict.CHALLENGE, auth.getUsername(), algorithm, "nonce not ours");
        }
        String user = auth.getUsername();
        String password = user == null ? null : users.get(user);
        if (password == null) {
            // the same answer as a wrong password: a prober learns nothing about which names exist
            return new Result(Verdict.FORBIDDEN, user, algorithm, "unknown user '" + user + "'");
        }
        String qop = auth.getQop();
        String nc = nonceCount(auth);
        String expected = expectedResponse(algorithm, user, password, request.getMethod(),
                auth.getURI() == null ? "" : auth.getURI().toString(), auth.getNonce(), qop, nc, auth.getCNonce());
        String given = String.valueOf(auth.getResponse()).toLowerCase(Locale.ROOT);
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), given.getBytes(StandardCharsets.US_ASCII))) {
            return new Result(Verdict.FORBIDDEN, user, algorithm, "wrong password for '" + user + "'");
        }
        if (nonces.isExpired(issued)) {
            return new Result(Verdict.STALE, user, algorithm, "nonce expired");
        }
        long count;
        try {
            count = qop == null || qop.isEmpty() ? 1 : Long.parseLong(nc, 16);
        } catch (NumberFormatException e) {
            return new Result(Verdict.FORBIDDEN, user, algorithm, "nonce count '" + nc + "' is not hex");
        }
        return switch (nonces.use(auth.getNonce(), issued, count)) {
            case FRESH -> new Result(Verdict.ACCEPTED, user, algorithm, "ok");
            case STALE -> new Result(Verdict.STALE, user, algorithm, "nonce no longer tracked");
            case REPLAY -> new Result(Verdict.FORBIDDEN, user, algorithm,
                    "replayed credentials (nonce count " + nc + " already used)");
        };
    }

    /** One challenge header per algorithm, SHA-256 first (§22.1; RFC 8760 §2.4), each with its own nonce. */
    List<WWWAuthenticateHeader> challenges(boolean proxy, boolean stale) throws ParseException {
        List<WWWAuthenticateHeader> out = new ArrayList<>();
        for (String algorithm : algorithms) {
            WWWAuthenticateHeader h = proxy ? headers.createProxyAuthenticateHeader("Digest")
                    : headers.createWWWAuthenticateHeader("Digest");
            h.setRealm(realm);
            h.setNonce(nonces.issue());
            h.setAlgorithm(algorithm);
            h.setQop("auth");
            if (stale) {
                h.setStale(true);
            }
            out.add(h);
        }
        return out;
    }

    private AuthorizationHeader credentials(Request request, boolean proxy) {
        String name = proxy ? ProxyAuthorizationHeader.NAME : AuthorizationHeader.NAME;
        for (var it = request.getHeaders(name); it.hasNext(); ) {
            AuthorizationHeader h = (AuthorizationHeader) it.next();
            if (realm.equalsIgnoreCase(h.getRealm()) && "Digest".equalsIgnoreCase(h.getScheme())) {
                return h;
            }
        }
        return null;
    }

    /** The nc parameter exactly as the client sent it (its hash covers the text, not the number). */
    private static String nonceCount(AuthorizationHeader auth) {
        String raw = auth.getParameter("nc");
        return raw != null ? raw : String.format(Locale.ROOT, "%08x", auth.getNonceCount());
    }

    /** RFC 7616 §3.4.1: the response for qop=auth, or RFC 2069 style without qop. */
    private String expectedResponse(String algorithm, String user, String password, String method, String uri,
            String nonce, String qop, String nc, String cnonce) {
        String ha1 = hash(algorithm, user + ":" + realm + ":" + password);
        String ha2 = hash(algorithm, method + ":" + uri);
        if (qop == null || qop.isEmpty()) {
            return hash(algorithm, ha1 + ":" + nonce + ":" + ha2);
        }
        return hash(algorithm, ha1 + ":" + nonce + ":" + nc + ":" + cnonce + ":" + qop + ":" + ha2);
    }

    static String md5(String text) {
        return hash("MD5", text);
    }

    static String hash(String algorithm, String text) {
        try {
            MessageDigest md = MessageDigest.getInstance(algorithm);
            return HexFormat.of().formatHex(md.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is part of every JDK", e);
        }
    }
}
