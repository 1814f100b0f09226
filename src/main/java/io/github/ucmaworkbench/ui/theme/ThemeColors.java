package io.github.ucmaworkbench.ui.theme;

import com.formdev.flatlaf.FlatLaf;
import io.github.ucmaworkbench.settings.Theme;
import java.awt.Color;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import javax.swing.UIManager;

/**
 * The workbench's own colours, kept in {@code FlatLightLaf.properties},
 * {@code FlatDarkLaf.properties} and {@code HighContrastLaf.properties} beside this class (as
 * FlatLaf's demo keeps its theme); high contrast overrides the dark file, as FlatLaf reads them. FlatLaf
 * reads the files into {@link UIManager} once {@link #register()} ran; this class reads them too,
 * so a view that is drawn without FlatLaf (a test, a slide export in the light palette) gets the
 * same colours. Keys end in {@code Color}, e.g. {@code Ladder.call0Color}.
 */
public final class ThemeColors {
    private static final String PACKAGE = "io.github.ucmaworkbench.ui.theme";
    private static final Properties LIGHT = load("FlatLightLaf.properties");
    private static final Properties DARK = load("FlatDarkLaf.properties");
    private static final Properties HIGH_CONTRAST = overlay(DARK, load("HighContrastLaf.properties"));
    private static boolean registered;

    private ThemeColors() {
    }

    /** Makes FlatLaf read our properties files with its own; before a theme is set up. Event thread. */
    static void register() {
        if (!registered) {
            FlatLaf.registerCustomDefaultsSource(PACKAGE);
            registered = true;
        }
    }

    /** {@code key} in the installed theme (light when FlatLaf is not installed). */
    public static Color get(String key) {
        Color installed = UIManager.getColor(key);
        return installed != null ? installed : of(ThemeSupport.current(), key);
    }

    /** {@code key} in the light or the dark file, whatever is installed: for a palette that picks by its own background. */
    public static Color of(boolean dark, String key) {
        return of(dark ? Theme.DARK : Theme.LIGHT, key);
    }

    /** {@code key} in {@code theme}'s file(s), whatever is installed. */
    public static Color of(Theme theme, String key) {
        Properties file = switch (theme) {
            case LIGHT -> LIGHT;
            case DARK -> DARK;
            case HIGH_CONTRAST -> HIGH_CONTRAST;
        };
        String value = file.getProperty(key);
        if (value == null) {
            throw new IllegalArgumentException("no colour " + key + " in the " + theme + " theme file");
        }
        return parse(value.trim());
    }

    /** {@code #RRGGBB} or {@code #RRGGBBAA}, as FlatLaf writes colours. */
    static Color parse(String hex) {
        if (!hex.startsWith("#") || (hex.length() != 7 && hex.length() != 9)) {
            throw new IllegalArgumentException("not a colour: " + hex);
        }
        int rgb = Integer.parseInt(hex.substring(1, 7), 16);
        int alpha = hex.length() == 9 ? Integer.parseInt(hex.substring(7, 9), 16) : 0xFF;
        return new Color((rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF, alpha);
    }

    private static Properties overlay(Properties base, Properties top) {
        Properties both = new Properties();
        both.putAll(base);
        both.putAll(top);
        return both;
    }

    private static Properties load(String name) {
        Properties properties = new Properties();
        try (InputStream in = ThemeColors.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing beside " + ThemeColors.class.getName());
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
