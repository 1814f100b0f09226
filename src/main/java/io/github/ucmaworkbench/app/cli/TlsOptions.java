package io.github.ucmaworkbench.app.cli;

import io.github.ucmaworkbench.common.ConfigFolder;
import io.github.ucmaworkbench.sip.tls.TlsMaterial;
import io.github.ucmaworkbench.sip.tls.TlsSetupException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The certificate TLS uses: the workbench's own (made on first use beside settings.json, or in
 * {@code --config-dir}), or the user's keystore with {@code --keystore}.
 */
final class TlsOptions {
    @Option(names = "--keystore", paramLabel = "FILE",
            description = "TLS: your own PKCS#12 or JKS keystore (default: the workbench's self-signed certificate)")
    Path keystore;

    @Option(names = "--keystore-password", paramLabel = "SECRET", description = "TLS: the password of --keystore")
    String keystorePassword;

    @Option(names = "--config-dir", paramLabel = "DIR",
            description = "TLS: where the workbench's certificate is kept (default: beside settings.json, ${sys:user.home}/.config/ucma-workbench)")
    Path configDir;

    /** A one-line problem with the options when TLS is {@code used}, or null. */
    String problem(boolean used) {
        if (!used && (keystore != null || keystorePassword != null)) {
            return "--keystore is for TLS";
        }
        if (keystorePassword != null && keystore == null) {
            return "--keystore-password goes with --keystore";
        }
        return null;
    }

    /**
     * Loads (or makes) the certificate now, so a bad keystore is one clear line before any SIP.
     *
     * @param bindAddress an address the workbench certificate must name, or null
     */
    TlsMaterial material(InetAddress bindAddress) throws TlsSetupException {
        if (keystore != null) {
            return TlsMaterial.fromKeyStore(keystore, keystorePassword == null ? null : keystorePassword.toCharArray());
        }
        Path dir = configDir != null ? configDir : ConfigFolder.path();
        return TlsMaterial.workbench(dir, bindAddress == null ? List.of() : List.of(bindAddress));
    }
}
