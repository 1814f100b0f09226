package io.github.ucmaworkbench.ui.help;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ucmaworkbench.trace.SipTrace;
import io.github.ucmaworkbench.ui.GuiTest;
import io.github.ucmaworkbench.ui.ladder.LadderView;
import javax.swing.JFrame;
import org.assertj.swing.edt.GuiActionRunner;
import org.junit.jupiter.api.Test;

/** Help → Keyboard shortcuts lists the ladder's Ctrl+End, which turns Follow on again. */
class LadderShortcutsTest extends GuiTest {
    private LadderView ladder;

    @Override
    protected void onSetUp() {
    }

    @Override
    protected void onTearDown() {
        if (ladder != null) {
            GuiActionRunner.execute(() -> ladder.close());
        }
    }

    @Test
    void ctrlEndIsListedWithWhatItDoes() {
        String shortcuts = GuiActionRunner.execute(() -> {
            JFrame frame = new JFrame("shortcuts");
            ladder = new LadderView(new SipTrace());
            frame.setContentPane(ladder);
            String md = KeyboardShortcuts.markdown(frame);
            frame.dispose();
            return md;
        });

        assertThat(shortcuts).contains("| Ctrl+End | Follow new messages again, from the newest");
    }
}
