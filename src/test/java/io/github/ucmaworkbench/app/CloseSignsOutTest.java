package io.github.ucmaworkbench.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ucmaworkbench.settings.ServerSideSettings;
import io.github.ucmaworkbench.settings.SideSettings;
import io.github.ucmaworkbench.settings.WorkbenchSettings;
import io.github.ucmaworkbench.registrar.RegistrarConfig;
import io.github.ucmaworkbench.registrar.RegistrarService;
import io.github.ucmaworkbench.rtc.RegistrationState;
import io.github.ucmaworkbench.rtc.SipTransportType;
import io.github.ucmaworkbench.ui.WorkbenchFrame;
import java.net.InetSocketAddress;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Closing the window signs a listening server out of a classroom's (external) registrar within
 * the window's grace, so the registrar does not keep forking calls to a closed workbench.
 */
class CloseSignsOutTest {
    @Test
    void closingTheWorkbenchUnregistersFromAnExternalRegistrarWithinTheGrace() throws Exception {
        try (RegistrarService classroom = new RegistrarService(RegistrarConfig.builder().port(0).build())) {
            InetSocketAddress at = classroom.start();
            SideSettings external = new SideSettings(ServerSideSettings.DEFAULT_URI, false, "127.0.0.1:" + at.getPort(),
                    SipTransportType.TCP, "", "");
            WorkbenchSettings settings = WorkbenchSettings.defaults()
                    .withServer(ServerSideSettings.defaults().withEndpoint(external));
            Workbench workbench = Workbench.start(settings, RegistrarConfig.builder().port(0).build());
            workbench.server().signIn();
            Awaitility.await().atMost(Duration.ofSeconds(15))
                    .until(() -> workbench.server().registrationState() == RegistrationState.REGISTERED);
            workbench.server().startListening();
            Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> classroom.getRegisteredUserCount() == 1
                    && classroom.getLocationService().getBindings("server@example.com").size() == 1);

            long start = System.nanoTime();
            workbench.close();
            long millis = (System.nanoTime() - start) / 1_000_000;

            assertThat(millis).as("closing took %d ms", millis).isLessThan(WorkbenchFrame.CLOSE_GRACE_MILLIS);
            assertThat(classroom.getRegisteredUserCount()).as("the binding is gone when close returns").isZero();
        }
    }
}
