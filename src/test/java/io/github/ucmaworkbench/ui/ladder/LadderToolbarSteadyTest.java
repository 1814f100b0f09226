package io.github.ucmaworkbench.ui.ladder;

import static io.github.ucmaworkbench.testing.ComponentTree.find;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.ucmaworkbench.trace.SipTrace;
import io.github.ucmaworkbench.ui.GuiTest;
import java.awt.Component;
import java.awt.Dimension;
import java.awt.Point;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.SwingUtilities;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.fixture.FrameFixture;
import org.junit.jupiter.api.Test;

/**
 * The ladder's buttons stay where they are while its status line grows ("catching up, 1715
 * waiting" during a classroom's calls). They used to move 155 px to the left, so a click meant
 * for "By caller" landed on Pause (seen in ClassroomWindowTest as a ladder paused by itself).
 */
class LadderToolbarSteadyTest extends GuiTest {
    private LadderView ladder;

    @Override
    protected void onSetUp() {
        ladder = GuiActionRunner.execute(() -> new WireTracePanel(new SipTrace()).ladder());
        JFrame frame = GuiActionRunner.execute(() -> {
            JFrame f = new JFrame("toolbar test");
            f.setContentPane((java.awt.Container) SwingUtilities.getAncestorOfClass(WireTracePanel.class, ladder));
            return f;
        });
        // The window's bottom row at 1280 px wide, the inspector beside the ladder: a full toolbar.
        new FrameFixture(robot(), frame).show(new Dimension(1280, 330));
    }

    @Override
    protected void onTearDown() {
        GuiActionRunner.execute(() -> ladder.close());
    }

    @Test
    void aLongStatusLineMovesNoButton() {
        Point groupBefore = where(LadderView.GROUP_BY_CALLER);
        Point pauseBefore = where(LadderNames.PAUSE);
        GuiActionRunner.execute(() -> {
            ((JLabel) find(ladder, LadderNames.STATUS)).setText(
                    "1,234 messages \u2014 catching up, 1,715 waiting (every 40 ms)");
            ladder.getTopLevelAncestor().validate();
        });
        assertThat(where(LadderView.GROUP_BY_CALLER)).as("By caller").isEqualTo(groupBefore);
        assertThat(where(LadderNames.PAUSE)).as("Pause").isEqualTo(pauseBefore);
    }

    private Point where(String name) {
        return GuiActionRunner.execute(() -> {
            Component c = find(ladder, name);
            return SwingUtilities.convertPoint(c.getParent(), c.getLocation(), ladder);
        });
    }

}
