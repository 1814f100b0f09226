package io.github.ucmaworkbench.app.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --keystore} and {@code --keystore-password}: the user's own TLS certificate, for the window and the commands alike. */
public final class KeystoreOptions {
    @Option(names = "--keystore", paramLabel = "FILE",
            description = "TLS: your own PKCS#12 or JKS keystore (default: the workbench's self-signed certificate)")
    Path keystore;

    @Option(names = "--keystore-password", paramLabel = "SECRET", description = "TLS: the password of --keystore")
    String keystorePassword;

    /** The keystore file, or null for the workbench's own certificate. */
    public Path keystore() {
        return keystore;
    }

    /** The keystore's password, or null. */
    public char[] password() {
        return keystorePassword == null ? null : keystorePassword.toCharArray();
    }

    /** A one-line problem with the pair, or null. */
    public String problem() {
        return keystorePassword != null && keystore == null ? "--keystore-password goes with --keystore" : null;
    }

    boolean isGiven() {
        return keystore != null || keystorePassword != null;
    }
}
