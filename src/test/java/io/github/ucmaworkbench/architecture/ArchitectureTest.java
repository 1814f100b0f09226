package io.github.ucmaworkbench.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The main code follows DESIGN.md's layers: see {@link Layers}. */
class ArchitectureTest {
    private static JavaClasses main;

    @BeforeAll
    static void importMainClasses() {
        main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages(Layers.BASE);
    }

    @Test
    void importsPointDownTheLayers() {
        Layers.layering().check(main);
    }

    @Test
    void packagesFormNoCycle() {
        Layers.noPackageCycles().check(main);
    }

    @Test
    void onlyTheSipAdaptersUseJainSip() {
        Layers.jainSipStaysInTheAdapters().check(main);
    }

    @Test
    void nothingBelowUiUsesSwing() {
        Layers.noSwingBelowUi().check(main);
    }

    @Test
    void theSettingsModelKnowsNoJson() {
        Layers.settingsWithoutJackson().check(main);
    }
}
