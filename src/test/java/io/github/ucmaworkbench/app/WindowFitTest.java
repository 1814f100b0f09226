package io.github.ucmaworkbench.app;

import static io.github.ucmaworkbench.testing.ComponentTree.find;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.ucmaworkbench.registrar.RegistrarConfig;
import io.github.ucmaworkbench.settings.SettingsHolder;
import io.github.ucmaworkbench.settings.Theme;
import io.github.ucmaworkbench.settings.WorkbenchSettings;
import io.github.ucmaworkbench.ui.ClientPanel;
import io.github.ucmaworkbench.ui.GuiTest;
import io.github.ucmaworkbench.ui.ServerPanel;
import io.github.ucmaworkbench.ui.WorkbenchFrame;
import io.github.ucmaworkbench.ui.headers.HeadersPanel;
import io.github.ucmaworkbench.ui.ladder.LadderView;
import io.github.ucmaworkbench.ui.ladder.MessageInspector;
import io.github.ucmaworkbench.ui.lesson.LessonView;
import io.github.ucmaworkbench.ui.log.ProgressLogPanel;
import io.github.ucmaworkbench.ui.policy.AcceptPolicyPanel;
import io.github.ucmaworkbench.ui.theme.ThemeSupport;
import java.awt.Component;
import java.awt.Container;
import java.awt.Point;
import java.awt.Rectangle;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.swing.AbstractButton;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JScrollPane;
import javax.swing.JTextField;
import javax.swing.JViewport;
import javax.swing.SwingUtilities;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.fixture.FrameFixture;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole window, as Main builds it, on a projector's screen: every control the class needs is
 * there, whole (not cut off, a button as wide as its text) and on the screen, in the normal and
 * the presentation font. The frame gets the screen's bounds, as a first start on that screen
 * gives it, so this runs under any Xvfb at least 1280×800.
 */
class WindowFitTest extends GuiTest {
    /** The controls a lesson uses: each must be there at every size. */
    private static final List<String> REQUIRED = List.of(
            WorkbenchFrame.CLIENT_SETTINGS, WorkbenchFrame.SERVER_SETTINGS, WorkbenchFrame.PRESENTATION_FONT,
            WorkbenchFrame.LADDER_ONLY, WorkbenchFrame.LESSON_ONLY, WorkbenchFrame.REGISTRAR_STATUS,
            ClientPanel.SETTINGS_NAME, ClientPanel.SIGN_IN, ClientPanel.SIGN_OUT, ClientPanel.SEND_INVITE,
            ClientPanel.HANG_UP, ClientPanel.ASYNC, ClientPanel.SYNC, ClientPanel.MESSAGE_TEXT, ClientPanel.SEND_MESSAGE,
            ClientPanel.HEADERS + HeadersPanel.ADD, ClientPanel.HEADERS + HeadersPanel.REMOVE,
            ClientPanel.LOG_NAME + ProgressLogPanel.COPY, ClientPanel.LOG_NAME + ProgressLogPanel.SAVE,
            ClientPanel.LOG_NAME + ProgressLogPanel.CLEAR,
            ServerPanel.SETTINGS_NAME, ServerPanel.SIGN_IN, ServerPanel.SIGN_OUT, ServerPanel.LISTEN,
            ServerPanel.STOP_LISTENING, ServerPanel.HANG_UP, ServerPanel.POLICY + AcceptPolicyPanel.KIND,
            ServerPanel.LOG_NAME + ProgressLogPanel.COPY, ServerPanel.LOG_NAME + ProgressLogPanel.CLEAR,
            LessonView.PICKER, LessonView.PREVIOUS, LessonView.NEXT, LessonView.RUN, LessonView.START_OVER,
            LessonView.STEP_TITLE, LessonView.JAVA_CODE,
            LadderView.CALL_ID_FILTER, LadderView.METHOD_FILTER, LadderView.CALLER_FILTER, LadderView.GROUP_BY_CALLER,
            LadderView.PAUSE, LadderView.CLEAR, LadderView.EXPORT, MessageInspector.TITLE, MessageInspector.RAW_TEXT,
            MessageInspector.RELATED);

    @TempDir
    Path configDir;

    private Workbench workbench;
    private SettingsHolder settings;
    private FrameFixture window;

    @Override
    protected void onSetUp() throws Exception {
        settings = new SettingsHolder(new SettingsStore(configDir), WorkbenchSettings.defaults());
        workbench = Workbench.start(settings.get(), RegistrarConfig.builder()
                .bindAddress(InetAddress.getLoopbackAddress()).port(0).build());
    }

    @Override
    protected void onTearDown() {
        workbench.close();
    }

