package io.github.ucmaworkbench.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ucmaworkbench.settings.ClientSideSettings;
import io.github.ucmaworkbench.settings.Theme;
import io.github.ucmaworkbench.ui.GuiTest;
import io.github.ucmaworkbench.ui.theme.ThemeSupport;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.swing.SwingUtilities;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.finder.WindowFinder;
import org.assertj.swing.fixture.DialogFixture;
import org.assertj.swing.timing.Condition;
import org.assertj.swing.timing.Pause;
import org.assertj.swing.timing.Timeout;
import org.junit.jupiter.api.Test;

/** The client dialog's ring timeout: checked as you type, reason under the field, returned in seconds. */
class RingTimeoutFieldTest extends GuiTest {
    private static final String PROBLEM = SideSettingsDialog.RING_TIMEOUT + SideSettingsDialog.PROBLEM;

    private final CompletableFuture<Optional<ClientSideSettings>> result = new CompletableFuture<>();
    private DialogFixture dialog;

    @Override
    protected void onSetUp() {
        GuiActionRunner.execute(() -> ThemeSupport.install(Theme.LIGHT, false));
        SwingUtilities.invokeLater(() -> result.complete(SideSettingsDialog.editClient(null,
                ClientSideSettings.defaults().withRingTimeoutSeconds(45))));
        dialog = WindowFinder.findDialog(SideSettingsDialog.CLIENT_DIALOG).withTimeout(5000).using(robot());
    }

    private void await(String what, java.util.function.BooleanSupplier holds) {
        Pause.pause(new Condition(what) {
            @Override
            public boolean test() {
                return GuiActionRunner.execute(holds::getAsBoolean);
            }
        }, Timeout.timeout(5000));
    }

    private String problem() {
        return GuiActionRunner.execute(() -> dialog.label(PROBLEM).target().getText());
    }

    private boolean okEnabled() {
        return GuiActionRunner.execute(() -> dialog.button(SideSettingsDialog.OK).target().isEnabled());
    }

    @Test
    void showsTheCurrentValueRefusesBadOnesAsYouTypeAndReturnsTheNewOne() throws Exception {
        dialog.textBox(SideSettingsDialog.RING_TIMEOUT).requireText("45");
        assertThat(problem()).isBlank();

        dialog.textBox(SideSettingsDialog.RING_TIMEOUT).deleteText().enterText("0");
        await("zero refused", () -> problem().contains("1 to 180") && !okEnabled());

        dialog.textBox(SideSettingsDialog.RING_TIMEOUT).deleteText().enterText("ten");
        await("words refused", () -> problem().contains("whole seconds") && !okEnabled());

        dialog.textBox(SideSettingsDialog.RING_TIMEOUT).deleteText().enterText("90");
        await("90 accepted", () -> problem().isBlank() && okEnabled());
        dialog.button(SideSettingsDialog.OK).click();

        assertThat(result.get(5, TimeUnit.SECONDS)).get().extracting(ClientSideSettings::ringTimeoutSeconds).isEqualTo(90);
    }
}
