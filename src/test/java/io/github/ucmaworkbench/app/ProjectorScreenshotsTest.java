package io.github.ucmaworkbench.app;

import io.github.ucmaworkbench.registrar.RegistrarConfig;
import io.github.ucmaworkbench.ui.ClientPanel;
import io.github.ucmaworkbench.ui.ServerPanel;
import io.github.ucmaworkbench.ui.WorkbenchFrame;
import io.github.ucmaworkbench.ui.ladder.LadderView;
import io.github.ucmaworkbench.ui.lesson.LessonView;
import java.awt.Rectangle;
import java.nio.file.Files;
import org.assertj.swing.core.GenericTypeMatcher;
import org.assertj.swing.edt.GuiActionRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The README's pictures of the window on a projector: the whole window at 1024×768, the
 * presentation font at 1280×800, and the ladder alone.
 * <pre>xvfb-run -a -s "-screen 0 1280x1024x24" mvn -B test -Dtest=ProjectorScreenshotsTest -Ducma.screenshots=true</pre>
 */
@EnabledIfSystemProperty(named = "ucma.screenshots", matches = "true")
class ProjectorScreenshotsTest extends WindowTest {
    @Override
    protected void onSetUp() {
        io.github.ucmaworkbench.trace.SipTrace.global().clear();
        // What a first start on a 1024x768 projector gives.
        open(aWindow().registrar(RegistrarConfig.defaults()).asMainShowsIt().decorated()
                .placed(f -> f.setBounds(0, 0, 1024, 768)));
    }

    @Test
    void projectorSizes() throws Exception {
        Files.createDirectories(ScreenshotsTest.OUT);
        WorkbenchFrame frame = (WorkbenchFrame) window.target();
        waitUntil("the lesson is in", () -> GuiActionRunner.execute(() -> window.button(LessonView.RUN).target().isShowing()));
        GuiActionRunner.execute(frame::layoutColumns);
        app.signInBothAndListen();
        window.button(ClientPanel.SEND_INVITE).click();
        waitFor(window, ClientPanel.LOG_NAME, "Session established");
        window.button(ClientPanel.SEND_MESSAGE).click();
        waitFor(window, ServerPanel.LOG_NAME, "Message received");
        ScreenshotsTest.capture(window, robot(), "projector-1024x768.png");

        GuiActionRunner.execute(() -> frame.setBounds(new Rectangle(0, 0, 1280, 800)));
        window.toggleButton(WorkbenchFrame.PRESENTATION_FONT).click();
        ScreenshotsTest.capture(window, robot(), "presentation-font-1280x800.png");

        window.toggleButton(WorkbenchFrame.LADDER_ONLY).click();
        // The inspector beside it, at the presentation font too: the server's INVITE.
        LadderView ladder = robot().finder().find(frame, new GenericTypeMatcher<>(LadderView.class) {
            @Override
            protected boolean isMatching(LadderView view) {
                return true;
            }
        });
        GuiActionRunner.execute(() -> ladder.selectArrow(8));
        ScreenshotsTest.capture(window, robot(), "projector-ladder-only.png");
        window.toggleButton(WorkbenchFrame.LADDER_ONLY).click();
        window.toggleButton(WorkbenchFrame.PRESENTATION_FONT).click();
    }
}
