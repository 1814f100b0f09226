package io.github.ucmaworkbench.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Whatever settings.json holds, loading gives usable settings: the saved ones, or the defaults and why. */
class SettingsStoreFuzzTest {
    private static final Path DIRECTORY = directory();

    private static Path directory() {
        try {
            Path dir = Files.createTempDirectory("settings-fuzz");
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @FuzzTest(maxDuration = "30s")
    void anySettingsFileLoadsToUsableSettings(@NotNull byte[] file) throws IOException {
        SettingsStore store = new SettingsStore(DIRECTORY);
        Files.write(store.file(), file);
        SettingsStore.Loaded loaded = store.load();
        assertThat(loaded.settings()).isNotNull();
        assertThat(loaded.settings().firstProblem()).isNull();
        if (loaded.usedDefaultsBecauseOfProblem()) {
            assertThat(loaded.problem()).isNotBlank();
        }
    }
}
