package io.github.ucmaworkbench.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code ucma-workbench --join FILE} with a wrong file stops before anything starts or is written. */
class JoinOptionTest {
    @TempDir
    Path dir;

    @Test
    void aWrongClassFileStopsWithItsReasonAndWritesNothing() throws Exception {
        Path config = dir.resolve("config");
        Path file = Files.writeString(dir.resolve("class.json"), "{\"version\": 7}");
        StringWriter err = new StringWriter();
        int exit = new CommandLine(new Main()).setErr(new PrintWriter(err, true))
                .execute("--config-dir", config.toString(), "--join", file.toString());
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("--join " + file, "newer workbench");
        assertThat(config).doesNotExist();
    }
}
