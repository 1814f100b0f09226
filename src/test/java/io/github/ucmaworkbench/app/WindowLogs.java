package io.github.ucmaworkbench.app;

import io.github.ucmaworkbench.ui.ClientPanel;
import io.github.ucmaworkbench.ui.ServerPanel;
import io.github.ucmaworkbench.ui.log.ProgressLogPanel;
import java.util.Arrays;
import java.util.function.BooleanSupplier;
import org.assertj.swing.fixture.FrameFixture;
import org.assertj.swing.timing.Condition;
import org.assertj.swing.timing.Pause;
import org.assertj.swing.timing.Timeout;

/** Waits on the window's two progress logs; a timeout prints both, which is what explains it. */
final class WindowLogs {
    private final FrameFixture window;

    WindowLogs(FrameFixture window) {
        this.window = window;
    }

    String[] lines(String log) {
        return window.list(log + ProgressLogPanel.LIST).contents();
    }

    void waitFor(String log, String line) {
        waitShowingLogs(log + " shows \"" + line + "\"", () -> Arrays.stream(lines(log)).anyMatch(l -> l.contains(line)));
    }

    void waitShowingLogs(String what, BooleanSupplier condition) {
        Pause.pause(new Condition(what) {
            @Override
            public boolean test() {
                return condition.getAsBoolean();
            }

            @Override
            protected String descriptionAddendum() {
                return "\nclient log:\n" + String.join("\n", lines(ClientPanel.LOG_NAME))
                        + "\nserver log:\n" + String.join("\n", lines(ServerPanel.LOG_NAME));
            }
        }, Timeout.timeout(20_000));
    }
}