    @ParameterizedTest(name = "{0}x{1}, presentation font {2}")
    @CsvSource({"1024, 768, false", "1280, 800, false", "1024, 768, true", "1280, 800, true"})
    void everyControlIsWholeAndOnTheScreen(int width, int height, boolean presentation) {
        Rectangle screen = new Rectangle(0, 0, width, height);
        WorkbenchFrame frame = GuiActionRunner.execute(() -> {
            ThemeSupport.install(Theme.LIGHT, presentation);
            settings.update(s -> s.withPresentationFont(presentation));
            WorkbenchFrame f = Main.show(workbench, settings, null, () -> { });
            // What placeOnScreen gives a first start on a screen this size: all of it.
            f.setBounds(screen);
            return f;
        });
        window = new FrameFixture(robot(), frame);
        waitUntil("the lesson is in", () -> GuiActionRunner.execute(() -> find(frame, LessonView.RUN) != null
                && find(frame, LessonView.RUN).isShowing()));
        GuiActionRunner.execute(frame::layoutColumns);
        robot().waitForIdle();

        List<String> problems = GuiActionRunner.execute(() -> {
            List<String> found = new ArrayList<>();
            assertThat(frame.getBounds()).isEqualTo(screen);
            for (String name : REQUIRED) {
                Component c = find(frame, name);
                if (c == null || !c.isShowing()) {
                    found.add(name + " is not showing");
                }
            }
            for (JComponent c : namedControls(frame)) {
                String problem = wholeAndOnScreen(c, screen);
                if (problem != null) {
                    found.add(c.getName() + ": " + problem);
                }
            }
            return found;
        });
        assertThat(problems).as("controls at %dx%d, presentation font %s", width, height, presentation).isEmpty();
        if (!presentation) {
            // Client, server, lesson and ladder side by side, every button of each in view at once.
            List<String> scrolling = GuiActionRunner.execute(() -> scrollingPanes(frame, presentation));
            assertThat(scrolling).as("panes scrolling at %dx%d", width, height).isEmpty();
        }
    }

    /** Every showing control with a name: buttons, fields, combo boxes. */
    private static List<JComponent> namedControls(Container root) {
        List<JComponent> result = new ArrayList<>();
        for (Component c : root.getComponents()) {
            if (c instanceof JComponent j && j.getName() != null && j.isShowing()
                    && (j instanceof AbstractButton || j instanceof JTextField || j instanceof JComboBox<?>)) {
                result.add(j);
            }
            if (c instanceof Container k && !(c instanceof JComboBox<?>)) {
                result.addAll(namedControls(k));
            }
        }
        return result;
    }

    /** Null when {@code c}, scrolled into view if its pane scrolls, is whole and inside {@code screen}. */
    private static String wholeAndOnScreen(JComponent c, Rectangle screen) {
        if (c.getWidth() < 8 || c.getHeight() < 8) {
            return "a sliver, " + c.getWidth() + "x" + c.getHeight();
        }
        if (c instanceof AbstractButton && c.getWidth() < c.getPreferredSize().width - 1) {
            return "narrower than its text, " + c.getWidth() + " < " + c.getPreferredSize().width;
        }
        // Through the parent: a text field's own scrollRectToVisible scrolls its text instead.
        ((JComponent) c.getParent()).scrollRectToVisible(c.getBounds());
        Rectangle visible = c.getVisibleRect();
        // A pane smaller than its minimum scrolls; a control wider than that pane shows as much as the pane.
        JViewport pane = (JViewport) SwingUtilities.getAncestorOfClass(JViewport.class, c);
        int wantedWidth = pane == null ? c.getWidth() : Math.min(c.getWidth(), pane.getWidth());
        int wantedHeight = pane == null ? c.getHeight() : Math.min(c.getHeight(), pane.getHeight());
        if (visible.width < wantedWidth || visible.height < wantedHeight) {
            return "cut to " + visible.width + "x" + visible.height + " of " + c.getWidth() + "x" + c.getHeight();
        }
        Point at = c.getLocationOnScreen();
        if (!screen.contains(new Rectangle(at.x + visible.x, at.y + visible.y, visible.width, visible.height))) {
            return "off the screen at " + at + " " + visible;
        }
        return null;
    }

    /** The window's panes that scroll because they are smaller than their minimum. */
    private static List<String> scrollingPanes(Container root, boolean presentation) {
        List<String> result = new ArrayList<>();
        for (Component c : root.getComponents()) {
            if (c instanceof JScrollPane pane && pane.getName() != null && pane.getName().startsWith("pane.")
                    && (pane.getHorizontalScrollBar().isShowing() || pane.getVerticalScrollBar().isShowing())) {
                result.add(pane.getName());
            }
            if (c instanceof Container k) {
                result.addAll(scrollingPanes(k, presentation));
            }
        }
        return result;
    }

}
