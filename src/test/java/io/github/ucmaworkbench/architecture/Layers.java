package io.github.ucmaworkbench.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.lang.ArchRule;

/**
 * DESIGN.md's layer table as ArchUnit rules. Data flows down, events flow back up through
 * listeners, and nothing imports upward; a layer may use any layer below it.
 *
 * <pre>
 * app
 *  └ ui
 *     ├ settings ─┐
 *     └ lessons ──┴ tutorial
 *                    └ rtc
 *                       └ rtc.sip ─┐
 *         registrar ───────────────┴ sip
 *                                     └ trace
 * common: JDK-only helpers (config folder, owner-only files, daemon threads) under every layer
 * </pre>
 */
final class Layers {
    static final String BASE = "io.github.ucmaworkbench";

    private Layers() {
    }

    /** Who may import whom. */
    static ArchRule layering() {
        return layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("app").definedBy(BASE + ".app..")
                .layer("ui").definedBy(BASE + ".ui..")
                .layer("settings").definedBy(BASE + ".settings..")
                .layer("lessons").definedBy(BASE + ".lessons..")
                .layer("tutorial").definedBy(BASE + ".tutorial..")
                .layer("rtc").definedBy(BASE + ".rtc")
                .layer("rtc.sip").definedBy(BASE + ".rtc.sip..")
                .layer("registrar").definedBy(BASE + ".registrar..")
                .layer("sip").definedBy(BASE + ".sip..")
                .layer("trace").definedBy(BASE + ".trace..")
                .layer("common").definedBy(BASE + ".common..")
                .whereLayer("app").mayNotBeAccessedByAnyLayer()
                .whereLayer("ui").mayOnlyBeAccessedByLayers("app")
                .whereLayer("settings").mayOnlyBeAccessedByLayers("app", "ui")
                .whereLayer("lessons").mayOnlyBeAccessedByLayers("app", "ui")
                .whereLayer("tutorial").mayOnlyBeAccessedByLayers("app", "ui", "settings", "lessons")
                .whereLayer("rtc").mayOnlyBeAccessedByLayers("app", "ui", "settings", "lessons", "tutorial")
                .whereLayer("rtc.sip").mayOnlyBeAccessedByLayers("rtc")
                .whereLayer("registrar").mayOnlyBeAccessedByLayers("app")
                .whereLayer("sip").mayOnlyBeAccessedByLayers("app", "rtc", "rtc.sip", "registrar")
                .whereLayer("trace").mayOnlyBeAccessedByLayers("app", "ui", "lessons", "sip")
                .whereLayer("common").mayOnlyBeAccessedByLayers("app", "ui", "settings", "lessons", "tutorial", "rtc",
                        "rtc.sip", "registrar", "sip", "trace");
    }

    /** No two packages import each other, directly or around a loop. */
    static ArchRule noPackageCycles() {
        return slices().matching(BASE + ".(**)").should().beFreeOfCycles();
    }

    /** Only the SIP adapters see JAIN-SIP; the UI talks to rtc's UCMA-shaped API. */
    static ArchRule jainSipStaysInTheAdapters() {
        return noClasses().that().resideOutsideOfPackages(BASE + ".rtc.sip..", BASE + ".registrar..", BASE + ".sip..")
                .should().dependOnClassesThat().resideInAnyPackage("javax.sip..", "gov.nist..")
                .as("only rtc.sip, registrar and sip use JAIN-SIP");
    }

    /** The engine runs the same without a window: no Swing or AWT below ui. */
    static ArchRule noSwingBelowUi() {
        return noClasses().that().resideInAnyPackage(BASE + ".settings..", BASE + ".lessons..", BASE + ".tutorial..",
                        BASE + ".rtc..", BASE + ".registrar..", BASE + ".sip..", BASE + ".trace..", BASE + ".common..")
                .should().dependOnClassesThat().resideInAnyPackage("javax.swing..", "java.awt..")
                .as("no Swing or AWT below ui");
    }

    /** The settings model knows no file format: the JSON store lives in app. */
    static ArchRule settingsWithoutJackson() {
        return noClasses().that().resideInAPackage(BASE + ".settings..")
                .should().dependOnClassesThat().resideInAPackage("com.fasterxml.jackson..")
                .as("settings is plain Java, without Jackson");
    }
}
