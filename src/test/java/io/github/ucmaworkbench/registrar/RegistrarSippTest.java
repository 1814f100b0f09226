package io.github.ucmaworkbench.registrar;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ucmaworkbench.testing.FreePorts;
import io.github.ucmaworkbench.testing.Sipp;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** SIPp, a real and independent SIP implementation, against our registrar and proxy. */
class RegistrarSippTest {
    private static final Duration SIPP_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration DEADLINE = Duration.ofSeconds(20);

    @TempDir
    Path work;
    private RegistrarService registrar;
    private String remote;

    @BeforeEach
    void startRegistrar() throws Exception {
        registrar = new RegistrarService(RegistrarConfig.builder().port(0).build());
        InetSocketAddress address = registrar.start();
        remote = "127.0.0.1:" + address.getPort();
    }

    @AfterEach
    void stop() {
        registrar.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"udp", "tcp"})
    void sippRegistersAndUnregisters(String transport) throws Exception {
        int port = FreePorts.pick();
        Sipp register = Sipp.scenario("register.xml", work).arg("-s", "carol")
                .key("domain", "example.com").key("expires", "60")
                .start(remote, port, transport, SIPP_TIMEOUT);
        register.awaitSuccess(DEADLINE);
        assertThat(registrar.getLocationService().getBindings("carol@example.com"))
                .singleElement().extracting(Binding::getContactUri).asString()
                .contains("127.0.0.1:" + port).containsIgnoringCase("transport=" + transport);

        Sipp unregister = Sipp.scenario("register.xml", work).arg("-s", "carol")
                .key("domain", "example.com").key("expires", "0")
                .start(remote, FreePorts.pick(), transport, SIPP_TIMEOUT);
        // a different local port is a different contact: '0' for it leaves the first binding alone,
        // so unregister the very contact we registered
        unregister.awaitSuccess(DEADLINE);
        Sipp unregisterSame = Sipp.scenario("register.xml", work).arg("-s", "carol")
                .key("domain", "example.com").key("expires", "0")
                .start(remote, port, transport, SIPP_TIMEOUT);
        unregisterSame.awaitSuccess(DEADLINE);
        assertThat(registrar.getLocationService().getBindings("carol@example.com")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"udp", "tcp"})
    void sippCallsSippThroughTheProxy(String transport) throws Exception {
        int uasPort = FreePorts.pick();
        registrar.getLocationService().bind("dave@example.com",
                "sip:dave@127.0.0.1:" + uasPort + ";transport=" + transport, 60);
        Sipp uas = Sipp.scenario("uas.xml", work).start(null, uasPort, transport, SIPP_TIMEOUT);
        try {
            Sipp uac = Sipp.scenario("uac.xml", work).arg("-s", "dave").key("domain", "example.com")
                    .start(remote, FreePorts.pick(), transport, SIPP_TIMEOUT);

            uac.awaitSuccess(DEADLINE);
            uas.awaitSuccess(DEADLINE);
        } finally {
            uas.kill();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"udp", "tcp"})
    void sippBuiltInUacThatIgnoresRecordRouteStillGetsThrough(String transport) throws Exception {
        // SIPp's embedded UAC sends ACK and BYE to the AOR at our address, not along the route
        // set; the proxy looks the AOR up again for them.
        int uasPort = FreePorts.pick();
        registrar.getLocationService().bind("service@example.com",
                "sip:service@127.0.0.1:" + uasPort + ";transport=" + transport, 60);
        Sipp uas = Sipp.scenario("uas.xml", work).start(null, uasPort, transport, SIPP_TIMEOUT);
        try {
            Sipp uac = Sipp.builtIn("uac", work).arg("-s", "service")
                    .start(remote, FreePorts.pick(), transport, SIPP_TIMEOUT);

            uac.awaitSuccess(DEADLINE);
            uas.awaitSuccess(DEADLINE);
        } finally {
            uas.kill();
        }
    }
}
