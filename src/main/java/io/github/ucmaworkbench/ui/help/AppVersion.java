package io.github.ucmaworkbench.ui.help;

/**
 * The workbench's version, as the shaded jar's manifest states it (Implementation-Version, set
 * from the pom). Run from classes (exec:java, the IDE) there is no manifest: "development build".
 */
public final class AppVersion {
    private AppVersion() {
    }

    /** e.g. "0.1.0-SNAPSHOT", or "development build". */
    public static String current() {
        String version = AppVersion.class.getPackage().getImplementationVersion();
        return version == null || version.isBlank() ? "development build" : version;
    }

    /** The line {@code ucma-workbench --version} prints and the About dialog shows. */
    public static String line() {
        String version = AppVersion.class.getPackage().getImplementationVersion();
        return version == null || version.isBlank() ? "UCMA Workbench (development build)" : "UCMA Workbench " + version;
    }
}
