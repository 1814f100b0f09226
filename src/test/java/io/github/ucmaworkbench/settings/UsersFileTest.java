package io.github.ucmaworkbench.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The users file shared by the CLI and the GUI: name=password lines, file:line errors. */
class UsersFileTest {
    @TempDir
    Path dir;

    @Test
    void readsUsersInOrderSkippingCommentsAndBlankLines() throws Exception {
        Path file = Files.writeString(dir.resolve("users"), "# class\n\n alice = pw with spaces\nbob=b=c\n");

        assertThat(UsersFile.load(file)).containsExactly(
                java.util.Map.entry("alice", " pw with spaces"), java.util.Map.entry("bob", "b=c"));
    }

    @Test
    void eachBadLineIsReportedWithFileAndLineAndNoPassword() {
        assertProblem(List.of("alice=ok", "just-a-name"), "users:2: expected name=password");
        assertProblem(List.of("=secret1"), "users:1: the user name is empty");
        assertProblem(List.of("al ice=secret2"), "users:1: user name 'al ice' must not contain");
        assertProblem(List.of("alice="), "users:1: user alice has an empty password");
        assertProblem(List.of("alice=secret3", "#", "alice=secret4"), "users:3: user alice is listed twice");
        assertProblem(List.of("# nobody"), "users: names no users");
    }

    @Test
    void missingFileIsAProblemNotAnException() {
        assertThatThrownBy(() -> UsersFile.load(dir.resolve("absent"))).isInstanceOf(UsersFile.Problem.class)
                .hasMessageEndingWith("absent: no such file");
    }

    private static void assertProblem(List<String> lines, String message) {
        assertThatThrownBy(() -> UsersFile.parse("users", lines)).isInstanceOf(UsersFile.Problem.class)
                .hasMessageStartingWith(message).satisfies(e -> assertThat(e.getMessage()).doesNotContain("secret"));
    }
}
