package io.github.ucmaworkbench.ui.log;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ucmaworkbench.settings.Theme;
import io.github.ucmaworkbench.tutorial.ProgressLevel;
import io.github.ucmaworkbench.ui.theme.Contrast;
import io.github.ucmaworkbench.ui.theme.ThemeSupport;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.swing.SwingUtilities;
import javax.swing.UIManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A progress log's rows as LogEntryRenderer paints them: the time and the text on a plain, a warning
 * and an error row read at 4.5:1 (WCAG AA text), and each level's icon stands out at 3:1 (WCAG
 * 1.4.11, graphics) from the row it is drawn on, in every theme.
 */
class LogColoursContrastTest {

    @AfterAll
    static void backToLight() throws Exception {
        SwingUtilities.invokeAndWait(() -> ThemeSupport.install(Theme.LIGHT, false));
    }

    @ParameterizedTest
    @EnumSource(Theme.class)
    void everyRowReads(Theme theme) throws Exception {
        List<String> failures = new ArrayList<>();
        SwingUtilities.invokeAndWait(() -> {
            ThemeSupport.install(theme, false);
            Color list = UIManager.getColor("List.background");
            Color text = UIManager.getColor("List.foreground");
            Color time = ThemeSupport.hintColour();
            Color errorRow = LogEntryRenderer.blend(LevelIcon.colour(ProgressLevel.ERROR), list, 0.16f);
            Color warningRow = LogEntryRenderer.blend(LevelIcon.colour(ProgressLevel.WARNING), list, 0.10f);
            check(failures, "text", text, list, Contrast.AA_TEXT);
            check(failures, "time", time, list, Contrast.AA_TEXT);
            check(failures, "warning text", text, warningRow, Contrast.AA_TEXT);
            check(failures, "warning time", time, warningRow, Contrast.AA_TEXT);
            check(failures, "error text", ThemeSupport.errorColour(), errorRow, Contrast.AA_TEXT);
            check(failures, "error time", time, errorRow, Contrast.AA_TEXT);
            for (ProgressLevel level : ProgressLevel.values()) {
                check(failures, level + " icon", LevelIcon.colour(level), list, 3.0);
            }
        });
        assertThat(failures).as("log colours in the %s theme", theme).isEmpty();
    }

    private static void check(List<String> failures, String what, Color fg, Color bg, double minimum) {
        double ratio = Contrast.ratio(fg, bg);
        if (ratio < minimum) {
            failures.add(String.format(Locale.ROOT, "%s: %.2f:1 (needs %.1f)", what, ratio, minimum));
        }
    }
}
