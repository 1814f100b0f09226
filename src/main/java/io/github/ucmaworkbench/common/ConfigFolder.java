package io.github.ucmaworkbench.common;

import java.nio.file.Path;
import java.util.Locale;

/**
 * The folder the workbench keeps its files in (settings.json, lesson progress, the TLS
 * certificate): one rule, so {@code --config-dir} keeps a class's state together.
 */
public final class ConfigFolder {
    /** System property naming the folder to use instead of the user's config folder. */
    public static final String PROPERTY = "ucma.workbench.config.dir";
    static final String NAME = "ucma-workbench";

    private ConfigFolder() {
    }

    /**
     * {@code -Ducma.workbench.config.dir}, else {@code $XDG_CONFIG_HOME/ucma-workbench}, else on
     * Windows {@code %APPDATA%/ucma-workbench}, else {@code ~/.config/ucma-workbench}. Not created here.
     */
    public static Path path() {
        String override = System.getProperty(PROPERTY);
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        String xdg = System.getenv("XDG_CONFIG_HOME");
        if (xdg != null && !xdg.isBlank()) {
            return Path.of(xdg, NAME);
        }
        String appData = System.getenv("APPDATA");
        if (appData != null && !appData.isBlank()
                && System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows")) {
            return Path.of(appData, NAME);
        }
        return Path.of(System.getProperty("user.home"), ".config", NAME);
    }
}
