package io.github.ucmaworkbench.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ucmaworkbench.registrar.RegistrarConfig;
import io.github.ucmaworkbench.rtc.RegistrationState;
import io.github.ucmaworkbench.rtc.SipAuthenticationProtocols;
import io.github.ucmaworkbench.rtc.SipEndpoint;
import io.github.ucmaworkbench.rtc.SipTransportType;
import io.github.ucmaworkbench.settings.SideSettings;
import io.github.ucmaworkbench.settings.WorkbenchSettings;
import io.github.ucmaworkbench.sip.tls.TlsMaterial;
import io.github.ucmaworkbench.tutorial.EndpointSettings;
import java.net.InetAddress;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The window's embedded registrar listens on TLS too, and a side set to TLS signs in there. */
class WorkbenchTlsTest {
    @TempDir
    Path configDir;

    private Workbench workbench;

    @AfterEach
    void close() {
        if (workbench != null) {
            workbench.close();
        }
        TlsMaterial.setDefault(null);
    }

    @Test
    void aTlsSideSignsInToTheEmbeddedRegistrarsTlsPortWithTheCertificateFromTheConfigDirectory() throws Exception {
        RegistrarConfig config = WorkbenchTls.withTls(RegistrarConfig.builder()
                .bindAddress(InetAddress.getLoopbackAddress()).port(0).build(), configDir, InetAddress.getLoopbackAddress());
        workbench = Workbench.start(WorkbenchSettings.defaults(), config);
        int sipPort = workbench.registrarAddress().getPort();
        SideSettings tlsSide = new SideSettings("sip:client@example.com", true, "", SipTransportType.TLS, "", "");

        EndpointSettings resolved = workbench.endpointSettings(tlsSide);
        try (SipEndpoint endpoint = new SipEndpoint(resolved.uri(), SipAuthenticationProtocols.NONE, resolved.transport(),
                resolved.serverHost(), resolved.serverPort(), true, null, null)) {
            endpoint.register();
            assertThat(endpoint.getRegistrationState()).isEqualTo(RegistrationState.REGISTERED);
        }

        assertThat(resolved.serverPort()).isEqualTo(sipPort + 1);
        assertThat(workbench.endpointSettings(SideSettings.defaults("sip:server@example.com")).serverPort()).isEqualTo(sipPort);
        assertThat(workbench.registrarStatus()).contains(":" + sipPort + ", TLS " + (sipPort + 1));
        assertThat(workbench.tlsCertificate()).startsWith(configDir.resolve("tls-certificate.p12").toString());
    }
}
