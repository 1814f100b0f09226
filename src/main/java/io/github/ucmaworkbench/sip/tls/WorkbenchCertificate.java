package io.github.ucmaworkbench.sip.tls;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The workbench's own self-signed certificate: made on first use and kept as a PKCS#12 keystore
 * beside settings.json ({@value #FILE_NAME}), owner-only like it, and reused afterwards so its
 * fingerprint stays the same from run to run (a student can pin it once).
 *
 * <p>Its subject alternative names cover localhost, 127.0.0.1, ::1, this machine's name and
 * addresses, and any bind address asked for; a later run that needs an address the stored
 * certificate does not name (a registrar moved to a new LAN address) makes a new one. An EC P-256
 * key: generated in milliseconds and accepted by every TLS 1.2/1.3 peer we test with.
 *
 * <p>The keystore password is fixed and public: as for settings.json, what protects the key is
 * the file's owner-only permission, and a password kept beside it would add nothing.
 */
public final class WorkbenchCertificate {
    public static final String FILE_NAME = "tls-certificate.p12";
    static final String ALIAS = "ucma-workbench";
    static final char[] PASSWORD = "ucma-workbench".toCharArray();
    private static final Duration VALIDITY = Duration.ofDays(5 * 365);
    private static final Logger LOG = LoggerFactory.getLogger(WorkbenchCertificate.class);

    private WorkbenchCertificate() {
    }

    /** The keystore file and what it holds (one key entry under the alias {@value #ALIAS}). */
    record Stored(Path file, KeyStore keys) {
        X509Certificate certificate() throws KeyStoreException {
            return (X509Certificate) keys.getCertificate(ALIAS);
        }
    }

    /**
     * The keystore in {@code directory}, made now if it is missing, expired, unreadable or does not
     * name every one of {@code addresses}. Read once, and written light ({@link LightKeystore}):
     * a PKCS#12 read with the JDK's defaults runs 10,000 password-hash rounds three times.
     *
     * @return the keystore file
     */
    public static Path loadOrCreate(Path directory, Collection<InetAddress> addresses)
            throws IOException, GeneralSecurityException {
        return stored(directory, addresses).file();
    }

    static synchronized Stored stored(Path directory, Collection<InetAddress> addresses)
            throws IOException, GeneralSecurityException {
        Path file = directory.resolve(FILE_NAME);
        Set<String> wanted = addressNames(addresses);
        if (Files.isRegularFile(file)) {
            KeyStore existing = null;
            String unusable;
            try {
                existing = load(file);
                unusable = unusable(existing, wanted);
            } catch (IOException | GeneralSecurityException e) {
                unusable = "the old one cannot be read (" + e.getMessage() + ")";
            }
            if (unusable == null) {
                migrateIfHeavy(file, existing);
                return new Stored(file, existing);
            }
            LOG.info("making a new TLS certificate in {}: {}", file, unusable);
        } else {
            LOG.info("making the workbench's TLS certificate in {}", file);
        }
        Files.createDirectories(directory);
        KeyStore made = generate(wanted);
        write(file, made);
        return new Stored(file, made);
    }

    /** Why the stored keystore cannot be reused, or null when it can. */
    private static String unusable(KeyStore store, Set<String> wanted) throws GeneralSecurityException {
        X509Certificate cert = (X509Certificate) store.getCertificate(ALIAS);
        if (cert == null) {
            return "it holds no entry " + ALIAS;
        }
        if (cert.getNotAfter().toInstant().isBefore(Instant.now().plus(Duration.ofDays(1)))) {
            return "the old one expires " + cert.getNotAfter();
        }
        Set<String> named = subjectAltNames(cert);
        if (!named.containsAll(wanted)) {
            Set<String> missing = new LinkedHashSet<>(wanted);
            missing.removeAll(named);
            return "the old one does not name " + missing;
        }
        return null;
    }

    static KeyStore load(Path file) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, PASSWORD);
        }
        return store;
    }

    private static KeyStore generate(Set<String> names) throws GeneralSecurityException, IOException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
        KeyPair pair = generator.generateKeyPair();
        Instant now = Instant.now();
        BigInteger serial = new BigInteger(64, new SecureRandom()).abs().add(BigInteger.ONE);
        // The serial in the name too: PKIX looks trust anchors up by subject, and two workbenches'
        // certificates with one name would fail as "Signature does not match" instead of "not trusted".
        X500Name subject = new X500Name("CN=UCMA Workbench " + hostName() + " " + serial.toString(16) + ", O=UCMA Workbench");
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, serial,
                Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(VALIDITY)), subject, pair.getPublic());
        List<GeneralName> san = new ArrayList<>();
        for (String name : names) {
            san.add(new GeneralName(isAddress(name) ? GeneralName.iPAddress : GeneralName.dNSName, name));
        }
        builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(san.toArray(GeneralName[]::new)));
        // An end-entity certificate that is its own trust anchor: no CA bit, used by both TLS roles.
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
        builder.addExtension(Extension.extendedKeyUsage, false,
                new ExtendedKeyUsage(new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth}));
        X509Certificate cert;
        try {
            cert = new JcaX509CertificateConverter()
                    .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())));
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException("cannot sign the certificate: " + e.getMessage(), e);
        }
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry(ALIAS, pair.getPrivate(), PASSWORD, new Certificate[] {cert});
        return store;
    }

    /** Written beside the target and moved over it, owner-only from the start: never a half file or a readable key. */
    private static void write(Path file, KeyStore store) throws IOException, GeneralSecurityException {
        LightKeystore.write(file, store, ALIAS, PASSWORD);
    }

    /**
     * A keystore written before {@link LightKeystore} (10,000 PBKDF2 rounds, paid on every start)
     * is written again once, same key and certificate, so peers that trust it still do. Should
     * that fail (a read-only folder), the loaded one serves as before.
     */
    private static void migrateIfHeavy(Path file, KeyStore existing) {
        try {
            if (LightKeystore.isHeavy(file)) {
                write(file, existing);
                LOG.info("rewrote {} with light protection (same certificate): it is read faster", file);
            }
        } catch (IOException | GeneralSecurityException e) {
            LOG.info("kept {} as it is ({}): it is read as before", file, e.getMessage());
        }
    }

    private static Set<String> addressNames(Collection<InetAddress> extra) {
        Set<String> names = new LinkedHashSet<>(List.of("localhost", "127.0.0.1", "::1"));
        String host = hostName();
        if (!host.isEmpty()) {
            names.add(host.toLowerCase(Locale.ROOT));
        }
        for (InetAddress a : extra == null ? List.<InetAddress>of() : extra) {
            if (!a.isAnyLocalAddress()) {
                names.add(plain(a));
            } else {
                // A wildcard bind (classroom LAN) is reached on any of this machine's addresses.
                names.addAll(interfaceAddresses());
            }
        }
        return names;
    }

    private static Set<String> subjectAltNames(X509Certificate cert) throws CertificateParsingException {
        Set<String> names = new LinkedHashSet<>();
        Collection<List<?>> entries = cert.getSubjectAlternativeNames();
        for (List<?> entry : entries == null ? Collections.<List<?>>emptyList() : entries) {
            String value = String.valueOf(entry.get(1)).toLowerCase(Locale.ROOT);
            names.add(isAddress(value) ? normalise(value) : value);
        }
        return names;
    }

    private static Set<String> interfaceAddresses() {
        Set<String> all = new LinkedHashSet<>();
        try {
            for (NetworkInterface ni : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                for (InetAddress a : Collections.list(ni.getInetAddresses())) {
                    if (!a.isLinkLocalAddress()) {
                        all.add(plain(a));
                    }
                }
            }
        } catch (SocketException e) {
            // the loopback names are still there
        }
        return all;
    }

    private static String plain(InetAddress a) {
        String h = a.getHostAddress();
        int zone = h.indexOf('%');
        return normalise(zone < 0 ? h : h.substring(0, zone));
    }

    /** One spelling per address ("0:0:0:0:0:0:0:1" and "::1" are the same), as the certificate stores it. */
    private static String normalise(String address) {
        try {
            InetAddress a = InetAddress.getByName(address);
            return a instanceof Inet6Address && a.isLoopbackAddress() ? "::1" : a.getHostAddress().toLowerCase(Locale.ROOT);
        } catch (UnknownHostException e) {
            return address;
        }
    }

    private static boolean isAddress(String name) {
        return name.contains(":") || name.matches("\\d{1,3}(\\.\\d{1,3}){3}");
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "";
        }
    }
}
