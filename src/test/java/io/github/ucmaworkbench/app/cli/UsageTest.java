package io.github.ucmaworkbench.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What a user sees for --help, --version and bad options: readable, one line of error, exit 2. */
class UsageTest {

    @Test
    void helpListsEverySubcommandAndExitsZero() {
        CliRun run = CliRun.of("--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Usage: ucma-workbench", "registrar", "server", "client", "run-lesson",
                "Exit codes");
    }

    @Test
    void subcommandHelpShowsItsOptions() {
        CliRun run = CliRun.of("client", "--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("--uri=URI", "--server=HOST[:PORT]", "--invite=TARGET", "--header=NAME:VALUE",
                "--sync", "--message=TEXT", "--ring-timeout=SECONDS");
    }

    @Test
    void versionNamesTheProduct() {
        CliRun run = CliRun.of("--version");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("UCMA Workbench").contains("Java 17");
    }

    @Test
    void missingRequiredOptionIsOneLineAndUsage() {
        CliRun run = CliRun.of("client", "--uri", "sip:client@example.com");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().lines().findFirst()).hasValueSatisfying(first ->
                assertThat(first).startsWith("ucma-workbench: Missing required options"));
        assertThat(run.err()).contains("Usage: ucma-workbench client");
        assertNoStackTrace(run);
    }

    @Test
    void badPolicyIsRejectedWithTheFormsItTakes() {
        CliRun run = CliRun.of("server", "--uri", "sip:server@example.com", "--server", "127.0.0.1",
                "--policy", "reject:99");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("reject code must be 300-699, not 99").contains("Usage: ucma-workbench server");
        assertNoStackTrace(run);
    }

    @Test
    void unknownPolicyListsTheValidForms() {
        CliRun run = CliRun.of("server", "--uri", "sip:server@example.com", "--server", "127.0.0.1", "--policy", "maybe");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("accept, reject:CODE[:TEXT], ignore or require-header:NAME");
    }

    @Test
    void ringTimeoutOutOfRangeIsAUsageErrorThatGivesTheRange() {
        CliRun run = CliRun.of("client", "--uri", "sip:client@example.com", "--server", "127.0.0.1",
                "--invite", "sip:server@example.com", "--ring-timeout", "0");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--ring-timeout: The ring timeout is from 1 to 180 seconds.")
                .contains("Usage: ucma-workbench client");
        assertNoStackTrace(run);
    }

    @Test
    void badServerPortIsAUsageError() {
        CliRun run = CliRun.of("client", "--uri", "sip:c@example.com", "--server", "127.0.0.1:99999",
                "--invite", "sip:s@example.com");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("port in '127.0.0.1:99999' must be 1-65535");
        assertNoStackTrace(run);
    }

    @Test
    void badTransportAndHeaderAreUsageErrors() {
        CliRun transport = CliRun.of("client", "--uri", "sip:c@example.com", "--server", "127.0.0.1",
                "--invite", "sip:s@example.com", "--transport", "sctp");
        assertThat(transport.exitCode()).isEqualTo(2);
        assertThat(transport.err()).contains("transport must be tcp, udp or tls, not 'sctp'");
        CliRun header = CliRun.of("client", "--uri", "sip:c@example.com", "--server", "127.0.0.1",
                "--invite", "sip:s@example.com", "--header", "no colon");
        assertThat(header.exitCode()).isEqualTo(2);
        assertThat(header.err()).contains("expected NAME:VALUE, got 'no colon'");
    }

    @Test
    void overlongHeaderValueAndBlankHostAreUsageErrorsThatSayWhy() {
        CliRun header = CliRun.of("client", "--uri", "sip:c@example.com", "--server", "127.0.0.1",
                "--invite", "sip:s@example.com", "--header", "X-Long:" + "v".repeat(9000));
        assertThat(header.exitCode()).isEqualTo(2);
        assertThat(header.err()).contains("header X-Long:").doesNotContain("IllegalArgumentException");
        assertNoStackTrace(header);

        CliRun host = CliRun.of("client", "--uri", "sip:c@example.com", "--server", "[\u000b]",
                "--invite", "sip:s@example.com");
        assertThat(host.exitCode()).isEqualTo(2);
        assertThat(host.err()).contains("expected HOST[:PORT]");
        assertNoStackTrace(host);
    }

    @Test
    void badUriIsAFailureReportedInOneLine() {
        CliRun run = CliRun.of("client", "--uri", "not a uri", "--server", "127.0.0.1", "--invite", "sip:s@example.com");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("ERROR Could not sign in");
        assertNoStackTrace(run);
    }

    @Test
    void registrarPortOutOfRangeAndMissingUsersFileAreUsageErrors() {
        CliRun port = CliRun.of("registrar", "--port", "70000");
        assertThat(port.exitCode()).isEqualTo(2);
        assertThat(port.err()).contains("--port must be 1-65535, not 70000");
        CliRun users = CliRun.of("registrar", "--users", "/nonexistent/users.properties");
        assertThat(users.exitCode()).isEqualTo(2);
        assertThat(users.err()).contains("--users file /nonexistent/users.properties: no such file");
        assertNoStackTrace(users);
    }

    @Test
    void usersFileWithABadLineNamesFileAndLineButNoPassword(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path file = java.nio.file.Files.writeString(dir.resolve("users.txt"),
                "# class of 2026\nalice=Wonder-7\nbob Wonder-8\n");
        CliRun run = CliRun.of("registrar", "--users", file.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--users file " + file + ":3: expected name=password").doesNotContain("Wonder");
        assertNoStackTrace(run);
    }

    @Test
    void authenticateCallsWithoutUsersIsAUsageError() {
        CliRun run = CliRun.of("registrar", "--authenticate-calls");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--authenticate-calls needs a --users file");
        assertNoStackTrace(run);
    }

    @Test
    void unknownCommandAndNoCommandAreUsageErrors() {
        assertThat(CliRun.of("dance").exitCode()).isEqualTo(2);
        CliRun none = CliRun.of();
        assertThat(none.exitCode()).isEqualTo(2);
        assertThat(none.err()).contains("missing a command");
    }

    @Test
    void lessonNumberOutOfRangeIsAUsageError() {
        CliRun run = CliRun.of("run-lesson", "12");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("there are lessons 1-11, not 12");
    }

    @Test
    void launcherDelegatesOnlySubcommands() {
        assertThat(WorkbenchCommand.handles(new String[] {"client", "--help"})).isTrue();
        assertThat(WorkbenchCommand.handles(new String[] {"run-lesson", "6"})).isTrue();
        assertThat(WorkbenchCommand.handles(new String[] {"--registrar-port", "5070"})).isFalse();
        assertThat(WorkbenchCommand.handles(new String[0])).isFalse();
    }

    static void assertNoStackTrace(CliRun run) {
        // A frame is "at package.Class.method(": usage text wrapped before "at the end" is not one.
        assertThat(run.err()).doesNotContain("Exception").doesNotContainPattern("\\n\\s+at [a-z][\\w$.]*\\(");
        assertThat(run.out()).doesNotContain("Exception");
    }
}
