package io.github.ucmaworkbench.ui.theme;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ucmaworkbench.settings.Theme;
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
 * Every text colour the window uses, on every background it is drawn on, reads at WCAG AA's 4.5:1
 * in every theme. Computed from the installed theme (FlatLaf's defaults plus our properties files),
 * so a changed colour fails here, not in front of a class. Disabled controls are exempt (WCAG 1.4.3
 * exempts inactive components); the ladder's own palette is checked in LadderPaletteContrastTest.
 */
class ThemeContrastTest {
    /** Text colour key → the background keys it is drawn on; "@" marks one of our own colours. */
    private static final String[][] PAIRS = {
        // labels, titles and check boxes on the window
        {"Label.foreground", "Panel.background"},
        {"CheckBox.foreground", "Panel.background"},
        {"RadioButton.foreground", "Panel.background"},
        {"TitledBorder.titleColor", "Panel.background"},
        {"TabbedPane.foreground", "Panel.background", "TabbedPane.selectedBackground"},
        {"ToolBar.foreground", "ToolBar.background"},
        // buttons, the default button (OK, Accept) and the toolbar's theme/font toggles
        {"Button.foreground", "Button.background", "Button.toolbar.selectedBackground", "Button.hoverBackground"},
        {"Button.default.foreground", "Button.default.background"},
        {"ToggleButton.foreground", "ToggleButton.background", "ToggleButton.toolbar.selectedBackground"},
        {"ToggleButton.selectedForeground", "ToggleButton.selectedBackground"},
        // fields, the Ask dialog's and the headers' tables, lists (progress logs, lesson steps)
        {"TextField.foreground", "TextField.background"},
        {"TextArea.foreground", "TextArea.background"},
        {"TextPane.foreground", "TextPane.background", "TextPane.inactiveBackground"},
        {"EditorPane.foreground", "EditorPane.background", "EditorPane.inactiveBackground"},
        {"TextField.selectionForeground", "TextField.selectionBackground"},
        {"ComboBox.foreground", "ComboBox.background"},
        {"ComboBox.selectionForeground", "ComboBox.selectionBackground"},
        {"List.foreground", "List.background"},
        {"List.selectionForeground", "List.selectionBackground"},
        {"List.selectionInactiveForeground", "List.selectionInactiveBackground"},
        {"Table.foreground", "Table.background"},
        {"Table.selectionForeground", "Table.selectionBackground"},
        {"Table.selectionInactiveForeground", "Table.selectionInactiveBackground"},
        {"TableHeader.foreground", "TableHeader.background"},
        // menus, tool tips, links in the help documents
        {"MenuBar.foreground", "MenuBar.background"},
        {"Menu.foreground", "MenuBar.background", "PopupMenu.background"},
        {"MenuItem.foreground", "PopupMenu.background"},
        {"MenuItem.acceleratorForeground", "PopupMenu.background"},
        {"MenuItem.selectionForeground", "MenuItem.selectionBackground"},
        {"MenuItem.acceleratorSelectionForeground", "MenuItem.selectionBackground"},
        {"ToolTip.foreground", "ToolTip.background"},
        {"Component.linkColor", "Panel.background", "EditorPane.background", "EditorPane.inactiveBackground"},
        // our own: hints, problems, the lesson's ✔/✘ lines and status, the inspector's raw message
        {"@Workbench.hintColor", "Panel.background", "List.background"},
        {"@Workbench.errorColor", "Panel.background", "TextField.background", "Table.background", "List.background"},
        {"@Lesson.passedColor", "Panel.background", "List.background"},
        {"@Lesson.failedColor", "Panel.background", "List.background"},
        {"@Inspector.startLineColor", "TextPane.background", "TextPane.inactiveBackground"},
        {"@Inspector.headerNameColor", "TextPane.background", "TextPane.inactiveBackground"},
        {"@Inspector.bodyColor", "TextPane.background", "TextPane.inactiveBackground"},
    };

    @AfterAll
    static void backToLight() throws Exception {
        SwingUtilities.invokeAndWait(() -> ThemeSupport.install(Theme.LIGHT, false));
    }

    @ParameterizedTest
    @EnumSource(Theme.class)
    void everyTextReadsAtLeastFourAndAHalfToOne(Theme theme) throws Exception {
        List<String> failures = new ArrayList<>();
        SwingUtilities.invokeAndWait(() -> {
            ThemeSupport.install(theme, false);
            assertThat(ThemeSupport.current()).isEqualTo(theme);
            for (String[] pair : PAIRS) {
                Color text = colour(theme, pair[0]);
                for (int i = 1; i < pair.length; i++) {
                    // A background the theme leaves unset is the parent's: the window's.
                    Color background = UIManager.getColor(pair[i]) != null ? colour(theme, pair[i])
                            : colour(theme, "Panel.background");
                    check(failures, pair[0] + " on " + pair[i], Contrast.over(text, background), background);
                }
            }
        });
        assertThat(failures).as("text below %s:1 in the %s theme", Contrast.AA_TEXT, theme).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Theme.class)
    void ourColoursAreWhatTheInstalledThemeReports(Theme theme) throws Exception {
        // The window asks UIManager (through FlatLaf); ThemeColors.of reads the files: they must agree,
        // or a view drawn without FlatLaf would show other colours than the test checked.
        SwingUtilities.invokeAndWait(() -> {
            ThemeSupport.install(theme, false);
            for (String key : List.of("Lesson.passedColor", "Inspector.headerNameColor", "Workbench.hintColor",
                    "Ladder.selectionColor", "Ladder.call3Color")) {
                assertThat(UIManager.getColor(key)).as(key).isEqualTo(ThemeColors.of(theme, key));
            }
        });
    }

    private static Color colour(Theme theme, String key) {
        if (key.startsWith("@")) {
            return ThemeColors.of(theme, key.substring(1));
        }
        Color c = UIManager.getColor(key);
        assertThat(c).as("%s in the %s theme", key, theme).isNotNull();
        return c;
    }

    static void check(List<String> failures, String what, Color text, Color background) {
        double ratio = Contrast.ratio(text, background);
        if (ratio < Contrast.AA_TEXT) {
            failures.add(String.format(Locale.ROOT, "%s: %s on %s = %.2f:1", what, hex(text), hex(background), ratio));
        }
    }

    static String hex(Color c) {
        return String.format(Locale.ROOT, "#%02x%02x%02x", c.getRed(), c.getGreen(), c.getBlue());
    }
}
