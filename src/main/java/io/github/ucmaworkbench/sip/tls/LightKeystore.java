package io.github.ucmaworkbench.sip.tls;

import io.github.ucmaworkbench.common.OwnerOnlyFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bouncycastle.asn1.pkcs.Pfx;

/**
 * How the workbench writes its own keystore: protected no more than a fixed, public password can
 * protect it. With that password PKCS#12's integrity MAC and the certificate's encryption guard
 * nothing (the owner-only file does), yet the JDK's defaults run 10,000 PBKDF2 rounds for each,
 * and for the key, on every read: ~75 ms of a cold start's CPU on this machine (issue 14,
 * BENCHMARKS.md). Written here without MAC, the certificate in the clear, the key encrypted
 * with one round (the JDK has no unencrypted key bag).
 */
final class LightKeystore {
    /**
     * The JDK reads these when a new keystore's entry is set and when it is stored (System
     * properties override the security ones); JDK 17 has no per-keystore way to choose them.
     */
    private static final Map<String, String> LIGHT = Map.of(
            "keystore.pkcs12.macAlgorithm", "NONE",
            "keystore.pkcs12.certProtectionAlgorithm", "NONE",
            "keystore.pkcs12.keyPbeIterationCount", "1");

    private LightKeystore() {
    }

    /** Writes {@code alias}'s key and chain from {@code from} to {@code file}, owner-only, replacing it whole. */
    static void write(Path file, KeyStore from, String alias, char[] password) throws IOException, GeneralSecurityException {
        // Process-wide for a moment: nothing else in the workbench writes a PKCS#12 keystore, and
        // the callers hold WorkbenchCertificate's lock.
        synchronized (LightKeystore.class) {
            Map<String, String> before = new LinkedHashMap<>();
            LIGHT.forEach((name, value) -> before.put(name, System.setProperty(name, value)));
            try {
                KeyStore light = KeyStore.getInstance("PKCS12");
                light.load(null, null);
                light.setKeyEntry(alias, (PrivateKey) from.getKey(alias, password), password, from.getCertificateChain(alias));
                OwnerOnlyFiles.replace(file, out -> light.store(out, password));
            } finally {
                before.forEach((name, value) -> {
                    if (value == null) {
                        System.clearProperty(name);
                    } else {
                        System.setProperty(name, value);
                    }
                });
            }
        }
    }

    /** True when {@code file} carries an integrity MAC: written before this class, with the JDK's defaults. */
    static boolean isHeavy(Path file) throws IOException {
        try {
            return Pfx.getInstance(Files.readAllBytes(file)).getMacData() != null;
        } catch (IllegalArgumentException e) {
            throw new IOException("not a PKCS#12 file: " + e.getMessage(), e);
        }
    }
}
