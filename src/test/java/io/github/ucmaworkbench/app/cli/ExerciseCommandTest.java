package io.github.ucmaworkbench.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The teacher's command line: list, starter, check a file (exit 0/1/2), grade a folder into a table and CSV. */
class ExerciseCommandTest {
    private static final String FAST = "--step-timeout=5";

    @TempDir
    Path folder;

    @Test
    void listShowsOneExerciseALineIdFirst() throws Exception {
        try (CliRun run = CliRun.of("exercise", "list")) {
            assertThat(run.exitCode()).isZero();
            List<String> lines = run.out().lines().toList();
            assertThat(lines).hasSizeGreaterThanOrEqualTo(8);
            assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("require-student-id ").contains("X-Student-Id"));
        }
    }

    @Test
    void starterPrintsTheFileToEdit() throws Exception {
        try (CliRun run = CliRun.of("exercise", "starter", "accept-invite")) {
            assertThat(run.exitCode()).isZero();
            assertThat(run.out()).contains("extends ServerHomework").contains("public void sessionReceived");
        }
    }

    @Test
    void anUnknownExerciseIsBadUsage() throws Exception {
        try (CliRun run = CliRun.of("exercise", "starter", "no-such-thing")) {
            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.err()).contains("no exercise 'no-such-thing'");
        }
    }

    @Test
    void checkExitsZeroOnAPass() throws Exception {
        Path file = write("good.java", resource("solutions/accept-invite"));
        try (CliRun run = CliRun.of("exercise", "check", "accept-invite", file.toString(), FAST)) {
            assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
            assertThat(run.out()).contains("accept-invite: passed").contains("✔ server sent 200 INVITE");
        }
    }

    @Test
    void checkExitsOneOnAFailWithTheReasons() throws Exception {
        Path file = write("rude.java", resource("solutions/accept-invite").replace("Session accepted.", "ok"));
        try (CliRun run = CliRun.of("exercise", "check", "accept-invite", file.toString(), FAST)) {
            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.err()).contains("✗ server info \"Session accepted\"");
        }
    }

    @Test
    void checkExitsTwoWhenItDoesNotCompileNamingLineAndColumn() throws Exception {
        Path file = write("broken.java", resource("broken/does-not-compile"));
        try (CliRun run = CliRun.of("exercise", "check", "accept-invite", file.toString(), FAST)) {
            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.err()).containsPattern("line 7:\\d+: ");
        }
    }

    @Test
    void aFolderIsGradedIntoATableAndACsv() throws Exception {
        Path students = Files.createDirectory(folder.resolve("students"));
        Files.writeString(students.resolve("alice.java"), resource("solutions/require-student-id"));
        Files.writeString(students.resolve("bob.java"), resource("broken/does-not-compile"));
        Files.writeString(students.resolve("carol.java"), resource("broken/calls-exit"));
        Path csv = folder.resolve("grades.csv");
        try (CliRun run = CliRun.of("exercise", "check", "require-student-id", students.toString(), "--csv", csv.toString(), FAST)) {
            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.out()).containsPattern("alice\\.java\\s+passed")
                    .containsPattern("bob\\.java\\s+does not compile\\s+line 7:")
                    .containsPattern("carol\\.java\\s+refused\\s+calls System.exit")
                    .contains("1 of 3 passed.");
        }
        assertThat(Files.readAllLines(csv)).containsExactly(
                "file,exercise,result,reason",
                "alice.java,require-student-id,passed,",
                Files.readAllLines(csv).get(2),
                "carol.java,require-student-id,refused,\"calls System.exit, which homework may not\"");
        assertThat(Files.readAllLines(csv).get(2)).startsWith("bob.java,require-student-id,does not compile,");
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(folder.resolve(name), text);
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = ExerciseCommandTest.class.getResourceAsStream("/exercises/" + name + ".java")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
