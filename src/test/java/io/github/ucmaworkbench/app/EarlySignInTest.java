package io.github.ucmaworkbench.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ucmaworkbench.registrar.RegistrarConfig;
import io.github.ucmaworkbench.rtc.RegistrationState;
import io.github.ucmaworkbench.settings.WorkbenchSettings;
import io.github.ucmaworkbench.settings.AcceptPolicySettings;
import io.github.ucmaworkbench.tutorial.ServerManager;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The window is built while the registrar starts: a Sign in pressed before the registrar listens
 * waits for it and goes to the port it really bound, not to the address known before.
 */
class EarlySignInTest {
    @Test
    void aSignInAskedForBeforeTheRegistrarListensReachesItsRealPort() {
        Workbench workbench = Workbench.beforeRegistrar(WorkbenchSettings.defaults());
        try {
            workbench.client().signIn();
            workbench.server().signIn();
            assertThat(workbench.registrarReady()).isNotDone();
            assertThat(workbench.registrarStatus()).startsWith("Embedded registrar starting");

            workbench.startRegistrar(RegistrarConfig.builder().bindAddress(InetAddress.getLoopbackAddress()).port(0).build());

            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() ->
                    workbench.client().registrationState() == RegistrationState.REGISTERED
                            && workbench.server().registrationState() == RegistrationState.REGISTERED);
            // the status follows the registrar's own count, which may trail the endpoints' REGISTERED
            Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(workbench.registrarStatus())
                    .contains(":" + workbench.registrarAddress().getPort()).contains("2 users signed in"));
        } finally {
            workbench.close();
        }
    }

    @Test
    void thePolicyChosenBeforeTheRegistrarListensHoldsAfterwardsAndIsLoggedOnce() {
        Workbench workbench = Workbench.beforeRegistrar(WorkbenchSettings.defaults());
        List<String> serverLog = new CopyOnWriteArrayList<>();
        try {
            workbench.server().addProgressListener(entry -> serverLog.add(entry.message()));
            AcceptPolicySettings reject = new AcceptPolicySettings(AcceptPolicySettings.Kind.REJECT, 486, "Busy Here",
                    AcceptPolicySettings.DEFAULT_REQUIRED_HEADER, AcceptPolicySettings.DEFAULT_ASK_TIMEOUT_SECONDS);
            workbench.server().setAcceptPolicy(reject, (call, answer) -> answer.accept(false));
            ServerManager before = workbench.serverManager();

            workbench.startRegistrar(RegistrarConfig.builder().bindAddress(InetAddress.getLoopbackAddress()).port(0).build());

            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> workbench.serverManager() != before);
            assertThat(workbench.serverManager().getSettings().serverPort()).isEqualTo(workbench.registrarAddress().getPort());
            assertThat(workbench.serverManager().getAcceptPolicy()).isSameAs(before.getAcceptPolicy());
            // the line comes from the rtc worker that applies the policy, after the manager is swapped
            Awaitility.await().atMost(Duration.ofSeconds(20))
                    .until(() -> serverLog.stream().anyMatch(line -> line.startsWith("Invites will be answered")));
            assertThat(serverLog).filteredOn(line -> line.startsWith("Invites will be answered")).hasSize(1);
        } finally {
            workbench.close();
        }
    }

    @Test
    void aRegistrarThatCannotStartLetsTheSidesGoOn() {
        Workbench workbench = Workbench.beforeRegistrar(WorkbenchSettings.defaults());
        try {
            workbench.registrarFailed("The embedded registrar did not start: testing.");
            assertThat(workbench.registrarReady()).isDone();
            assertThat(workbench.registrarAddress()).isNull();
            assertThat(workbench.registrarStatus()).startsWith("Embedded registrar not running (it did not start: testing.)");
        } finally {
            workbench.close();
        }
    }
}
