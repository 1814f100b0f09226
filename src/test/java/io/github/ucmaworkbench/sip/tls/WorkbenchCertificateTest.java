package io.github.ucmaworkbench.sip.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The workbench certificate is made once, kept private, reused; a user's keystore is checked up front. */
class WorkbenchCertificateTest {
    @TempDir
    Path dir;

    private static String fingerprintIn(Path file) throws Exception {
        return NamingTrustManager.fingerprint((X509Certificate) WorkbenchCertificate.load(file)
                .getCertificate(WorkbenchCertificate.ALIAS));
    }

    @Test
    void firstUseMakesAnOwnerOnlyKeystoreThatLaterUsesReuse() throws Exception {
        Path made = WorkbenchCertificate.loadOrCreate(dir, List.of());
        String first = fingerprintIn(made);

        Path again = WorkbenchCertificate.loadOrCreate(dir, List.of());

        assertThat(again).isEqualTo(dir.resolve("tls-certificate.p12"));
        assertThat(fingerprintIn(again)).isEqualTo(first);
        assertThat(TlsMaterial.workbench(dir, List.of()).fingerprint()).isEqualTo(first);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(made))).isEqualTo("rw-------");
        assertThat(Files.list(dir)).containsExactly(made);
    }

    @Test
    void theKeystoreIsWrittenLightAndStillLoadsWithThePassword() throws Exception {
        Path made = WorkbenchCertificate.loadOrCreate(dir, List.of());

        assertThat(LightKeystore.isHeavy(made)).as("no integrity MAC").isFalse();
        KeyStore loaded = WorkbenchCertificate.load(made);
        assertThat(loaded.getKey(WorkbenchCertificate.ALIAS, WorkbenchCertificate.PASSWORD)).isNotNull();
        assertThat(TlsMaterial.workbench(dir, List.of()).fingerprint()).isEqualTo(fingerprintIn(made));
        assertThat(System.getProperty("keystore.pkcs12.macAlgorithm")).as("the JDK's defaults are back").isNull();
        assertThat(System.getProperty("keystore.pkcs12.keyPbeIterationCount")).isNull();
    }

    @Test
    void aKeystoreWrittenWithTheJdksDefaultsIsRewrittenOnceWithTheSameCertificate() throws Exception {
        Path made = WorkbenchCertificate.loadOrCreate(dir, List.of());
        String fingerprint = fingerprintIn(made);
        KeyStore light = WorkbenchCertificate.load(made);
        KeyStore heavy = KeyStore.getInstance("PKCS12");
        heavy.load(null, null);
        heavy.setKeyEntry(WorkbenchCertificate.ALIAS, light.getKey(WorkbenchCertificate.ALIAS, WorkbenchCertificate.PASSWORD),
                WorkbenchCertificate.PASSWORD, light.getCertificateChain(WorkbenchCertificate.ALIAS));
        try (OutputStream out = Files.newOutputStream(made)) {
            heavy.store(out, WorkbenchCertificate.PASSWORD);
        }
        assertThat(LightKeystore.isHeavy(made)).as("as an earlier workbench wrote it").isTrue();

        WorkbenchCertificate.loadOrCreate(dir, List.of());

        assertThat(LightKeystore.isHeavy(made)).isFalse();
        assertThat(fingerprintIn(made)).as("peers that trust it still do").isEqualTo(fingerprint);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(made))).isEqualTo("rw-------");
        byte[] migrated = Files.readAllBytes(made);
        WorkbenchCertificate.loadOrCreate(dir, List.of());
        assertThat(Files.readAllBytes(made)).as("rewritten once, not on every start").isEqualTo(migrated);
    }

    @Test
    void certificateNamesLocalhostLoopbackAndTheBindAddress() throws Exception {
        InetAddress lan = InetAddress.getByName("192.0.2.7");
        X509Certificate cert = (X509Certificate) WorkbenchCertificate.load(WorkbenchCertificate.loadOrCreate(dir, List.of(lan)))
                .getCertificate(WorkbenchCertificate.ALIAS);

        assertThat(cert.getSubjectAlternativeNames()).extracting(entry -> String.valueOf(entry.get(1)))
                .contains("localhost", "127.0.0.1", "192.0.2.7");
        assertThat(cert.getSubjectX500Principal().getName()).isEqualTo(cert.getIssuerX500Principal().getName());
    }

    @Test
    void aBindAddressTheStoredCertificateDoesNotNameMakesANewOne() throws Exception {
        String first = fingerprintIn(WorkbenchCertificate.loadOrCreate(dir, List.of()));

        String moved = fingerprintIn(WorkbenchCertificate.loadOrCreate(dir, List.of(InetAddress.getByName("198.51.100.9"))));

        assertThat(moved).isNotEqualTo(first);
        assertThat(TlsMaterial.workbench(dir, List.of()).fingerprint()).isEqualTo(moved);
    }

    @Test
    void aCorruptKeystoreIsReplaced() throws Exception {
        Files.writeString(dir.resolve(WorkbenchCertificate.FILE_NAME), "not a keystore");

        Path file = WorkbenchCertificate.loadOrCreate(dir, List.of());

        assertThat(WorkbenchCertificate.load(file).isKeyEntry(WorkbenchCertificate.ALIAS)).isTrue();
    }

    @Test
    void userKeystoreLoadsWithItsPasswordAndAWrongOneIsNamedAsSuch() throws Exception {
        Path workbench = WorkbenchCertificate.loadOrCreate(dir, List.of());
        Path own = dir.resolve("own.jks");
        KeyStore jks = KeyStore.getInstance("JKS");
        jks.load(null, null);
        KeyStore source = WorkbenchCertificate.load(workbench);
        jks.setKeyEntry("mine", source.getKey(WorkbenchCertificate.ALIAS, WorkbenchCertificate.PASSWORD), "s3cret".toCharArray(),
                source.getCertificateChain(WorkbenchCertificate.ALIAS));
        try (var out = Files.newOutputStream(own)) {
            jks.store(out, "s3cret".toCharArray());
        }

        assertThat(TlsMaterial.fromKeyStore(own, "s3cret".toCharArray()).fingerprint()).isEqualTo(fingerprintIn(workbench));
        assertThatThrownBy(() -> TlsMaterial.fromKeyStore(own, "wrong".toCharArray()))
                .isInstanceOf(TlsSetupException.class).hasMessageContaining("password is wrong");
        assertThatThrownBy(() -> TlsMaterial.fromKeyStore(dir.resolve("missing.p12"), null))
                .isInstanceOf(TlsSetupException.class).hasMessageContaining("does not exist");
        Path text = Files.writeString(dir.resolve("notes.txt"), "hello");
        assertThatThrownBy(() -> TlsMaterial.fromKeyStore(text, "x".toCharArray()))
                .isInstanceOf(TlsSetupException.class).hasMessageContaining("not a PKCS#12 or JKS keystore");
    }
}
