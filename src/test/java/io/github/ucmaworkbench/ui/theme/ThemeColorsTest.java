package io.github.ucmaworkbench.ui.theme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.io.InputStream;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The theme lives in two properties files; both name the same colours, and every value is a colour. */
class ThemeColorsTest {

    @Test
    void lightAndDarkNameTheSameColours() throws Exception {
        Properties light = load("FlatLightLaf.properties");
        Properties dark = load("FlatDarkLaf.properties");

        assertThat(dark.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(light.stringPropertyNames());
        for (String key : light.stringPropertyNames()) {
            assertThat(key).endsWith("Color");
            assertThat(ThemeColors.of(false, key)).isNotNull();
            assertThat(ThemeColors.of(true, key)).isNotNull();
        }
    }

    @Test
    void readsColoursWithAndWithoutAlpha() {
        assertThat(ThemeColors.of(false, "Ladder.call0Color")).isEqualTo(new Color(0x1f77b4));
        assertThat(ThemeColors.of(true, "Ladder.call0Color")).isEqualTo(new Color(0x6baed6));
        assertThat(ThemeColors.of(false, "Lesson.regionShownColor")).isEqualTo(new Color(74, 144, 226, 60));
    }

    @Test
    void anUnknownKeyIsAClearError() {
        assertThatThrownBy(() -> ThemeColors.of(false, "Nope.color")).hasMessageContaining("Nope.color");
        assertThatThrownBy(() -> ThemeColors.parse("red")).hasMessageContaining("not a colour");
    }

    private static Properties load(String name) throws Exception {
        Properties p = new Properties();
        try (InputStream in = ThemeColors.class.getResourceAsStream(name)) {
            p.load(in);
        }
        return p;
    }
}
