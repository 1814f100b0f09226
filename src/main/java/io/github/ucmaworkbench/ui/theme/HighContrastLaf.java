package io.github.ucmaworkbench.ui.theme;

import com.formdev.flatlaf.FlatDarkLaf;
import com.formdev.flatlaf.FlatLaf;

/**
 * White and yellow on black, for a washed-out projector or a student who needs it. It is FlatLaf's
 * dark theme with every colour overridden in {@code HighContrastLaf.properties} beside this class:
 * FlatLaf reads the properties of each class of the look and feel's hierarchy, so our
 * {@code FlatDarkLaf.properties} applies first and this file wins.
 */
public class HighContrastLaf extends FlatDarkLaf {
    public static final String NAME = "UCMA Workbench High Contrast";

    /** Installs this look and feel; event thread. */
    public static boolean setup() {
        return FlatLaf.setup(new HighContrastLaf());
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public String getDescription() {
        return "High-contrast theme of the UCMA Workbench";
    }
}
