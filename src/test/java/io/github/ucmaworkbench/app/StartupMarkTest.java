package io.github.ucmaworkbench.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ucmaworkbench.lessons.LessonLibrary;
import io.github.ucmaworkbench.lessons.LessonProgressStore;
import io.github.ucmaworkbench.lessons.exercise.ExerciseLibrary;
import io.github.ucmaworkbench.registrar.RegistrarConfig;
import io.github.ucmaworkbench.settings.SettingsHolder;
import io.github.ucmaworkbench.settings.WorkbenchSettings;
import io.github.ucmaworkbench.testing.ComponentTree;
import io.github.ucmaworkbench.ui.ClientPanel;
import io.github.ucmaworkbench.ui.GuiTest;
import io.github.ucmaworkbench.ui.ServerPanel;
import io.github.ucmaworkbench.ui.SidePanel;
import io.github.ucmaworkbench.ui.WorkbenchFrame;
import io.github.ucmaworkbench.ui.ladder.LadderView;
import io.github.ucmaworkbench.ui.lesson.LessonView;
import java.awt.Component;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javax.swing.text.JTextComponent;
import org.assertj.swing.edt.GuiActionRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16 item 11: "Workbench ready" (benchmark 1's finish line) comes once the window is whole,
 * the lesson's text and code and the ladder painted and the registrar listening, not when the
 * window merely opens.
 */
class StartupMarkTest extends GuiTest {
    @TempDir
    Path configDir;

    private Workbench workbench;
    private WorkbenchFrame frame;
    private final List<String> lines = new ArrayList<>();
    private final List<String> seenAtMark = new ArrayList<>();
    private final List<String> seenAtShown = new ArrayList<>();

    @Override
    protected void onSetUp() {
        System.setProperty("ucma.workbench.config.dir", configDir.toString());
    }

    @Override
    protected void onTearDown() {
        if (frame != null) {
            GuiActionRunner.execute(() -> frame.dispose());
        }
        if (workbench != null) {
            workbench.close();
        }
        System.clearProperty("ucma.workbench.config.dir");
    }

    @Test
    void theMarkWaitsForTheLessonColumnAndTheRegistrar() {
        SettingsHolder settings = new SettingsHolder(new SettingsStore(configDir), WorkbenchSettings.defaults());
        workbench = Workbench.beforeRegistrar(settings.get());
        CompletableFuture<LessonLibrary> lessons = new CompletableFuture<>();
        StartupMark mark = new StartupMark(this::marked, workbench::registrarAddress);
        frame = GuiActionRunner.execute(() -> Main.show(workbench, settings, lessons,
                CompletableFuture.completedFuture(ExerciseLibrary.loadOrReport()),
                new LessonProgressStore(configDir.resolve(LessonProgressStore.FILE_NAME)), null, () -> { }, mark));

        waitUntil("the window is open", () -> GuiActionRunner.execute(() -> frame.isShowing()));
        drainEventThread();
        assertThat(marks()).as("open, but no lesson and no registrar yet").isEmpty();

        Main.startRegistrar(workbench, settings.get(), RegistrarConfig.builder()
                .bindAddress(InetAddress.getLoopbackAddress()).port(0), null);
        mark.registrarReady();
        waitUntil("the frame painted and the registrar listening", () -> !shown().isEmpty());
        drainEventThread();
        assertThat(marks()).as("the registrar listens, the lesson is not in yet").isEmpty();
        assertThat(shown()).as("the second row's line: the real frame painted, the registrar listening").hasSize(1);
        assertThat(shown().get(0)).startsWith("Workbench shown: frame painted")
                .contains("registrar listening on ").contains(":" + workbench.registrarAddress().getPort() + " ");
        synchronized (lines) {
            assertThat(seenAtShown).as("both panels were on screen when it was printed")
                    .containsExactly(ClientPanel.PREFIX + SidePanel.TITLE, ServerPanel.PREFIX + SidePanel.TITLE);
        }

        lessons.complete(LessonLibrary.loadOrReport());
        waitUntil("the mark", () -> !marks().isEmpty());

        assertThat(marks()).hasSize(1);
        assertThat(shown()).as("printed once").hasSize(1);
        assertThat(marks().get(0)).startsWith("Workbench ready: window whole")
                .contains(" " + LessonLibrary.loadOrReport().lessons().size() + " lessons, ")
                .containsPattern("registrar listening on \\S*127\\.0\\.0\\.1:" + workbench.registrarAddress().getPort() + " ");
        synchronized (lines) {
            assertThat(seenAtMark).containsExactly(LessonView.TEXT, LessonView.JAVA_CODE, LadderView.CANVAS);
        }
    }

    /** Runs on the event thread: what was on screen when the line was printed. */
    private void marked(String line) {
        synchronized (lines) {
            boolean ready = line.startsWith(StartupMark.PREFIX);
            List<String> names = ready ? List.of(LessonView.TEXT, LessonView.JAVA_CODE, LadderView.CANVAS)
                    : List.of(ClientPanel.PREFIX + SidePanel.TITLE, ServerPanel.PREFIX + SidePanel.TITLE);
            for (String name : names) {
                Component c = ComponentTree.find(frame, name);
                boolean filled = !(c instanceof JTextComponent t) || !t.getText().isBlank();
                if (c != null && c.isShowing() && c.getWidth() > 0 && c.getHeight() > 0 && filled) {
                    (ready ? seenAtMark : seenAtShown).add(name);
                }
            }
            lines.add(line);
        }
    }

    /** The "Workbench ready" lines. */
    private List<String> marks() {
        synchronized (lines) {
            return lines.stream().filter(l -> l.startsWith(StartupMark.PREFIX)).toList();
        }
    }

    /** The "Workbench shown" lines. */
    private List<String> shown() {
        synchronized (lines) {
            return lines.stream().filter(l -> l.startsWith(StartupMark.SHOWN_PREFIX)).toList();
        }
    }

    /** Lets every event queued so far (and those they queue) run. */
    private static void drainEventThread() {
        for (int i = 0; i < 5; i++) {
            GuiActionRunner.execute(() -> null);
        }
    }
}
