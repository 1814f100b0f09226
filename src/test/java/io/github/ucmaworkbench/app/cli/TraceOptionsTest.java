package io.github.ucmaworkbench.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --trace / --pcap: a teacher hands students the capture of a demo. */
class TraceOptionsTest {
    @Test
    void lessonTraceIsWrittenAsTextAndPcap(@TempDir Path dir) throws Exception {
        Path text = dir.resolve("lesson3.txt");
        Path pcap = dir.resolve("lesson3.pcap");

        CliRun run = CliRun.of("run-lesson", "3", "--trace", text.toString(), "--pcap", pcap.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(Files.readString(text)).contains("REGISTER sip:example.com SIP/2.0");
        assertThat(Files.size(pcap)).isPositive();
    }

    @Test
    void oneFileForBothIsAUsageError(@TempDir Path dir) {
        Path same = dir.resolve("both");
        CliRun run = CliRun.of("run-lesson", "3", "--trace", same.toString(), "--pcap", same.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--trace and --pcap need two different files");
    }
}
