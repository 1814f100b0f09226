package io.github.ucmaworkbench.testing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.ListIterator;
import java.util.UUID;
import javax.sip.header.AuthorizationHeader;
import javax.sip.header.CSeqHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.header.ProxyAuthenticateHeader;
import javax.sip.header.ViaHeader;
import javax.sip.header.WWWAuthenticateHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * Hand-made digest answers for attack tests: any algorithm, nonce-count and client nonce, so a
 * test can answer correctly, wrongly, or replay an answer exactly. Written from RFC 7616 §3.4.1,
 * independently of the code under test.
 */
public final class DigestAnswer {
    private DigestAnswer() {
    }

    /** Every WWW-Authenticate (401) or Proxy-Authenticate (407) challenge, in order. */
    public static List<WWWAuthenticateHeader> challenges(Response r) {
        String name = r.getStatusCode() == Response.PROXY_AUTHENTICATION_REQUIRED ? ProxyAuthenticateHeader.NAME
                : WWWAuthenticateHeader.NAME;
        List<WWWAuthenticateHeader> out = new ArrayList<>();
        for (ListIterator<?> it = r.getHeaders(name); it.hasNext(); ) {
            out.add((WWWAuthenticateHeader) it.next());
        }
        return out;
    }

    /** The challenge offering {@code algorithm}. */
    public static WWWAuthenticateHeader offering(Response r, String algorithm) {
        return challenges(r).stream().filter(c -> algorithm.equalsIgnoreCase(c.getAlgorithm())).findFirst()
                .orElseThrow(() -> new AssertionError("no " + algorithm + " challenge in\n" + r));
    }

    /** The same request again as a new transaction: CSeq + 1, a new Via branch, no old credentials. */
    public static Request next(Request r) throws Exception {
        Request again = (Request) r.clone();
        CSeqHeader cs = (CSeqHeader) again.getHeader(CSeqHeader.NAME);
        cs.setSeqNumber(cs.getSeqNumber() + 1);
        ((ViaHeader) again.getHeader(ViaHeader.NAME)).setBranch("z9hG4bK" + UUID.randomUUID());
        again.removeHeader(AuthorizationHeader.NAME);
        again.removeHeader("Proxy-Authorization");
        return again;
    }

    /** {@code r} with credentials answering {@code challenge} (qop=auth, given nc and cnonce). */
    public static Request answered(HeaderFactory headers, Request r, WWWAuthenticateHeader challenge, String user,
            String password, int nc, String cnonce) throws Exception {
        boolean proxy = challenge instanceof ProxyAuthenticateHeader;
        String algorithm = challenge.getAlgorithm() == null ? "MD5" : challenge.getAlgorithm();
        String uri = r.getRequestURI().toString();
        String ncText = String.format("%08x", nc);
        String ha1 = hash(algorithm, user + ":" + challenge.getRealm() + ":" + password);
        String ha2 = hash(algorithm, r.getMethod() + ":" + uri);
        String response = hash(algorithm, ha1 + ":" + challenge.getNonce() + ":" + ncText + ":" + cnonce + ":auth:" + ha2);
        AuthorizationHeader a = proxy ? headers.createProxyAuthorizationHeader("Digest")
                : headers.createAuthorizationHeader("Digest");
        a.setUsername(user);
        a.setRealm(challenge.getRealm());
        a.setNonce(challenge.getNonce());
        a.setURI(r.getRequestURI());
        a.setAlgorithm(algorithm);
        a.setQop("auth");
        a.setCNonce(cnonce);
        a.setNonceCount(nc);
        a.setResponse(response);
        r.setHeader(a);
        return r;
    }

    /** The digest response value {@link #answered} puts on the wire, for leak checks. */
    public static String responseOf(Request r, boolean proxy) {
        AuthorizationHeader a = (AuthorizationHeader) r.getHeader(proxy ? "Proxy-Authorization" : AuthorizationHeader.NAME);
        return a.getResponse();
    }

    private static String hash(String algorithm, String text) throws Exception {
        String java = algorithm.toUpperCase().startsWith("SHA-256") ? "SHA-256" : "MD5";
        return HexFormat.of().formatHex(MessageDigest.getInstance(java).digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
