package io.github.ucmaworkbench.lessons;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Progress through each lesson survives a restart. */
class LessonProgressStoreTest {

    @Test
    void progressIsRememberedBetweenRuns(@TempDir Path folder) throws Exception {
        Path file = folder.resolve("sub").resolve(LessonProgressStore.FILE_NAME);
        try (LessonProgressStore store = new LessonProgressStore(file)) {
            store.put("accepting-the-invite", LessonProgress.NONE.withCurrentStep(3)
                    .withStatus("listen", StepStatus.PASSED).withStatus("rejected", StepStatus.FAILED));
        }

        LessonProgressStore reopened = new LessonProgressStore(file);

        LessonProgress progress = reopened.get("accepting-the-invite");
        assertThat(progress.currentStep()).isEqualTo(3);
        assertThat(progress.status("listen")).isEqualTo(StepStatus.PASSED);
        assertThat(progress.status("rejected")).isEqualTo(StepStatus.FAILED);
        assertThat(progress.status("accepted")).isEqualTo(StepStatus.NOT_RUN);
        assertThat(reopened.get("signing-in")).isEqualTo(LessonProgress.NONE);
    }

    @Test
    void anUnreadableFileStartsEmpty(@TempDir Path folder) throws Exception {
        Path file = folder.resolve(LessonProgressStore.FILE_NAME);
        Files.writeString(file, "{ not json");

        assertThat(new LessonProgressStore(file).get("signing-in")).isEqualTo(LessonProgress.NONE);
    }

    @Test
    void theConfigFolderFollowsTheSystemProperty(@TempDir Path folder) {
        String old = System.getProperty(LessonProgressStore.CONFIG_DIR_PROPERTY);
        System.setProperty(LessonProgressStore.CONFIG_DIR_PROPERTY, folder.toString());
        try {
            assertThat(LessonProgressStore.openDefault().file()).isEqualTo(folder.resolve(LessonProgressStore.FILE_NAME));
        } finally {
            if (old == null) {
                System.clearProperty(LessonProgressStore.CONFIG_DIR_PROPERTY);
            } else {
                System.setProperty(LessonProgressStore.CONFIG_DIR_PROPERTY, old);
            }
        }
    }
}
