package io.github.ucmaworkbench.ui.ladder;

import io.github.ucmaworkbench.ui.theme.KeyboardSupport;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JPopupMenu;
import javax.swing.JToggleButton;

/** The ladder's buttons and status line: Pause/Resume, Clear, Export and the message count. Event thread only. */
final class LadderToolbar {
    private final JToggleButton pause = new JToggleButton("Pause");
    private final JButton clear = new JButton("Clear");
    private final JButton export = new JButton("Export \u25BE");
    private final JLabel status = new JLabel(" ");

    LadderToolbar(Consumer<Boolean> pausePerformed, Runnable clearPerformed, Supplier<JPopupMenu> exportMenu) {
        pause.setName(LadderNames.PAUSE);
        clear.setName(LadderNames.CLEAR);
        export.setName(LadderNames.EXPORT);
        KeyboardSupport.label(export, "Export ladder", "Save the ladder as a picture or a text file");
        status.setName(LadderNames.STATUS);
        pause.setToolTipText("Stop following the trace; new messages wait until you resume");
        clear.setToolTipText("Empty the trace");
        pause.addActionListener(e -> pausePerformed.accept(pause.isSelected()));
        clear.addActionListener(e -> clearPerformed.run());
        export.addActionListener(e -> exportMenu.get().show(export, 0, export.getHeight()));
    }

    /** Lays the filter bar and the buttons out in the first row of the ladder's layout. */
    void addTo(JPanel ladder, LadderFilterBar filterBar) {
        ladder.add(filterBar);
        ladder.add(pause);
        ladder.add(clear);
        ladder.add(export);
        ladder.add(status, "wmin 0, wrap"); // a long "catching up" must not squeeze the filters
    }

    void showPaused(boolean paused) {
        pause.setSelected(paused);
        pause.setText(paused ? "Resume" : "Pause");
    }

    boolean isPaused() {
        return pause.isSelected();
    }

    /** Where export results and failures are reported. */
    JLabel status() {
        return status;
    }
}
