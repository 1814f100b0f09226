package io.github.ucmaworkbench.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ucmaworkbench.registrar.RegistrarConfig;
import io.github.ucmaworkbench.ui.ServerPanel;
import io.github.ucmaworkbench.ui.exercise.ExercisePanel;
import io.github.ucmaworkbench.ui.exercise.HomeworkTabs;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import javax.swing.JTabbedPane;
import org.assertj.swing.edt.GuiActionRunner;
import org.fife.ui.rsyntaxtextarea.RSyntaxTextArea;
import org.junit.jupiter.api.Test;

/**
 * Homework in the real window: the Homework tab beside the lesson, a starter that fails its
 * check, a solution that passes with ✔, and Run putting it in the window's own server so its
 * progress log shows it. With {@code -Ducma.screenshots=true} it also writes the README's
 * pictures (then on the default registrar port, as the other pictures):
 * <pre>xvfb-run -a -s "-screen 0 1280x1024x24" mvn -B test -Dtest=HomeworkWindowTest -Ducma.screenshots=true</pre>
 */
class HomeworkWindowTest extends WindowTest {
    @Override
    protected void onSetUp() {
        io.github.ucmaworkbench.trace.SipTrace.global().clear();
        WindowFixture.Builder builder = aWindow().configDirProperty().asMainShowsIt().decorated()
                .shownAt(new java.awt.Dimension(1280, 1000), new java.awt.Point(0, 0));
        open(ScreenshotsTest.wanted() ? builder.registrar(RegistrarConfig.defaults()) : builder);
    }

    @Test
    void homeworkFailingAndPassing() throws Exception {
        if (ScreenshotsTest.wanted()) {
            Files.createDirectories(ScreenshotsTest.OUT);
        }
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
        clickShowing(window.button(ExercisePanel.CHECK), window.label(ExercisePanel.STATUS));
        waitForText(window.label(ExercisePanel.STATUS), "Failed", 40_000);
        capture("homework-failing.png");

        String reference = resource("solutions/require-student-id");
        GuiActionRunner.execute(() -> {
            editor.setText(reference);
            editor.setCaretPosition(0);
            return null;
        });
        clickShowing(window.button(ExercisePanel.CHECK), window.label(ExercisePanel.STATUS));
        waitForText(window.label(ExercisePanel.STATUS), "Passed", 40_000);
        assertThat(window.list(ExercisePanel.RESULTS).contents()).contains("    ✔ server sent 403 INVITE reason \"X-Student-Id\"");
        capture("homework-passing.png");

        clickShowing(window.button(ExercisePanel.RUN), window.label(ExercisePanel.STATUS));
        waitForText(window.label(ExercisePanel.STATUS), "Ran: every step", 40_000);
        waitFor(window, ServerPanel.LOG_NAME, "Your sessionReceived returned after");
        waitFor(window, ServerPanel.LOG_NAME, "Refused an invite without X-Student-Id.");
    }

    private void capture(String file) throws Exception {
        if (ScreenshotsTest.wanted()) {
            ScreenshotsTest.capture(window, robot(), file);
        }
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = HomeworkWindowTest.class.getResourceAsStream("/exercises/" + name + ".java")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
