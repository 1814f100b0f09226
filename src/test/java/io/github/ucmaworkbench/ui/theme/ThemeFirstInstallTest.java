package io.github.ucmaworkbench.ui.theme;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ucmaworkbench.settings.Theme;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.swing.SwingUtilities;
import javax.swing.UIManager;
import org.junit.jupiter.api.Test;

/**
 * Issue 14 (cold start): the first theme is set up without Swing first installing and building
 * its default look and feel, Metal, which FlatLaf would replace at once. UIManager's state is
 * process-wide, so this runs in a fresh JVM and reads which classes it loaded.
 */
class ThemeFirstInstallTest {

    @Test
    void theFirstThemeIsSetUpWithoutBuildingMetalFirst() throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process process = new ProcessBuilder(List.of(java, "-Djava.awt.headless=true", "-Xshare:off",
                "-Xlog:class+load=info:stdout", "-cp", System.getProperty("java.class.path"), Install.class.getName()))
                .redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(output).contains("installed com.formdev.flatlaf.FlatLightLaf")
                .doesNotContain("javax.swing.plaf.metal.MetalLookAndFeel ");
    }

    @Test
    void aSecondSetUpStillClearsThePresentationFont() throws Exception {
        SwingUtilities.invokeAndWait(() -> {
            ThemeSupport.install(Theme.LIGHT, true);
            assertThat(ThemeSupport.isPresentationFont()).isTrue();
            ThemeSupport.install(Theme.LIGHT, false);
            assertThat(ThemeSupport.isPresentationFont()).isFalse();
        });
    }

    /** The fresh JVM's side: one theme installed as the window's start installs it. */
    public static final class Install {
        private Install() {
        }

        public static void main(String[] args) throws Exception {
            SwingUtilities.invokeAndWait(() -> {
                ThemeSupport.ensureInstalled(Theme.LIGHT, false);
                System.out.println("installed " + UIManager.getLookAndFeel().getClass().getName());
            });
            System.out.flush();
        }
    }
}
