package io.github.ucmaworkbench.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --trace / --pcap: files when the exporters are in the build, a clear usage error when not. */
class TraceOptionsTest {

    private static boolean exportersPresent() {
        try {
            Class.forName(TraceOptions.RECORDER);
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    @Test
    void lessonTraceIsWrittenOrClearlyUnavailable(@TempDir Path dir) throws Exception {
        Path text = dir.resolve("lesson3.txt");
        Path pcap = dir.resolve("lesson3.pcap");

        CliRun run = CliRun.of("run-lesson", "3", "--trace", text.toString(), "--pcap", pcap.toString());

        if (exportersPresent()) {
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(Files.readString(text)).contains("REGISTER sip:example.com SIP/2.0");
            assertThat(Files.size(pcap)).isPositive();
        } else {
            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.err()).contains("--trace and --pcap are not available in this build");
            assertThat(text).doesNotExist();
        }
    }
}
