package io.github.ucmaworkbench.registrar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.ucmaworkbench.sip.tls.TlsMaterial;
import io.github.ucmaworkbench.sip.tls.TlsSetupException;
import io.github.ucmaworkbench.sip.tls.TlsSource;
import io.github.ucmaworkbench.testing.FreePorts;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The registrar's TLS port: where it goes, what it presents, and what stops it. */
class RegistrarTlsTest {
    @TempDir
    Path configDir;

    private TlsSource workbench() throws TlsSetupException {
        return TlsSource.of(TlsMaterial.workbench(configDir, List.of()));
    }

    @Test
    void explicitTlsPortIsUsedAndPresentsTheWorkbenchCertificate() throws Exception {
        int tlsPort = FreePorts.pick();
        TlsMaterial material = TlsMaterial.workbench(configDir, List.of());
        try (RegistrarService registrar = new RegistrarService(RegistrarConfig.builder().port(0)
                .tls(TlsSource.of(material)).tlsPort(tlsPort).build())) {
            registrar.start();

            assertThat(registrar.getTlsAddress().getPort()).isEqualTo(tlsPort);
            try (SSLSocket socket = (SSLSocket) material.sslContext().getSocketFactory()
                    .createSocket(InetAddress.getLoopbackAddress(), tlsPort)) {
                socket.startHandshake();
                assertThat(socket.getSession().getPeerCertificates()[0]).isEqualTo(material.certificate());
                assertThat(socket.getSession().getProtocol()).isIn("TLSv1.3", "TLSv1.2");
            }
        }
    }

    @Test
    void takenTlsPortWithAFixedPortFailsNamingTheTlsPort() throws Exception {
        try (ServerSocket squatter = new ServerSocket()) {
            squatter.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            int tls = squatter.getLocalPort();
            RegistrarService registrar = new RegistrarService(RegistrarConfig.builder().port(FreePorts.pick())
                    .fixedPort(true).tls(workbench()).tlsPort(tls).build());
            try (registrar) {
                assertThatThrownBy(registrar::start).isInstanceOf(IOException.class)
                        .hasMessageContaining("(TLS port " + tls + ") is taken");
            }
        }
    }

    @Test
    void unusableKeystoreFailsStartWithItsReason() throws Exception {
        TlsSource broken = () -> TlsMaterial.fromKeyStore(configDir.resolve("missing.p12"), null);
        try (RegistrarService registrar = new RegistrarService(RegistrarConfig.builder().port(0).tls(broken).build())) {
            assertThatThrownBy(registrar::start).isInstanceOf(IOException.class)
                    .hasMessageContaining("missing.p12 does not exist");
        }
    }

    @Test
    void tlsPortCannotBeTheSipPort() {
        assertThatThrownBy(() -> RegistrarConfig.builder().port(5070).tlsPort(5070).build())
                .isInstanceOf(IllegalArgumentException.class);
    }
}
