package io.github.ucmaworkbench.app;

import io.github.ucmaworkbench.registrar.RegistrarConfig;
import io.github.ucmaworkbench.rtc.sip.tls.TlsMaterial;
import io.github.ucmaworkbench.rtc.sip.tls.TlsSetupException;
import io.github.ucmaworkbench.rtc.sip.tls.TlsSource;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.List;
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
     * {@code config} with TLS, and the certificate made the process default; without TLS when the
     * certificate cannot be made (the reason then reaches whoever uses TLS, as their failure).
     */
    static RegistrarConfig withTls(RegistrarConfig config, Path configDir, InetAddress bind) {
        try {
            TlsMaterial material = TlsMaterial.workbench(configDir, List.of(bind));
            TlsMaterial.setDefault(() -> material);
            return config.toBuilder().tls(TlsSource.of(material)).build();
        } catch (TlsSetupException e) {
            LOG.warn("no TLS: {}", e.getMessage());
            TlsMaterial.setDefault(() -> {
                throw e;
            });
            return config;
        }
    }
}
