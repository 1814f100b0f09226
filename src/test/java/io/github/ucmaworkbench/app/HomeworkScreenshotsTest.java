package io.github.ucmaworkbench.app;

import io.github.ucmaworkbench.app.settings.SettingsHolder;
import io.github.ucmaworkbench.app.settings.SettingsStore;
import io.github.ucmaworkbench.app.settings.WorkbenchSettings;
import io.github.ucmaworkbench.lessons.LessonProgressStore;
import io.github.ucmaworkbench.registrar.RegistrarConfig;
import io.github.ucmaworkbench.ui.GuiTest;
import io.github.ucmaworkbench.ui.WorkbenchFrame;
import io.github.ucmaworkbench.ui.exercise.ExercisePanel;
import io.github.ucmaworkbench.ui.exercise.HomeworkTabs;
import io.github.ucmaworkbench.app.settings.Theme;
import io.github.ucmaworkbench.ui.theme.ThemeSupport;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.swing.JTabbedPane;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.fixture.FrameFixture;
import org.fife.ui.rsyntaxtextarea.RSyntaxTextArea;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's pictures of homework in the real window, failing and passing:
 * <pre>xvfb-run -a -s "-screen 0 1280x1024x24" mvn -B test -Dtest=HomeworkScreenshotsTest -Ducma.screenshots=true</pre>
 */
@EnabledIfSystemProperty(named = "ucma.screenshots", matches = "true")
class HomeworkScreenshotsTest extends GuiTest {
    @TempDir
    Path configDir;

    private Workbench workbench;
    private FrameFixture window;

    @Override
    protected void onSetUp() throws Exception {
        System.setProperty(LessonProgressStore.CONFIG_DIR_PROPERTY, configDir.toString());
        io.github.ucmaworkbench.trace.SipTrace.global().clear();
        SettingsHolder settings = new SettingsHolder(new SettingsStore(configDir), WorkbenchSettings.defaults());
        workbench = Workbench.start(settings.get(), RegistrarConfig.defaults());
        WorkbenchFrame frame = GuiActionRunner.execute(() -> {
            ThemeSupport.install(Theme.LIGHT, false);
            javax.swing.JFrame.setDefaultLookAndFeelDecorated(true);
            WorkbenchFrame f = Main.show(workbench, settings, null, () -> { });
            f.setLocation(0, 0);
            return f;
        });
        window = new FrameFixture(robot(), frame);
        window.show(new java.awt.Dimension(1280, 1000));
        window.moveTo(new java.awt.Point(0, 0));
    }

    @Override
    protected void onTearDown() {
        workbench.close();
        System.clearProperty(LessonProgressStore.CONFIG_DIR_PROPERTY);
        GuiActionRunner.execute(() -> javax.swing.JFrame.setDefaultLookAndFeelDecorated(false));
    }

    @Test
    void homeworkFailingAndPassing() throws Exception {
        Files.createDirectories(ScreenshotsTest.OUT);
        waitUntil("the homework tab is there", () -> GuiActionRunner.execute(
                () -> window.robot().finder().findByName(HomeworkTabs.NAME, JTabbedPane.class, false) != null));
        JTabbedPane tabs = window.robot().finder().findByName(HomeworkTabs.NAME, JTabbedPane.class, false);
        GuiActionRunner.execute(() -> {
            tabs.setSelectedIndex(1);
            // Wider than the window's default third, so the README's picture shows the code.
            if (tabs.getParent() instanceof javax.swing.JSplitPane split) {
                split.setDividerLocation(split.getWidth() - 620);
            }
            ((HomeworkTabs) tabs).homework().select("require-student-id");
            return null;
        });
        RSyntaxTextArea editor = (RSyntaxTextArea) window.textBox(ExercisePanel.EDITOR).target();
        waitUntil("the starter is loaded", () -> GuiActionRunner.execute(() -> editor.getText().contains("RequireIdHomework")));
        window.button(ExercisePanel.CHECK).click();
        waitUntil("the starter fails", () -> window.label(ExercisePanel.STATUS).text().startsWith("Failed"), 40_000);
        ScreenshotsTest.capture(window, robot(), "homework-failing.png");

        String reference = resource("solutions/require-student-id");
        GuiActionRunner.execute(() -> {
            editor.setText(reference);
            editor.setCaretPosition(0);
            return null;
        });
        window.button(ExercisePanel.CHECK).click();
        waitUntil("the reference passes", () -> window.label(ExercisePanel.STATUS).text().startsWith("Passed"), 40_000);
        ScreenshotsTest.capture(window, robot(), "homework-passing.png");
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = HomeworkScreenshotsTest.class.getResourceAsStream("/exercises/" + name + ".java")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
