package io.github.ucmaworkbench.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.ucmaworkbench.registrar.RegistrarConfig;
import io.github.ucmaworkbench.registrar.RegistrarService;
import io.github.ucmaworkbench.rtc.SipTransportType;
import io.github.ucmaworkbench.settings.ClassroomShare;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

/** What the teacher's window shares, from its real running registrar. */
class ClassroomSharesTest {

    @Test
    void aRegistrarOnLoopbackOnlyIsNotSharedAndSaysHowToFixIt() throws Exception {
        try (RegistrarService registrar = new RegistrarService(RegistrarConfig.builder()
                .bindAddress(InetAddress.getLoopbackAddress()).port(0).domain("class.example.org").build())) {
            InetSocketAddress address = registrar.start();
            assertThatThrownBy(() -> ClassroomShares.from(registrar, address, SipTransportType.TCP))
                    .isInstanceOf(ClassroomShare.Problem.class).hasMessageContaining("--registrar-bind");
        }
    }

    @Test
    void aRegistrarOnEveryInterfaceIsSharedWithTheLanAddressPortAndDomain() throws Exception {
        InetAddress lan;
        try {
            lan = ClassroomShares.lanAddress();
        } catch (ClassroomShare.Problem e) {
            org.junit.jupiter.api.Assumptions.abort("no LAN address on this machine: " + e.getMessage());
            return;
        }
        try (RegistrarService registrar = new RegistrarService(RegistrarConfig.builder()
                .bindAddress(InetAddress.getByName("0.0.0.0")).port(0).domain("class.example.org").build())) {
            InetSocketAddress address = registrar.start();
            ClassroomShare share = ClassroomShares.from(registrar, address, SipTransportType.TCP);
            assertThat(share.registrarHost()).isEqualTo(lan.getHostAddress());
            assertThat(share.registrarPort()).isEqualTo(address.getPort());
            assertThat(share.domain()).isEqualTo("class.example.org");
            assertThat(share.tlsFingerprint()).isEmpty();
        }
    }
}
