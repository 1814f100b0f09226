package io.github.ucmaworkbench.sip.tls;

import io.github.ucmaworkbench.common.ConfigFolder;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.SecureRandom;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The key and trust one SIP stack uses for TLS, as its own {@link SSLContext}: never the JVM-wide
 * {@code javax.net.ssl.*} properties, because the registrar and both endpoints share one JVM.
 *
 * <p>Trust, and why: with {@link #workbench the workbench certificate} a side trusts exactly that
 * certificate. Every part of the workbench presents it, so they all trust one another, and a peer
 * with any other certificate is refused by name — the point of the lesson; trusting the JDK's CAs
 * as well would only widen what a self-signed setup accepts. With {@link #fromKeyStore a user's
 * own keystore} (typically a CA-issued certificate for a real SIP server) a side trusts the JDK's
 * default CAs, so it can reach a real server whose certificate a public CA issued, plus the
 * certificates in that keystore, so two workbench parts using it trust each other. Host names are
 * not checked against the certificate: JAIN-SIP connects by address after its own resolution,
 * which would make every name-based certificate fail.
 */
public final class TlsMaterial {
    /** What stacks use when nobody chose: the workbench certificate in the default directory. */
    private static volatile TlsSource defaultMaterial;
    private static final Map<Path, TlsMaterial> WORKBENCH = new ConcurrentHashMap<>();
    /** One certificate made at a time: two first uses at once must not both write the keystore. */
    private static final Object WORKBENCH_LOCK = new Object();

    private final SSLContext context;
    private final X509Certificate certificate;
    private final Path file;
    private final String description;

    private TlsMaterial(SSLContext context, X509Certificate certificate, Path file, String description) {
        this.context = context;
        this.certificate = certificate;
        this.file = file;
        this.description = description;
    }

    /**
     * The workbench's own certificate in {@code directory} (made on first use), trusting only itself.
     *
     * @param bindAddresses addresses the certificate must name besides localhost and this machine's
     */
    public static TlsMaterial workbench(Path directory, Collection<InetAddress> bindAddresses) throws TlsSetupException {
        Path dir = directory.toAbsolutePath().normalize();
        synchronized (WORKBENCH_LOCK) {
            try {
                WorkbenchCertificate.Stored stored = WorkbenchCertificate.stored(dir, bindAddresses);
                X509Certificate cert = stored.certificate();
                TlsMaterial known = WORKBENCH.get(dir);
                if (known != null && known.certificate.equals(cert)) {
                    return known;
                }
                KeyStore trust = KeyStore.getInstance("PKCS12");
                trust.load(null, null);
                trust.setCertificateEntry("workbench", cert);
                TlsMaterial made = new TlsMaterial(context(stored.keys(), WorkbenchCertificate.PASSWORD,
                        List.of(trustManager(trust)), "the workbench certificate in " + stored.file()), cert,
                        stored.file(), "the workbench certificate " + stored.file());
                WORKBENCH.put(dir, made);
                return made;
            } catch (IOException | GeneralSecurityException e) {
                throw new TlsSetupException("the workbench's TLS certificate in " + dir + " cannot be made or read: "
                        + e.getMessage(), e);
            }
        }
    }

    /**
     * A user's own PKCS#12 or JKS keystore (the type is detected) holding one private key and its
     * chain; trusts the JDK's CAs and the keystore's certificates.
     */
    public static TlsMaterial fromKeyStore(Path file, char[] password) throws TlsSetupException {
        Objects.requireNonNull(file, "file");
        char[] pw = password == null ? new char[0] : password;
        if (!Files.isRegularFile(file)) {
            throw new TlsSetupException("the keystore " + file + " does not exist", null);
        }
        KeyStore keys;
        try {
            keys = KeyStore.getInstance(file.toFile(), pw);
        } catch (IOException e) {
            boolean badPassword = e.getCause() instanceof UnrecoverableKeyException
                    || String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).contains("password");
            throw new TlsSetupException(badPassword ? "the keystore password is wrong for " + file
                    : "the keystore " + file + " cannot be read: " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new TlsSetupException("the file " + file + " is not a PKCS#12 or JKS keystore", e);
        }
        try {
            String alias = keyAlias(keys);
            if (alias == null) {
                throw new TlsSetupException("the keystore " + file + " holds no private key", null);
            }
            X509Certificate cert = (X509Certificate) keys.getCertificate(alias);
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            int n = 0;
            for (String a : Collections.list(keys.aliases())) {
                for (Certificate c : chainOrCertificate(keys, a)) {
                    trust.setCertificateEntry("own-" + n++, c);
                }
            }
            List<X509ExtendedTrustManager> trusts = new ArrayList<>();
            trusts.add(trustManager(trust));
            trusts.add(trustManager(null)); // the JDK's cacerts
            return new TlsMaterial(context(keys, pw, trusts,
                    "the certificates in " + file + " or issued by a CA the JDK trusts"), cert, file,
                    "the keystore " + file);
        } catch (UnrecoverableKeyException e) {
            throw new TlsSetupException("the key in " + file + " needs another password than the keystore's", e);
        } catch (IOException | GeneralSecurityException e) {
            throw new TlsSetupException("the keystore " + file + " cannot be used: " + e.getMessage(), e);
        }
    }

    private static String keyAlias(KeyStore keys) throws KeyStoreException {
        for (String alias : Collections.list(keys.aliases())) {
            if (keys.isKeyEntry(alias) && keys.getCertificate(alias) instanceof X509Certificate) {
                return alias;
            }
        }
        return null;
    }

    private static List<Certificate> chainOrCertificate(KeyStore keys, String alias) throws KeyStoreException {
        Certificate[] chain = keys.getCertificateChain(alias);
        if (chain != null) {
            return List.of(chain);
        }
        Certificate one = keys.getCertificate(alias);
        return one == null ? List.of() : List.of(one);
    }

    private static X509ExtendedTrustManager trustManager(KeyStore trust) throws GeneralSecurityException {
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        for (TrustManager tm : tmf.getTrustManagers()) {
            if (tm instanceof X509ExtendedTrustManager x) {
                return x;
            }
        }
        throw new GeneralSecurityException("no X.509 trust manager");
    }

    private static SSLContext context(KeyStore keys, char[] password, List<X509ExtendedTrustManager> trusts,
            String trusted) throws GeneralSecurityException {
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, password);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(kmf.getKeyManagers(), new TrustManager[] {new NamingTrustManager(trusts, trusted)}, new SecureRandom());
        return context;
    }

    /** Sets what stacks without material of their own use (the app points it at its config directory). */
    public static void setDefault(TlsSource material) {
        defaultMaterial = material;
    }

    /**
     * The process-wide default: what {@link #setDefault} chose, else the workbench certificate in
     * {@link #defaultDirectory()}.
     */
    public static TlsMaterial getDefault() throws TlsSetupException {
        TlsSource chosen = defaultMaterial;
        return chosen != null ? chosen.get() : workbench(defaultDirectory(), List.of());
    }

    /** Where the workbench certificate lives by default: the workbench's {@link ConfigFolder}. */
    public static Path defaultDirectory() {
        return ConfigFolder.path();
    }

    public SSLContext sslContext() {
        return context;
    }

    /** The certificate this side presents. */
    public X509Certificate certificate() {
        return certificate;
    }

    /** The keystore file the key came from. */
    public Path file() {
        return file;
    }

    /** SHA-256 of the certificate, colon-separated hex (as openssl and browsers show it). */
    public String fingerprint() {
        return NamingTrustManager.fingerprint(certificate);
    }

    @Override
    public String toString() {
        return description + " (SHA-256 " + fingerprint() + ")";
    }
}
