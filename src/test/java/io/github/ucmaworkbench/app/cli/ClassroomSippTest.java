package io.github.ucmaworkbench.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ucmaworkbench.testing.FreePorts;
import io.github.ucmaworkbench.testing.RealPeers;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Classroom mode with a real SIP tool: SIPp places 50 calls through our registrar to the
 * teacher's server command. Skipped loudly without SIPp; a failure in CI (CI=true).
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class ClassroomSippTest {
    private static final Path UAC = Path.of("bench", "sipp", "uac.xml");

    @Test
    void fiftySippCallsThroughOurRegistrarAreAllAcceptedByTheServer(@TempDir Path work) throws Exception {
        Path sipp = RealPeers.requireBinary("sipp");
        try (CliRun registrar = CliRun.background("registrar", "--port", String.valueOf(FreePorts.pick()))) {
            String at = "127.0.0.1:" + registrar.awaitOut("Registrar listening on 127\\.0\\.0\\.1:(\\d+)", Duration.ofSeconds(15));
            try (CliRun server = CliRun.background("server", "--uri", "sip:teacher@example.com", "--server", at,
                    "--transport", "udp")) {
                server.awaitOut("Server ready", Duration.ofSeconds(15));

                // Each call is held 300 ms, as a student's would be (0 ms calls are the benchmarks' job).
                Process run = new ProcessBuilder(sipp.toString(), "-sf", UAC.toAbsolutePath().toString(),
                        "-key", "domain", "example.com", "-s", "teacher", at, "-i", "127.0.0.1",
                        "-p", String.valueOf(FreePorts.pick()), "-m", String.valueOf(ClassroomTest.STUDENTS),
                        "-r", "25", "-d", "300", "-l", String.valueOf(ClassroomTest.STUDENTS), "-timeout", "40s", "-timeout_error",
                        "-nostdin", "-trace_err", "-error_file", work.resolve("errors.log").toString())
                        .directory(work.toFile()).redirectErrorStream(true)
                        .redirectOutput(work.resolve("sipp.out").toFile()).start();
                assertThat(run.waitFor(60, TimeUnit.SECONDS)).as("SIPp finished").isTrue();
                String report = Files.readString(work.resolve("sipp.out"));
                // SIPp exits 0 only when every call succeeded.
                assertThat(run.exitValue()).as(report + readIfThere(work.resolve("errors.log"))).isZero();
                server.awaitLines("server Session established", ClassroomTest.STUDENTS,
                        Duration.ofSeconds(15));
                assertThat(server.out().lines().filter(l -> l.contains("server Invite arrived from sip:sipp@")))
                        .hasSize(ClassroomTest.STUDENTS);
                assertThat(server.err()).doesNotContain("ERROR");
                server.close();
                assertThat(server.exitCode()).isZero();
            }
            registrar.close();
            assertThat(registrar.exitCode()).isZero();
        }
    }

    private static String readIfThere(Path file) throws Exception {
        return file.toFile().isFile() ? File.separator + Files.readString(file) : "";
    }

}
