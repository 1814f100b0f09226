package io.github.ucmaworkbench.ui.theme;

import com.formdev.flatlaf.FlatDarkLaf;
import com.formdev.flatlaf.FlatLaf;
import com.formdev.flatlaf.FlatLightLaf;
import io.github.ucmaworkbench.settings.Theme;
import java.awt.Color;
import java.awt.Font;
import javax.swing.SwingUtilities;
import javax.swing.UIManager;

/**
 * Installs the FlatLaf theme and the font size, at start and while the app runs. Event thread only.
 * The chosen values live in the settings; this class only applies them.
 */
public final class ThemeSupport {
    /** How much bigger the presentation font is than the theme's default. */
    public static final float PRESENTATION_SCALE = 1.4f;

    /** A theme was set up through here: UIManager is initialised and may hold our font override. */
    private static boolean setUpOnce;

    private ThemeSupport() {
    }

    /** Sets up the look and feel before the first window is built. */
    public static void install(Theme theme, boolean presentationFont) {
        requireEventThread();
        setup(theme, presentationFont);
    }

    /** Like {@link #install} but does nothing when exactly this theme is already installed. */
    public static void ensureInstalled(Theme theme, boolean presentationFont) {
        requireEventThread();
        if (setUpOnce && UIManager.getLookAndFeel() instanceof FlatLaf && theme == current()
                && presentationFont == isPresentationFont()) {
            return;
        }
        setup(theme, presentationFont);
    }

    /** Changes theme and font size of every open window. */
    public static void apply(Theme theme, boolean presentationFont) {
        requireEventThread();
        if (theme == current() && presentationFont == isPresentationFont()) {
            return;
        }
        setup(theme, presentationFont);
        FlatLaf.updateUI();
    }

    /** The theme in effect, judged by the installed look and feel. */
    public static Theme current() {
        if (UIManager.getLookAndFeel() instanceof HighContrastLaf) {
            return Theme.HIGH_CONTRAST;
        }
        return FlatLaf.isLafDark() ? Theme.DARK : Theme.LIGHT;
    }

    public static boolean isPresentationFont() {
        return UIManager.get("defaultFont") != null && Boolean.TRUE.equals(UIManager.getDefaults().get("ucma.presentationFont"));
    }

    private static void setup(Theme theme, boolean presentationFont) {
        ThemeColors.register();
        if (setUpOnce) {
            // Clear our font override first so the new theme reports its own default size.
            UIManager.put("defaultFont", null);
            UIManager.put("ucma.presentationFont", null);
        }
        // The first time there is no override of ours to clear, and UIManager must not be asked
        // anything before a look and feel is set: its first use installs the default one, Metal,
        // and builds its whole defaults table (72 classes, ~2 % of the event thread's start)
        // for FlatLaf to replace at once. The bare FlatLaf window never pays it.
        setUpOnce = true;
        setupLaf(theme);
        if (presentationFont) {
            Font base = UIManager.getLookAndFeelDefaults().getFont("defaultFont");
            if (base != null) {
                UIManager.put("defaultFont", base.deriveFont(base.getSize2D() * PRESENTATION_SCALE));
                UIManager.put("ucma.presentationFont", Boolean.TRUE);
                // setup() already built the defaults with the old font; build them again.
                setupLaf(theme);
            }
        }
    }

    private static void setupLaf(Theme theme) {
        switch (theme) {
            case DARK -> FlatDarkLaf.setup();
            case HIGH_CONTRAST -> HighContrastLaf.setup();
            default -> FlatLightLaf.setup();
        }
    }

    private static void requireEventThread() {
        if (!SwingUtilities.isEventDispatchThread()) {
            throw new IllegalStateException("Themes are applied on the Swing event thread");
        }
    }

    /**
     * The red of a problem's text, from the current theme. Not FlatLaf's Actions.Red: that is an
     * icon colour and reads at about 3.5:1 as text; ours keeps WCAG AA's 4.5:1 (ThemeContrastTest).
     */
    public static Color errorColour() {
        Color c = UIManager.getColor(ERROR_FOREGROUND);
        return c == null ? ThemeColors.of(current(), ERROR_FOREGROUND) : c;
    }

    /** Quiet text (hints, a log line's time) that still reads at 4.5:1, where a disabled label's grey does not. */
    public static Color hintColour() {
        Color c = UIManager.getColor(HINT_FOREGROUND);
        return c == null ? ThemeColors.of(current(), HINT_FOREGROUND) : c;
    }

    /** The theme keys of {@link #errorColour()} and {@link #hintColour()}. */
    public static final String ERROR_FOREGROUND = "Workbench.errorColor";
    public static final String HINT_FOREGROUND = "Workbench.hintColor";
}
