package io.github.ucmaworkbench.lessons;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ucmaworkbench.rtc.SipTransportType;
import io.github.ucmaworkbench.tutorial.ClientManager;
import io.github.ucmaworkbench.tutorial.ClientSettings;
import io.github.ucmaworkbench.tutorial.EndpointSettings;
import io.github.ucmaworkbench.tutorial.ServerManager;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** How the engine decides ✔ and ✗, without any network: the managers here never sign in. */
class LessonEngineTest {
    private final ServerManager server = new ServerManager(new EndpointSettings("sip:server@example.com", "127.0.0.1", 1,
            SipTransportType.TCP, null, null));
    private final ClientManager client = new ClientManager(new ClientSettings(new EndpointSettings("sip:client@example.com",
            "127.0.0.1", 1, SipTransportType.TCP, null, null), "sip:server@example.com"));
    private final LessonEngine engine = new LessonEngine(LessonSides.of(client, server));
    private final List<String> performed = new CopyOnWriteArrayList<>();

    LessonEngineTest() {
        engine.setActionListener((side, call) -> performed.add(side.id() + " " + call));
    }

    @AfterEach
    void close() {
        engine.close();
        client.close();
        server.close();
    }

    private static LessonStep step(String action, Side side, String expect, String timeout) throws LessonFormatException {
        String text = "---\nid: t\ntitle: T\npart: 1\n[step s]\ntitle: S\nside: " + side.id() + "\naction: " + action
                + "\nregion: ClientManager#send-invite\nexpect: " + expect + (timeout == null ? "" : "\ntimeout: " + timeout)
                + "\n---\n<!-- step s -->\nText.\n";
        return new LessonParser().parse("t.md", text).steps().get(0);
    }

    @Test
    void anOutcomeThatAlreadyHoldsPassesWithoutRunningTheAction() throws Exception {
        StepResult result = engine.runAndWait(step("sign-out", Side.CLIENT, "client registration=UNREGISTERED", null));

        assertThat(result.status()).isEqualTo(StepStatus.PASSED);
        assertThat(result.reason()).startsWith("Already so: client registration=UNREGISTERED");
        assertThat(performed).isEmpty();
    }

    @Test
    void anUnexpectedErrorOnTheActingSideFailsTheStepWithThatLine() throws Exception {
        StepResult result = engine.runAndWait(step("send-invite", Side.CLIENT, "client info \"accepted\"", "5s"));

        assertThat(result.status()).isEqualTo(StepStatus.FAILED);
        assertThat(result.reason()).isEqualTo("The client's log says: Sign in before sending an invite.");
        assertThat(result.elapsed()).isLessThan(java.time.Duration.ofSeconds(3));
        assertThat(performed).containsExactly("client send-invite");
    }

    @Test
    void anExpectedErrorPasses() throws Exception {
        StepResult result = engine.runAndWait(step("send-message hi", Side.CLIENT, "client error \"Send the invite\"", null));

        assertThat(result.status()).isEqualTo(StepStatus.PASSED);
        assertThat(result.reason()).contains("Send the invite and wait");
    }

    @Test
    void anOutcomeThatNeverComesFailsAfterTheStepsTimeoutSayingWhatWasMissing() throws Exception {
        StepResult result = engine.runAndWait(step("set-policy dont-answer", Side.SERVER,
                "server info \"answered by the policy\"", null));
        assertThat(result.passed()).isTrue();

        StepResult waiting = engine.runAndWait(step("watch", Side.SERVER, "server info \"Invite arrived\"", "300ms"));

        assertThat(waiting.status()).isEqualTo(StepStatus.FAILED);
        assertThat(waiting.reason()).startsWith("Waited 0.3 s for server info \"Invite arrived\".");
    }

    @Test
    void aWatchStepDoesNotPassOnWhatTheStepBeforeItSaid() throws Exception {
        StepResult policy = engine.runAndWait(step("set-policy dont-answer", Side.SERVER,
                "server info \"answered by the policy\"", null));
        assertThat(policy.passed()).isTrue();

        StepResult watch = engine.runAndWait(step("watch", Side.SERVER, "server info \"answered by the policy\"", "400ms"));

        assertThat(watch.status()).as(watch.reason()).isEqualTo(StepStatus.FAILED);
        assertThat(watch.reason()).startsWith("Waited 0.4 s for server info \"answered by the policy\"");
    }

    @Test
    void aWatchStepPassesOnWhatHappensAfterItStarted() throws Exception {
        var watching = engine.run(step("watch", Side.SERVER, "server info \"reject with 486\"", "5s"));
        // The step has taken its marks once it announces its action; the line then comes from
        // outside the engine, the way the far side's news does.
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5)).until(() -> performed.contains("server watch"));
        server.setAcceptPolicy(new io.github.ucmaworkbench.tutorial.AcceptPolicy.Reject(486, "Busy Here"));

        StepResult watch = watching.get(10, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(watch.status()).as(watch.reason()).isEqualTo(StepStatus.PASSED);
    }

    @Test
    void aStateThatAlreadyHeldBeforeTheStepChecksNothingAndFails() throws Exception {
        // The client is signed out from the start: expecting that after a timeout change proves nothing.
        StepResult result = engine.runAndWait(step("set-timeout 1500ms", Side.CLIENT, "client registration=UNREGISTERED", "400ms"));

        assertThat(result.status()).isEqualTo(StepStatus.FAILED);
        assertThat(result.reason()).contains("something to happen during the step")
                .contains("client registration=UNREGISTERED was already so before it started");
    }
}
