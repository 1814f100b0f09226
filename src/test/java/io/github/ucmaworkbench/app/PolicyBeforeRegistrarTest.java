package io.github.ucmaworkbench.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ucmaworkbench.registrar.RegistrarConfig;
import io.github.ucmaworkbench.rtc.RegistrationState;
import io.github.ucmaworkbench.settings.AcceptPolicySettings;
import io.github.ucmaworkbench.settings.AcceptPolicySettings.Kind;
import io.github.ucmaworkbench.settings.WorkbenchSettings;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The window gives the server its policy while the registrar is still starting (the sides are
 * renewed once it listens): the renewed server must answer by that policy, and say it once.
 */
class PolicyBeforeRegistrarTest {
    @Test
    void aPolicyGivenBeforeTheRegistrarListensIsTheOneTheServerAnswersBy() {
        Workbench workbench = Workbench.beforeRegistrar(WorkbenchSettings.defaults());
        List<String> serverLog = new CopyOnWriteArrayList<>();
        List<String> clientLog = new CopyOnWriteArrayList<>();
        try {
            workbench.server().addProgressListener(e -> serverLog.add(e.message()));
            workbench.client().addProgressListener(e -> clientLog.add(e.message()));
            workbench.server().setAcceptPolicy(new AcceptPolicySettings(Kind.REJECT, 486, "Busy Here", "X-Lesson", 20),
                    (call, answer) -> answer.accept(true));

            workbench.startRegistrar(RegistrarConfig.builder().bindAddress(InetAddress.getLoopbackAddress()).port(0).build());
            workbench.server().signIn();
            workbench.client().signIn();
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() ->
                    workbench.server().registrationState() == RegistrationState.REGISTERED
                            && workbench.client().registrationState() == RegistrationState.REGISTERED);
            workbench.server().startListening();
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> workbench.server().isListening());
            workbench.client().sendInvite(List.of(), false);

            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() ->
                    clientLog.stream().anyMatch(l -> l.contains("refused with 486 Busy Here")));
            assertThat(serverLog.stream().filter(l -> l.contains("reject with 486 Busy Here")))
                    .as("the policy is said once, by the server that uses it").hasSize(1);
        } finally {
            workbench.close();
        }
    }
}
