package io.github.ucmaworkbench.ui.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ucmaworkbench.app.SettingsStore;
import io.github.ucmaworkbench.app.Workbench;
import io.github.ucmaworkbench.lessons.Lesson;
import io.github.ucmaworkbench.lessons.LessonLibrary;
import io.github.ucmaworkbench.lessons.LessonProgressStore;
import io.github.ucmaworkbench.lessons.LessonStep;
import io.github.ucmaworkbench.lessons.StepStatus;
import io.github.ucmaworkbench.registrar.RegistrarConfig;
import io.github.ucmaworkbench.settings.AcceptPolicySettings;
import io.github.ucmaworkbench.settings.SettingsHolder;
import io.github.ucmaworkbench.settings.Theme;
import io.github.ucmaworkbench.settings.WorkbenchSettings;
import io.github.ucmaworkbench.ui.ClientPanel;
import io.github.ucmaworkbench.ui.GuiTest;
import io.github.ucmaworkbench.ui.ServerPanel;
import io.github.ucmaworkbench.ui.WorkbenchFrame;
import io.github.ucmaworkbench.ui.log.ProgressLogPanel;
import io.github.ucmaworkbench.ui.policy.AcceptPolicyPanel;
import io.github.ucmaworkbench.ui.theme.ThemeSupport;
import java.awt.Dimension;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.swing.JComponent;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.fixture.FrameFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Part 6 walked in the real window: the app's registrar and managers, the lesson column driving them. */
class WindowLessonSixTest extends GuiTest {
    @TempDir
    Path configDir;

    private Workbench workbench;
    private WindowLessonHost host;
    private LessonView lessons;
    private FrameFixture window;

    @Override
    protected void onSetUp() throws Exception {
        SettingsHolder settings = new SettingsHolder(new SettingsStore(configDir), WorkbenchSettings.defaults());
        workbench = Workbench.start(settings.get(), RegistrarConfig.builder()
                .bindAddress(InetAddress.getLoopbackAddress()).port(0).build());
        LessonLibrary library = LessonLibrary.load(Path.of("lessons"));
        LessonProgressStore store = new LessonProgressStore(configDir.resolve(LessonProgressStore.FILE_NAME));
        WorkbenchFrame frame = GuiActionRunner.execute(() -> {
            ThemeSupport.install(Theme.LIGHT, false);
            WorkbenchFrame f = new WorkbenchFrame(workbench, settings, () -> { });
            host = new WindowLessonHost(f, workbench::clientManager, workbench::serverManager);
            lessons = new LessonView(host, library, store);
            f.setLessonView(lessons);
            return f;
        });
        window = new FrameFixture(robot(), frame);
        window.show(new Dimension(1280, 1000));
        // The robot shows windows at (100, 100): the lesson column, on the right, would hang off a
        // 1280-wide screen.
        window.moveTo(new java.awt.Point(0, 0));
    }

    @Override
    protected void onTearDown() {
        GuiActionRunner.execute(() -> lessons.close());
        workbench.close();
    }

    @Test
    void lessonSixRunsStepByStepAndTheWindowFollows() {
        window.comboBox(LessonView.PICKER).selectItem("6. Accepting the INVITE");
        Lesson six = GuiActionRunner.execute(() -> lessons.currentLesson());
        List<String> outlined = new ArrayList<>();

        for (int i = 0; i < six.steps().size(); i++) {
            LessonStep step = six.steps().get(i);
            window.button(LessonView.RUN).click();
            waitUntil("step " + step.id(), () -> {
                StepStatus s = GuiActionRunner.execute(() -> lessons.statusOf(step.id()));
                return s == StepStatus.PASSED || s == StepStatus.FAILED;
            });
            assertThat(window.textBox(LessonView.STATUS).text()).as(step.id()).startsWith("\u2714");
            JComponent last = GuiActionRunner.execute(() -> host.lastHighlighted());
            if (last != null && !outlined.contains(last.getName())) {
                outlined.add(last.getName());
            }
            if (step.id().equals("invite-arrives")) {
                // The window's own panels saw the same session the lesson set up.
                waitUntil("client panel in a session",
                        () -> window.label(ClientPanel.STATE_NAME).text().endsWith("in a session"));
                waitUntil("server log", () -> logContains(ServerPanel.LOG_NAME, "Session established"));
            }
            if (step.id().equals("policy-reject")) {
                // The setting the step applied is shown in the server's own policy panel.
                waitUntil("policy panel shows the rejection", () -> GuiActionRunner.execute(() -> {
                    AcceptPolicySettings shown = ((AcceptPolicyPanel) window.robot().finder()
                            .findByName(ServerPanel.POLICY, false)).policy();
                    return shown.kind() == AcceptPolicySettings.Kind.REJECT && shown.rejectCode() == 486;
                }));
            }
            if (step.id().equals("rejected")) {
                waitUntil("client log shows 486", () -> logContains(ClientPanel.LOG_NAME, "refused with 486"));
            }
            // A passed step moves the lesson on: the next Run step press runs the next step.
        }

        assertThat(outlined).contains(ServerPanel.SIGN_IN, ClientPanel.SIGN_IN, ServerPanel.LISTEN, ClientPanel.SEND_INVITE,
                ClientPanel.HANG_UP);
        assertThat(window.list(LessonView.STEPS).contents()).allSatisfy(item -> assertThat(item).startsWith("\u2714"));
    }

    private boolean logContains(String logName, String text) {
        return java.util.Arrays.stream(window.list(logName + ProgressLogPanel.LIST).contents()).anyMatch(l -> l.contains(text));
    }

}
