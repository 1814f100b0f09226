package io.github.ucmaworkbench.ui.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ucmaworkbench.lessons.Lesson;
import io.github.ucmaworkbench.lessons.LessonEngine;
import io.github.ucmaworkbench.lessons.LessonLibrary;
import io.github.ucmaworkbench.lessons.LessonProgressStore;
import io.github.ucmaworkbench.lessons.LessonSides;
import io.github.ucmaworkbench.lessons.LessonStep;
import io.github.ucmaworkbench.lessons.StepStatus;
import io.github.ucmaworkbench.rtc.SipTransportType;
import io.github.ucmaworkbench.tutorial.ClientManager;
import io.github.ucmaworkbench.tutorial.ClientSettings;
import io.github.ucmaworkbench.tutorial.EndpointSettings;
import io.github.ucmaworkbench.tutorial.ServerManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Run step walks the lesson: a passed step moves on, so the next press runs the next step; a
 * failed one stays. Swing-free: the presenter's "event thread" is a single-thread executor, and
 * the managers never sign in (setting and timeout steps need no network).
 */
class LessonPresenterTest {
    private static final String LESSON = """
            ---
            id: walk
            title: Walk
            part: 1
            [step set-up]
            title: Start signed out
            side: client
            action: sign-out
            region: TutorialManager#sign-out
            expect: client registration=UNREGISTERED
            [step slow]
            title: A slower timeout of 1.5 seconds, a title long enough to need two lines in a narrow lesson column
            side: client
            action: set-timeout 1500ms
            region: TutorialManager#sign-in
            expect: client timeout=1500ms
            [step wrong]
            title: A step that cannot pass
            side: client
            action: set-timeout 1s
            region: TutorialManager#sign-in
            expect: client timeout=3000ms
            timeout: 300ms
            [step last]
            title: The last step
            side: client
            action: set-timeout 2s
            region: TutorialManager#sign-in
            expect: client timeout=2000ms
            ---
            Intro.

            <!-- step set-up -->
            Text.

            <!-- step slow -->
            Text.

            <!-- step wrong -->
            Text.

            <!-- step last -->
            Text.
            """;

    @TempDir
    Path temp;

    private final ServerManager server = new ServerManager(new EndpointSettings("sip:server@example.com", "127.0.0.1", 1,
            SipTransportType.TCP, null, null));
    private final ClientManager client = new ClientManager(new ClientSettings(new EndpointSettings("sip:client@example.com",
            "127.0.0.1", 1, SipTransportType.TCP, null, null), "sip:server@example.com"));
    private final ExecutorService ui = Executors.newSingleThreadExecutor();
    private final Semaphore changes = new Semaphore(0);
    private final List<String> ended = new CopyOnWriteArrayList<>();
    private LessonProgressStore store;
    private LessonPresenter presenter;

    @BeforeEach
    void open() throws Exception {
        Path folder = Files.createDirectories(temp.resolve("lessons"));
        Files.writeString(folder.resolve("01-walk.md"), LESSON);
        LessonLibrary library = LessonLibrary.load(folder);
        assertThat(library.problems()).isEmpty();
        store = new LessonProgressStore(temp.resolve(LessonProgressStore.FILE_NAME));
        presenter = new LessonPresenter(library, store, new LessonEngine(LessonSides.of(client, server)), ui,
                changes::release, step -> ended.add(step.id()));
        Lesson walk = library.lessons().get(0);
        onUi(() -> {
            presenter.showLesson(walk);
            return null;
        });
    }

    @AfterEach
    void close() throws Exception {
        presenter.close();
        ui.shutdownNow();
        client.close();
        server.close();
        store.close();
    }

    private <T> T onUi(Callable<T> work) throws Exception {
        return ui.submit(work).get(10, TimeUnit.SECONDS);
    }

    /** Presses Run step and waits until the step has finished. */
    private void runAndWait() throws Exception {
        assertThat(onUi(presenter::run)).as("a step could start").isTrue();
        assertThat(changes.tryAcquire(15, TimeUnit.SECONDS)).as("the step finished").isTrue();
    }

    @Test
    void runStepRunsTheNextStepEachTime() throws Exception {
        runAndWait();
        assertThat(onUi(() -> presenter.reason(presenter.lesson().steps().get(0)))).startsWith("Already so");
        assertThat(onUi(presenter::stepIndex)).isEqualTo(1);
        assertThat(onUi(() -> presenter.statusLine().text())).startsWith("\u2714 Step 1 passed. Next: ");

        runAndWait(); // the second press runs step 2, not step 1 again
        LessonStep slow = onUi(() -> presenter.lesson().steps().get(1));
        assertThat(onUi(() -> presenter.statusOf(slow.id()))).isEqualTo(StepStatus.PASSED);
        assertThat(onUi(() -> presenter.reason(slow))).startsWith("Seen: client timeout=1500ms");
        assertThat(client.getOperationTimeout().toMillis()).isEqualTo(1500);
        assertThat(onUi(presenter::stepIndex)).isEqualTo(2);
        assertThat(ended).containsExactly("set-up", "slow");
    }

    @Test
    void aFailedStepStaysOnScreenToBeRunAgain() throws Exception {
        onUi(() -> presenter.showStep(2));

        runAndWait();

        assertThat(onUi(presenter::stepIndex)).isEqualTo(2);
        assertThat(onUi(() -> presenter.statusLine().text())).startsWith("\u2717 Waited 0.3 s");
        assertThat(ended).containsExactly("wrong");
    }

    @Test
    void theLastStepStaysWithItsTick() throws Exception {
        onUi(() -> presenter.showStep(3));

        runAndWait();

        assertThat(onUi(presenter::stepIndex)).isEqualTo(3);
        assertThat(onUi(() -> presenter.statusLine().text())).startsWith("\u2714 Seen: client timeout=2000ms");
    }

    @Test
    void aStudentWhoMovedAwayDuringTheStepIsNotMoved() throws Exception {
        onUi(() -> presenter.showStep(1));
        // In one event-thread task, so the step cannot finish before the student moves back.
        assertThat(onUi(() -> presenter.run() && presenter.showStep(0))).isTrue();

        assertThat(changes.tryAcquire(15, TimeUnit.SECONDS)).isTrue();

        assertThat(onUi(presenter::stepIndex)).isEqualTo(0);
        assertThat(onUi(() -> presenter.statusOf("slow"))).isEqualTo(StepStatus.PASSED);
    }

    @Test
    void movingByHandForgetsThePassedNote() throws Exception {
        runAndWait();
        onUi(() -> presenter.showStep(2));
        onUi(() -> presenter.showStep(1));

        assertThat(onUi(() -> presenter.statusLine().text())).doesNotContain("passed");
    }
}
