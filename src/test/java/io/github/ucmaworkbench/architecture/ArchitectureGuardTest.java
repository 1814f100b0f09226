package io.github.ucmaworkbench.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

/**
 * The guard itself can fail: the same rules {@link ArchitectureTest} applies to the main code find
 * the deliberately bad fixtures in the test tree (which {@link ArchitectureTest} does not import).
 */
class ArchitectureGuardTest {

    @Test
    void theFixturesAreThere() throws ClassNotFoundException {
        assertThat(Class.forName("io.github.ucmaworkbench.trace.LoopsFixture")).isNotNull();
    }

    @Test
    void anUpwardImportIsReported() throws ClassNotFoundException {
        JavaClasses classes = new ClassFileImporter().importClasses(
                Class.forName("io.github.ucmaworkbench.tutorial.ReachesUpFixture"),
                io.github.ucmaworkbench.ui.WorkbenchFrame.class);

        EvaluationResult result = Layers.layering().evaluate(classes);

        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().getDetails())
                .anySatisfy(line -> assertThat(line).contains("ReachesUpFixture").contains("WorkbenchFrame"));
    }

    @Test
    void aPackageCycleIsReported() {
        // trace and trace.ladder, with the test tree's LoopsFixture among them
        JavaClasses classes = new ClassFileImporter().importPackages(Layers.BASE + ".trace");

        EvaluationResult result = Layers.noPackageCycles().evaluate(classes);

        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().toString()).contains("Cycle detected");
    }
}
