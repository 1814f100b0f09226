package io.github.ucmaworkbench.ui.theme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.io.InputStream;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import io.github.ucmaworkbench.settings.Theme;
import org.junit.jupiter.api.Test;

/**
 * The theme lives in properties files; light, dark and high contrast name the same workbench colours
 * (beside FlatLaf keys a theme overrides), and every value is a colour.
 */
class ThemeColorsTest {

    @Test
    void lightAndDarkNameTheSameColours() throws Exception {
        Set<String> light = ours(load("FlatLightLaf.properties"));
        Set<String> dark = ours(load("FlatDarkLaf.properties"));
        Set<String> highContrast = ours(load("HighContrastLaf.properties"));

        assertThat(light).isNotEmpty();
        assertThat(dark).containsExactlyInAnyOrderElementsOf(light);
        assertThat(highContrast).containsExactlyInAnyOrderElementsOf(light);
        for (String key : light) {
            assertThat(key).endsWith("Color");
            for (Theme theme : Theme.values()) {
                assertThat(ThemeColors.of(theme, key)).isNotNull();
            }
        }
    }

    @Test
    void readsColoursWithAndWithoutAlpha() {
        assertThat(ThemeColors.of(false, "Ladder.call0Color")).isEqualTo(new Color(0x1a5fa8));
        assertThat(ThemeColors.of(true, "Ladder.call0Color")).isEqualTo(new Color(0x8cc4ff));
        assertThat(ThemeColors.of(Theme.HIGH_CONTRAST, "Ladder.call0Color")).isEqualTo(new Color(0x66d9ff));
        // high contrast inherits nothing it does not name, but reads the dark file beneath it
        assertThat(ThemeColors.of(Theme.HIGH_CONTRAST, "Lesson.outlineColor")).isEqualTo(new Color(0xffff00));
        assertThat(ThemeColors.of(false, "Lesson.regionShownColor")).isEqualTo(new Color(74, 144, 226, 60));
    }

    @Test
    void anUnknownKeyIsAClearError() {
        assertThatThrownBy(() -> ThemeColors.of(false, "Nope.color")).hasMessageContaining("Nope.color");
        assertThatThrownBy(() -> ThemeColors.parse("red")).hasMessageContaining("not a colour");
    }

    /** The workbench's own keys, not FlatLaf's variables and keys a theme overrides. */
    private static Set<String> ours(Properties p) {
        return p.stringPropertyNames().stream()
                .filter(k -> k.startsWith("Ladder.") || k.startsWith("Inspector.") || k.startsWith("Lesson.")
                        || k.startsWith("Workbench."))
                .collect(Collectors.toSet());
    }

    private static Properties load(String name) throws Exception {
        Properties p = new Properties();
        try (InputStream in = ThemeColors.class.getResourceAsStream(name)) {
            p.load(in);
        }
        return p;
    }
}
