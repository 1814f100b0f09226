package io.github.ucmaworkbench.ui;

import org.assertj.swing.edt.FailOnThreadViolationRepaintManager;
import org.assertj.swing.testing.AssertJSwingTestCaseTemplate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * JUnit 5 base for AssertJ-Swing (which only ships JUnit 4 support): a fresh robot per test,
 * cleaned up even when the test fails, and the repaint manager that fails any Swing call made
 * off the event thread installed once for the whole run.
 */
public abstract class GuiTest extends AssertJSwingTestCaseTemplate {

    @BeforeAll
    static void failOnThreadViolation() {
        FailOnThreadViolationRepaintManager.install();
    }

    @BeforeEach
    final void startRobot() throws Exception {
        setUpRobot();
        onSetUp();
    }

    @AfterEach
    final void stopRobot() throws Exception {
        try {
            onTearDown();
        } finally {
            cleanUp();
        }
    }

    protected abstract void onSetUp() throws Exception;

    protected void onTearDown() throws Exception {
    }
}
