package io.github.ucmaworkbench.app.cli;

import io.github.ucmaworkbench.common.ConfigFolder;
import io.github.ucmaworkbench.sip.tls.TlsMaterial;
import io.github.ucmaworkbench.sip.tls.TlsSetupException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The certificate TLS uses: the workbench's own (made on first use beside settings.json, or in
 * {@code --config-dir}), or the user's keystore with {@code --keystore}.
 */
final class TlsOptions {
    @Mixin
    KeystoreOptions keystore = new KeystoreOptions();

    @Option(names = "--config-dir", paramLabel = "DIR",
            description = "TLS: where the workbench's certificate is kept (default: beside settings.json, ${sys:user.home}/.config/ucma-workbench)")
    Path configDir;

    /** A one-line problem with the options when TLS is {@code used}, or null. */
    String problem(boolean used) {
        if (!used && keystore.isGiven()) {
            return "--keystore is for TLS";
        }
        return keystore.problem();
    }

    /**
     * Loads (or makes) the certificate now, so a bad keystore is one clear line before any SIP.
     *
     * @param bindAddress an address the workbench certificate must name, or null
     */
    TlsMaterial material(InetAddress bindAddress) throws TlsSetupException {
        if (keystore.keystore() != null) {
            return TlsMaterial.fromKeyStore(keystore.keystore(), keystore.password());
        }
        Path dir = configDir != null ? configDir : ConfigFolder.path();
        return TlsMaterial.workbench(dir, bindAddress == null ? List.of() : List.of(bindAddress));
    }
}
