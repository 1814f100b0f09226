package io.github.ucmaworkbench.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ucmaworkbench.settings.SideSettings;
import io.github.ucmaworkbench.settings.Theme;
import io.github.ucmaworkbench.ui.GuiTest;
import io.github.ucmaworkbench.ui.theme.ThemeSupport;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.junit.jupiter.api.io.TempDir;

/** The server dialog's embedded-registrar users file: checked as you type, reason under the field. */
class RegistrarUsersFieldTest extends GuiTest {
    private static final String PROBLEM = SideSettingsDialog.REGISTRAR_USERS + SideSettingsDialog.PROBLEM;

    @TempDir
    Path dir;
    private final CompletableFuture<Optional<SideSettingsDialog.ServerChoice>> result = new CompletableFuture<>();
    private DialogFixture dialog;

    @Override
    protected void onSetUp() {
        GuiActionRunner.execute(() -> ThemeSupport.install(Theme.LIGHT, false));
        SwingUtilities.invokeLater(() -> result.complete(SideSettingsDialog.editServer(null,
                SideSettings.defaults("sip:server@example.com"), null, "")));
        dialog = WindowFinder.findDialog(SideSettingsDialog.SERVER_DIALOG).withTimeout(5000).using(robot());
    }

    private void awaitProblem(String text) {
        Pause.pause(new Condition("users file reason contains '" + text + "'") {
            @Override
            public boolean test() {
                return GuiActionRunner.execute(() -> dialog.label(PROBLEM).target().getText()).contains(text);
            }
        }, Timeout.timeout(5000));
    }

    private void awaitOk(boolean enabled) {
        Pause.pause(new Condition("OK " + (enabled ? "enabled" : "disabled")) {
            @Override
            public boolean test() {
                return GuiActionRunner.execute(() -> dialog.button(SideSettingsDialog.OK).target().isEnabled()) == enabled;
            }
        }, Timeout.timeout(5000));
    }

    @Test
    void badUsersFilesAreExplainedUnderTheFieldAndAGoodOneIsReturned() throws Exception {
        Path missing = dir.resolve("missing.txt");
        dialog.textBox(SideSettingsDialog.REGISTRAR_USERS).enterText(missing.toString());
        awaitProblem("no such file");
        awaitOk(false);

        Path bad = Files.writeString(dir.resolve("bad.txt"), "teacher=T-pass1\nstudent T-pass2\n");
        dialog.textBox(SideSettingsDialog.REGISTRAR_USERS).deleteText().enterText(bad.toString());
        awaitProblem("bad.txt:2: expected name=password");
        awaitOk(false);
        assertThat(GuiActionRunner.execute(() -> dialog.label(PROBLEM).target().getText())).doesNotContain("T-pass");

        Path good = Files.writeString(dir.resolve("good.txt"), "# class\nteacher=T-pass1\nstudent=T-pass2\n");
        dialog.textBox(SideSettingsDialog.REGISTRAR_USERS).deleteText().enterText(good.toString());
        awaitOk(true);
        assertThat(GuiActionRunner.execute(() -> dialog.label(PROBLEM).target().getText())).isBlank();
        clickUntilClosed(dialog, SideSettingsDialog.OK);

        assertThat(result.get(5, TimeUnit.SECONDS)).get().extracting(SideSettingsDialog.ServerChoice::registrarUsersFile)
                .isEqualTo(good.toString());
    }

    @Test
    void anEmptyFieldMeansNoSignInAndIsFine() throws Exception {
        awaitOk(true);
        clickUntilClosed(dialog, SideSettingsDialog.OK);

        assertThat(result.get(5, TimeUnit.SECONDS)).get().extracting(SideSettingsDialog.ServerChoice::registrarUsersFile)
                .isEqualTo("");
    }
}
