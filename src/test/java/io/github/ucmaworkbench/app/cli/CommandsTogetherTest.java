package io.github.ucmaworkbench.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ucmaworkbench.testing.FreePorts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** registrar, server and client commands against each other on free loopback ports, in-process. */
class CommandsTogetherTest {
    private static final Duration START = Duration.ofSeconds(15);

    private CliRun registrar;
    private CliRun server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
            assertThat(server.exitCode()).isZero();
            assertThat(server.out()).contains("Server stopping (end of input).", "Signing out.", "Server stopped.");
        }
        if (registrar != null) {
            registrar.close();
            assertThat(registrar.exitCode()).isZero();
            assertThat(registrar.out()).contains("Registrar stopped.");
        }
    }

    private String startRegistrar(String... extra) {
        String[] args = new String[extra.length + 3];
        args[0] = "registrar";
        args[1] = "--port";
        args[2] = String.valueOf(FreePorts.pick());
        System.arraycopy(extra, 0, args, 3, extra.length);
        registrar = CliRun.background(args);
        return "127.0.0.1:" + registrar.awaitOut("Registrar listening on 127\\.0\\.0\\.1:(\\d+)", START);
    }

    private void startServer(String at, String policy) {
        server = CliRun.background("server", "--uri", "sip:server@example.com", "--server", at, "--policy", policy);
        server.awaitOut("Server ready as sip:server@example.com", START);
    }

    private static CliRun client(String at, String... extra) {
        String[] base = {"client", "--uri", "sip:client@example.com", "--server", at, "--invite", "sip:server@example.com"};
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return CliRun.of(args);
    }

    @Test
    void acceptedInviteWithMessageExitsZeroAndBothSidesReport() {
        String at = startRegistrar();
        startServer(at, "accept");

        CliRun client = client(at, "--message", "Hello from the command line", "--header", "X-Lesson:6");

        assertThat(client.exitCode()).as(client.err()).isZero();
        assertThat(client.out()).contains("client Signed in successfully (200 OK).",
                "client Sending an invite to sip:server@example.com with 1 custom header(s).",
                "client Session established", "client The message was delivered (200 OK).",
                "client The session was ended.", "client Signed out successfully.");
        server.awaitOut("server Message received: Hello from the command line", START);
        server.awaitOut("server The session was closed", START);
        assertThat(registrar.out()).contains("Signed-in users: 2");
    }

    @Test
    void registrarWritesTheClassCallsAsTextAndPcapWhenItStops(@TempDir Path dir) throws Exception {
        Path text = dir.resolve("class.txt");
        Path pcap = dir.resolve("class.pcap");
        String at = startRegistrar("--trace", text.toString(), "--pcap", pcap.toString());
        startServer(at, "accept");
        assertThat(client(at).exitCode()).isZero();
        server.close();
        assertThat(server.exitCode()).isZero();
        registrar.close();
        assertThat(registrar.exitCode()).isZero();

        assertThat(Files.readString(text)).contains("INVITE sip:server@example.com SIP/2.0", "SIP/2.0 200 OK");
        byte[] capture = Files.readAllBytes(pcap);
        assertThat(capture.length).isGreaterThan(24);
        // libpcap's magic number, little or big endian
        assertThat(capture[0] == (byte) 0xd4 || capture[0] == (byte) 0xa1).isTrue();
    }

    @Test
    void rejectPolicyMakesTheClientFailWithCodeAndText() {
        String at = startRegistrar();
        startServer(at, "reject:486:Busy Here");

        CliRun client = client(at);

        assertThat(client.exitCode()).isEqualTo(1);
        assertThat(client.err()).contains("refused with 486 Busy Here")
                .contains("client: the invite to sip:server@example.com was not accepted");
        assertThat(client.out()).contains("client Signed out successfully.");
        server.awaitOut("server The invite was rejected with 486 Busy Here", START);
        UsageTest.assertNoStackTrace(client);
    }

    @Test
    void synchronousInviteReportsTheSameRejection() {
        String at = startRegistrar();
        startServer(at, "reject:603");

        CliRun client = client(at, "--sync");

        assertThat(client.exitCode()).isEqualTo(1);
        assertThat(client.err()).contains("refused with 603 Decline");
    }

    @Test
    void requireHeaderPolicyAcceptsOnlyInvitesThatCarryIt() {
        String at = startRegistrar();
        startServer(at, "require-header:X-Student");

        CliRun without = client(at);
        CliRun with = client(at, "--header", "X-Student: ada");

        assertThat(without.exitCode()).isEqualTo(1);
        assertThat(without.err()).contains("refused with 403");
        assertThat(with.exitCode()).as(with.err()).isZero();
    }

    @Test
    void ignorePolicyLetsTheClientTimeOut() {
        String at = startRegistrar();
        startServer(at, "ignore");

        // The server rings (180) and then stays silent: the ring timeout, not the operation timeout, ends it.
        CliRun client = client(at, "--timeout", "2", "--ring-timeout", "2");

        assertThat(client.exitCode()).isEqualTo(1);
        assertThat(client.out()).contains("The callee is ringing; waiting up to 2 s for an answer.");
        assertThat(client.err()).contains("timed out").contains("the callee did not answer within 2 s");
    }

    @Test
    void udpTransportWorksEndToEnd() {
        String at = startRegistrar();
        server = CliRun.background("server", "--uri", "sip:server@example.com", "--server", at, "--transport", "udp");
        server.awaitOut("Server ready", START);

        CliRun client = client(at, "--transport", "udp");

        assertThat(client.exitCode()).as(client.err()).isZero();
    }

    @Test
    void digestUsersFileGuardsSigningIn(@TempDir Path dir) throws Exception {
        Path users = Files.writeString(dir.resolve("users.properties"), "# the class\nserver=s3cret\nclient=c0de\n");
        String at = startRegistrar("--users", users.toString());
        assertThat(registrar.out()).contains("2 user(s) with digest authentication");
        server = CliRun.background("server", "--uri", "sip:server@example.com", "--server", at,
                "--user", "server", "--password", "s3cret");
        server.awaitOut("Server ready", START);

        CliRun wrong = client(at, "--user", "client", "--password", "guess");
        CliRun right = client(at, "--user", "client", "--password", "c0de");

        assertThat(wrong.exitCode()).isEqualTo(1);
        assertThat(wrong.err()).contains("Signing in failed");
        assertThat(right.exitCode()).as(right.err()).isZero();
    }

    @Test
    void clientWithNoRegistrarFailsWithoutHanging() {
        CliRun client = client("127.0.0.1:" + FreePorts.pick(), "--timeout", "2");

        assertThat(client.exitCode()).isEqualTo(1);
        assertThat(client.err()).contains("client: could not sign in as sip:client@example.com");
        UsageTest.assertNoStackTrace(client);
    }

    @Test
    void registrarOnANonLoopbackAddressWarnsLoudly() {
        // 192.0.2.1 is TEST-NET-1 (RFC 5737): never ours, so nothing is bound and no traffic leaves.
        CliRun run = CliRun.of("registrar", "--bind", "192.0.2.1", "--port", "5999");

        assertThat(run.err()).contains("WARNING: the registrar is bound to 192.0.2.1, not to loopback.")
                .contains("anyone who can reach 192.0.2.1 can sign in")
                .contains("(no --users file: no authentication)");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("registrar: cannot listen");
        UsageTest.assertNoStackTrace(run);
    }

    @Test
    void registrarOnLoopbackDoesNotWarn() {
        startRegistrar();
        assertThat(registrar.err()).doesNotContain("WARNING");
    }

    @Test
    void fixedPortTakenIsAFailureNotAStackTrace() {
        String at = startRegistrar();
        CliRun second = CliRun.of("registrar", "--port", at.substring(at.indexOf(':') + 1));

        assertThat(second.exitCode()).isEqualTo(1);
        assertThat(second.err()).contains("registrar: cannot listen").contains("is taken");
        UsageTest.assertNoStackTrace(second);
    }

    @Test
    void runLessonSixPlaysEveryStep() {
        CliRun run = CliRun.of("run-lesson", "6");

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("Lesson 6: Accepting the INVITE.", "Step 1/", "server Invite arrived",
                "Lesson 6 ran end to end:");
        assertThat(run.err()).doesNotContain("✘");
    }

    @Test
    void runLessonWithTooShortAStepTimeoutIsAUsageError() {
        CliRun run = CliRun.of("run-lesson", "6", "--step-timeout", "0");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--step-timeout must be 1-300 seconds, not 0");
    }
}
