package io.github.ucmaworkbench.ui.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ucmaworkbench.lessons.LessonLibrary;
import io.github.ucmaworkbench.lessons.LessonStep;
import io.github.ucmaworkbench.ui.GuiTest;
import java.awt.Component;
import java.awt.Container;
import java.awt.Dimension;
import java.nio.file.Path;
import javax.swing.JFrame;
import javax.swing.JTextArea;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.fixture.FrameFixture;
import org.fife.ui.rsyntaxtextarea.RSyntaxTextArea;
import org.junit.jupiter.api.Test;

/**
 * The code pane's start: plain Java text first (the step's region, its lines highlighted), then,
 * once the pane has been painted, the syntax-highlighting editors with the same text and lines.
 */
class LessonCodePaneTest extends GuiTest {
    private LessonCodePane pane;
    private LessonStep step;
    private FrameFixture window;

    @Override
    protected void onSetUp() throws Exception {
        step = LessonLibrary.load(Path.of("lessons")).lessons().get(0).steps().get(0);
    }

    @Test
    void showsPlainTextUntilPaintedThenTheEditorsWithTheSameTextAndLines() {
        JFrame frame = GuiActionRunner.execute(() -> {
            pane = new LessonCodePane();
            pane.show(step, false);
            JFrame f = new JFrame("code pane test");
            f.setContentPane(pane);
            return f;
        });
        String plainText = GuiActionRunner.execute(() -> pane.javaText());
        int[] lines = GuiActionRunner.execute(() -> pane.highlightedLines());
        Component before = GuiActionRunner.execute(() -> named(pane, LessonView.JAVA_CODE));
        assertThat(before).isExactlyInstanceOf(JTextArea.class);
        assertThat(((JTextArea) before).getHighlighter().getHighlights()).hasSize(lines[1] - lines[0] + 1);
        assertThat(plainText.split("\n")[lines[0] - 2]).contains("// region");

        window = new FrameFixture(robot(), frame);
        window.show(new Dimension(700, 600)); // painted: the editors replace the plain text
        robot().waitForIdle();

        Component after = GuiActionRunner.execute(() -> named(pane, LessonView.JAVA_CODE));
        assertThat(after).isInstanceOf(RSyntaxTextArea.class);
        RSyntaxTextArea editor = (RSyntaxTextArea) after;
        String editorText = GuiActionRunner.execute(() -> editor.getText());
        assertThat(editorText).isEqualTo(plainText);
        assertThat(GuiActionRunner.execute(() -> pane.highlightedLines())).containsExactly(lines);
        assertThat(GuiActionRunner.execute(() -> named(pane, LessonView.CSHARP_CODE))).isInstanceOf(RSyntaxTextArea.class);
        assertThat(GuiActionRunner.execute(() -> named(pane, LessonView.JAVA_CODE))).isSameAs(after); // only one Java area
    }

    private static Component named(Container parent, String name) {
        Component found = null;
        for (Component c : parent.getComponents()) {
            if (name.equals(c.getName())) {
                if (found != null) {
                    throw new AssertionError("two components named " + name);
                }
                found = c;
            }
            if (c instanceof Container k) {
                Component inner = named(k, name);
                if (inner != null) {
                    if (found != null) {
                        throw new AssertionError("two components named " + name);
                    }
                    found = inner;
                }
            }
        }
        return found;
    }
}
