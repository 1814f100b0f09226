package io.github.ucmaworkbench.app;

import io.github.ucmaworkbench.common.DaemonThreads;
import io.github.ucmaworkbench.registrar.RegistrarConfig;
import io.github.ucmaworkbench.sip.tls.TlsMaterial;
import io.github.ucmaworkbench.sip.tls.TlsSetupException;
import io.github.ucmaworkbench.sip.tls.TlsSource;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The window's TLS: the workbench certificate beside settings.json (so {@code --config-dir} keeps
 * it with the class's other state), used by both sides and by the embedded registrar, which then
 * always listens on TLS too (port + 1) so a side switched to TLS in the settings just works.
 */
final class WorkbenchTls {
    private static final Logger LOG = LoggerFactory.getLogger(WorkbenchTls.class);

    private WorkbenchTls() {
    }

    /**
     * Starts loading (or making) the certificate on its own thread, so the PKCS#12 read and the
     * SSL context's set-up overlap the look and feel and settings loading of a cold start.
     */
    static CompletableFuture<TlsSource> load(Path configDir, InetAddress bind) {
        return load(configDir, bind, null, null);
    }

    /** Like the other, but the user's own keystore when {@code keystore} is not null. */
    static CompletableFuture<TlsSource> load(Path configDir, InetAddress bind, Path keystore, char[] keystorePassword) {
        CompletableFuture<TlsSource> loaded = new CompletableFuture<>();
        DaemonThreads.start("tls-certificate", () -> {
            try {
                TlsMaterial material = keystore != null ? TlsMaterial.fromKeyStore(keystore, keystorePassword)
                        : TlsMaterial.workbench(configDir, List.of(bind));
                loaded.complete(TlsSource.of(material));
            } catch (TlsSetupException e) {
                loaded.complete(() -> {
                    throw e;
                });
            } catch (RuntimeException | Error e) {
                loaded.completeExceptionally(e);
            }
        });
        return loaded;
    }

    /** {@code config} with what {@link #load} found, which also becomes the process default. */
    static RegistrarConfig withTls(RegistrarConfig config, CompletableFuture<TlsSource> loading) {
        try {
            return withTlsOrThrow(config, loading);
        } catch (TlsSetupException e) {
            LOG.warn("no TLS: {}", e.getMessage());
            return config;
        }
    }

    /** Like {@link #withTls(RegistrarConfig, CompletableFuture)}, but says why there is no TLS. */
    static RegistrarConfig withTlsOrThrow(RegistrarConfig config, CompletableFuture<TlsSource> loading)
            throws TlsSetupException {
        TlsSource source = loading.join();
        TlsMaterial.setDefault(source);
        source.get();
        return config.toBuilder().tls(source).build();
    }

    /**
     * {@code config} with TLS, and the certificate made the process default; without TLS when the
     * certificate cannot be made (the reason then reaches whoever uses TLS, as their failure).
     */
    static RegistrarConfig withTls(RegistrarConfig config, Path configDir, InetAddress bind) {
        return withTls(config, load(configDir, bind));
    }
}
