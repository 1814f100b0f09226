package io.github.ucmaworkbench.ui.ladder;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ucmaworkbench.settings.Theme;
import io.github.ucmaworkbench.ui.theme.Contrast;
import io.github.ucmaworkbench.ui.theme.ThemeSupport;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The ladder draws its labels (the time, each arrow's label in its call's colour, column titles) on
 * its background, on the selected row and on a lesson step's rows: each pair reads at WCAG AA's
 * 4.5:1 in every theme and in the slide export. Dimmed arrows (outside the lesson's step) are
 * deliberately faint and not checked.
 */
class LadderPaletteContrastTest {

    @AfterAll
    static void backToLight() throws Exception {
        SwingUtilities.invokeAndWait(() -> ThemeSupport.install(Theme.LIGHT, false));
    }

    @ParameterizedTest
    @EnumSource(Theme.class)
    void everyLabelReadsOnEveryRow(Theme theme) throws Exception {
        LadderPalette[] palette = new LadderPalette[1];
        SwingUtilities.invokeAndWait(() -> {
            ThemeSupport.install(theme, false);
            palette[0] = LadderPalette.current();
        });
        assertThat(failures(palette[0])).as("ladder text below 4.5:1 in the %s theme", theme).isEmpty();
    }

    @Test
    void theSlideExportReadsToo() {
        assertThat(failures(LadderPalette.print())).isEmpty();
    }

    private static List<String> failures(LadderPalette p) {
        List<String> failures = new ArrayList<>();
        Map<String, Color> rows = Map.of("background", p.background, "selected row", p.selection,
                "lesson row", p.highlight);
        for (Map.Entry<String, Color> row : rows.entrySet()) {
            check(failures, "time", p.muted, row);
            check(failures, "caller / title", p.foreground, row);
            for (int call = 0; call < 10; call++) {
                check(failures, "call " + call, p.call(call), row);
            }
        }
        return failures;
    }

    private static void check(List<String> failures, String what, Color text, Map.Entry<String, Color> row) {
        double ratio = Contrast.ratio(text, row.getValue());
        if (ratio < Contrast.AA_TEXT) {
            failures.add(String.format(Locale.ROOT, "%s on the %s: %s on %s = %.2f:1", what, row.getKey(),
                    LadderPalette.hex(text), LadderPalette.hex(row.getValue()), ratio));
        }
    }
}
