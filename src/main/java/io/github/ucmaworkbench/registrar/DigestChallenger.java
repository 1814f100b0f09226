package io.github.ucmaworkbench.registrar;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.text.ParseException;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.sip.header.AuthorizationHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.header.WWWAuthenticateHeader;
import javax.sip.message.Request;

/**
 * MD5 digest authentication of REGISTER requests (RFC 3261 §22.4 on RFC 2617, qop=auth).
 *
 * <p>Nonces carry their own issue time and an HMAC over it, so nothing is stored per client and a
 * forged or foreign nonce is recognised; a nonce older than {@link #NONCE_LIFETIME_MILLIS} earns a
 * fresh challenge with {@code stale=true} (the client retries without asking its user again).
 * Nonce-count replay tracking is left out: this is a teaching server on a trusted network.
 */
final class DigestChallenger {
    static final long NONCE_LIFETIME_MILLIS = 5 * 60_000L;

    /** What to do with a request. */
    enum Verdict { ACCEPTED, CHALLENGE, STALE, FORBIDDEN }

    record Result(Verdict verdict, String username, String reason) {
    }

    private final String realm;
    private final Map<String, String> users;
    private final HeaderFactory headers;
    private final byte[] secret = new byte[20];

    DigestChallenger(String realm, Map<String, String> users, HeaderFactory headers) {
        this.realm = realm;
        this.users = users;
        this.headers = headers;
        new SecureRandom().nextBytes(secret);
    }

    boolean enabled() {
        return !users.isEmpty();
    }

    /** Checks the request's Authorization header for our realm. */
    Result check(Request request) {
        AuthorizationHeader auth = null;
        for (var it = request.getHeaders(AuthorizationHeader.NAME); it.hasNext(); ) {
            AuthorizationHeader h = (AuthorizationHeader) it.next();
            if (realm.equalsIgnoreCase(h.getRealm())) {
                auth = h;
                break;
            }
        }
        if (auth == null) {
            return new Result(Verdict.CHALLENGE, null, "no credentials for realm " + realm);
        }
        String user = auth.getUsername();
        String password = user == null ? null : users.get(user);
        if (password == null) {
            return new Result(Verdict.FORBIDDEN, user, "unknown user " + user);
        }
        if (auth.getAlgorithm() != null && !"MD5".equalsIgnoreCase(auth.getAlgorithm())) {
            return new Result(Verdict.CHALLENGE, user, "unsupported algorithm " + auth.getAlgorithm());
        }
        String nonce = auth.getNonce();
        long age = nonceAge(nonce);
        if (age < 0) {
            return new Result(Verdict.CHALLENGE, user, "nonce not ours");
        }
        String uri = auth.getURI() == null ? "" : auth.getURI().toString();
        String ha1 = md5(user + ":" + realm + ":" + password);
        String ha2 = md5(request.getMethod() + ":" + uri);
        String qop = auth.getQop();
        String expected;
        if (qop == null || qop.isEmpty()) {
            expected = md5(ha1 + ":" + nonce + ":" + ha2);
        } else {
            String nc = String.format("%08x", auth.getNonceCount());
            expected = md5(ha1 + ":" + nonce + ":" + nc + ":" + auth.getCNonce() + ":" + qop + ":" + ha2);
        }
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                String.valueOf(auth.getResponse()).toLowerCase().getBytes(StandardCharsets.US_ASCII))) {
            return new Result(Verdict.FORBIDDEN, user, "wrong password for " + user);
        }
        if (age > NONCE_LIFETIME_MILLIS) {
            return new Result(Verdict.STALE, user, "nonce expired");
        }
        return new Result(Verdict.ACCEPTED, user, "ok");
    }

    /** A fresh challenge for a 401 (§22.1). */
    WWWAuthenticateHeader challenge(boolean stale) throws ParseException {
        WWWAuthenticateHeader h = headers.createWWWAuthenticateHeader("Digest");
        h.setRealm(realm);
        h.setNonce(newNonce());
        h.setAlgorithm("MD5");
        h.setQop("auth");
        if (stale) {
            h.setStale(true);
        }
        return h;
    }

    private String newNonce() {
        String time = Long.toHexString(System.currentTimeMillis());
        return time + "." + hmac(time);
    }

    /** Milliseconds since we issued the nonce, or -1 when it is not one of ours. */
    private long nonceAge(String nonce) {
        if (nonce == null) {
            return -1;
        }
        int dot = nonce.indexOf('.');
        if (dot <= 0 || !MessageDigest.isEqual(hmac(nonce.substring(0, dot)).getBytes(StandardCharsets.US_ASCII),
                nonce.substring(dot + 1).getBytes(StandardCharsets.US_ASCII))) {
            return -1;
        }
        try {
            return Math.max(0, System.currentTimeMillis() - Long.parseLong(nonce.substring(0, dot), 16));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private String hmac(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)), 0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    static String md5(String text) {
        try {
            MessageDigest md = MessageDigest.getInstance("MD5");
            return HexFormat.of().formatHex(md.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is part of every JDK", e);
        }
    }
}
