package io.github.ucmaworkbench.sip.tls;

import java.net.Socket;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.HexFormat;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Trusts a peer when any of its delegates does (the workbench certificate; for a user's own
 * keystore also the JDK's CAs), and otherwise fails with a sentence that names the peer's
 * certificate and its fingerprint. JAIN-SIP surfaces only the handshake exception's message, so
 * without this a student would read "PKIX path building failed" and nothing about whose
 * certificate it was.
 */
final class NamingTrustManager extends X509ExtendedTrustManager {
    private final List<X509ExtendedTrustManager> delegates;
    private final String trusted;

    /** @param trusted what this side trusts, for the message ("the workbench certificate") */
    NamingTrustManager(List<X509ExtendedTrustManager> delegates, String trusted) {
        this.delegates = List.copyOf(delegates);
        this.trusted = trusted;
    }

    @FunctionalInterface
    private interface Check {
        void run(X509ExtendedTrustManager tm) throws CertificateException;
    }

    private void anyOf(X509Certificate[] chain, Check check) throws CertificateException {
        CertificateException first = null;
        for (X509ExtendedTrustManager tm : delegates) {
            try {
                check.run(tm);
                return;
            } catch (CertificateException e) {
                first = first == null ? e : first;
            }
        }
        X509Certificate peer = chain == null || chain.length == 0 ? null : chain[0];
        String who = peer == null ? "the peer sent no certificate"
                : "the peer's TLS certificate \"" + peer.getSubjectX500Principal().getName() + "\" (SHA-256 "
                        + fingerprint(peer) + ")";
        // No cause, and not the JDK's "PKIX path building failed: ...Exception" text: callers
        // report the innermost message, and that must be this sentence.
        throw new CertificateException(who + " is not trusted: it is not " + trusted);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        anyOf(chain, tm -> tm.checkServerTrusted(chain, authType, socket));
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        anyOf(chain, tm -> tm.checkClientTrusted(chain, authType, socket));
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        anyOf(chain, tm -> tm.checkServerTrusted(chain, authType, engine));
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        anyOf(chain, tm -> tm.checkClientTrusted(chain, authType, engine));
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        anyOf(chain, tm -> tm.checkServerTrusted(chain, authType));
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        anyOf(chain, tm -> tm.checkClientTrusted(chain, authType));
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        List<X509Certificate> all = new ArrayList<>();
        for (X509ExtendedTrustManager tm : delegates) {
            all.addAll(List.of(tm.getAcceptedIssuers()));
        }
        return all.toArray(X509Certificate[]::new);
    }

    /** Colon-separated upper-case SHA-256 of the DER encoding, as browsers and openssl show it. */
    static String fingerprint(X509Certificate cert) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(cert.getEncoded());
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            return "?";
        }
    }
}
