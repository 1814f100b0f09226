package io.github.ucmaworkbench.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ucmaworkbench.registrar.RegistrarConfig;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

/** What the window tells the user about where its registrar listens. */
class WorkbenchStartNoticesTest {
    @Test
    void loopbackOnTheAskedPortNeedsNoNotice() throws Exception {
        RegistrarConfig asked = RegistrarConfig.builder().bindAddress(InetAddress.getLoopbackAddress()).port(5060).build();

        assertThat(Workbench.startNotices(asked, new InetSocketAddress("127.0.0.1", 5060))).isEmpty();
    }

    @Test
    void aMovedPortIsNamed() throws Exception {
        RegistrarConfig asked = RegistrarConfig.builder().bindAddress(InetAddress.getLoopbackAddress()).port(5060).build();

        assertThat(Workbench.startNotices(asked, new InetSocketAddress("127.0.0.1", 5061))).containsExactly(
                "Port 5060 was taken, so the embedded registrar listens on 127.0.0.1:5061 instead.");
    }

    @Test
    void anAddressOthersCanReachIsAWarning() throws Exception {
        InetAddress lan = InetAddress.getByName("192.168.1.10");
        RegistrarConfig asked = RegistrarConfig.builder().bindAddress(lan).port(5060).build();

        assertThat(Workbench.startNotices(asked, new InetSocketAddress(lan, 5060)))
                .singleElement().asString().contains("reachable by other machines").contains("192.168.1.10:5060");
    }
}
