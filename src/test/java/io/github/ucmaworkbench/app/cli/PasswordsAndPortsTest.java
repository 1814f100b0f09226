package io.github.ucmaworkbench.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ucmaworkbench.testing.Closer;
import io.github.ucmaworkbench.testing.FreePorts;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Passwords that stay off the command line (--password-file, $UCMA_PASSWORD) and a fixed --listen-port. */
class PasswordsAndPortsTest {
    private static final Duration START = Duration.ofSeconds(20);
    private static final String SERVER_SECRET = "s3rver-Secret";
    private static final String CLIENT_SECRET = "cl1ent-Secret";
    private static final String WRONG = "Wr0ng-Guess";

    @TempDir
    Path dir;

    private final Closer closer = new Closer();
    private CliRun registrar;
    private String at;

    @AfterEach
    void stop() {
        closer.close();
    }

    private void startRegistrarWithUsers() throws Exception {
        Path users = Files.writeString(dir.resolve("users.properties"),
                "server=" + SERVER_SECRET + "\nclient=" + CLIENT_SECRET + "\n");
        registrar = closer.add(CliRun.background("registrar", "--port", String.valueOf(FreePorts.pick()),
                "--users", users.toString()));
        at = "127.0.0.1:" + registrar.awaitOut("Registrar listening on 127\\.0\\.0\\.1:(\\d+)", START);
    }

    private Path secretFile(String name, String content) throws Exception {
        Path file = Files.writeString(dir.resolve(name), content);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }

    private CliRun client(String... extra) {
        String[] base = {"client", "--uri", "sip:client@example.com", "--server", at, "--invite", "sip:server@example.com",
            "--user", "client"};
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return CliRun.of(args);
    }

    private static void assertNoSecret(String output) {
        assertThat(output).doesNotContain(SERVER_SECRET).doesNotContain(CLIENT_SECRET).doesNotContain(WRONG);
    }

    @Test
    void passwordFilesSignInWithDigestAndAWrongOneIsRefused() throws Exception {
        startRegistrarWithUsers();
        CliRun server = closer.add(CliRun.background("server", "--uri", "sip:server@example.com", "--server", at,
                "--user", "server", "--password-file", secretFile("server.pw", SERVER_SECRET + "\r\n").toString()));
        server.awaitOut("Server ready", START);

        CliRun right = client("--password-file", secretFile("client.pw", CLIENT_SECRET + "\n").toString());
        CliRun wrong = client("--password-file", secretFile("wrong.pw", WRONG + "\n").toString());

        assertThat(right.exitCode()).as(right.err()).isZero();
        assertThat(wrong.exitCode()).isEqualTo(1);
        assertThat(wrong.err()).contains("Signing in failed");
        for (CliRun run : new CliRun[] {right, wrong, server, registrar}) {
            assertNoSecret(run.out() + run.err());
        }
    }

    @Test
    void theEnvironmentVariableSignsInAChildProcessAndAWrongOneIsRefused() throws Exception {
        startRegistrarWithUsers();
        String[] args = {"client", "--uri", "sip:client@example.com", "--server", at, "--invite", "sip:nobody@example.com",
            "--user", "client", "--timeout", "5"};

        ChildCommand right = closer.add(ChildCommand.start(Map.of(PasswordSource.ENV, CLIENT_SECRET), args));
        ChildCommand wrong = closer.add(ChildCommand.start(Map.of(PasswordSource.ENV, WRONG), args));

        right.exitCode(START);
        wrong.exitCode(START);
        // The invite goes to nobody (404): signing in is what is tested here.
        assertThat(right.out()).as(right.err()).contains("Signed in successfully");
        assertThat(wrong.err()).contains("Signing in failed").contains("could not sign in");
        assertNoSecret(right.out() + right.err() + wrong.out() + wrong.err());
    }

    @Test
    void passwordProblemsAreOneClearLineAndNeverEchoTheSecret() throws Exception {
        at = "127.0.0.1:" + FreePorts.pick();
        CliRun empty = client("--password-file", secretFile("empty.pw", "\n").toString());
        CliRun missing = client("--password-file", dir.resolve("missing.pw").toString());
        CliRun both = client("--password", WRONG, "--password-file", secretFile("both.pw", WRONG).toString());
        CliRun none = client();

        assertThat(empty.exitCode()).isEqualTo(2);
        assertThat(empty.err()).contains("empty.pw is empty");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("missing.pw: cannot read it (no such file)");
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.err()).contains("--password and --password-file: give one of them");
        assertThat(none.exitCode()).isEqualTo(2);
        assertThat(none.err()).contains("--user needs a password");
        for (CliRun run : new CliRun[] {empty, missing, both, none}) {
            assertNoSecret(run.out() + run.err());
            UsageTest.assertNoStackTrace(run);
        }
    }

    @Test
    void aPasswordFileOthersCanReadIsUsedWithAWarning() throws Exception {
        Path file = secretFile("open.pw", CLIENT_SECRET + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        at = "127.0.0.1:" + FreePorts.pick(); // nobody there: the warning comes before signing in

        CliRun run = client("--password-file", file.toString(), "--timeout", "1");

        assertThat(run.err()).contains("WARNING: --password-file " + file + " can be read by other users; chmod 600 it");
        assertNoSecret(run.out() + run.err());
    }

    @Test
    void theServerListensOnTheFixedPortAskedFor() throws Exception {
        startRegistrarWithUsers();
        int port = FreePorts.pick();

        CliRun server = closer.add(CliRun.background("server", "--uri", "sip:server@example.com", "--server", at,
                "--user", "server", "--password-file", secretFile("server.pw", SERVER_SECRET).toString(),
                "--listen-port", String.valueOf(port)));

        assertThat(server.awaitOut("listening on 127\\.0\\.0\\.1:(\\d+)", START)).isEqualTo(String.valueOf(port));
    }

    @Test
    void aTakenListenPortIsAClearErrorAndExitCodeOne() throws Exception {
        startRegistrarWithUsers();
        InetAddress loopback = InetAddress.getLoopbackAddress();
        // A port free for both: a UDP port's number can be another test's TCP port (CI saw a BindException).
        int taken = FreePorts.pick();
        try (DatagramSocket udp = new DatagramSocket(new InetSocketAddress(loopback, taken));
                ServerSocket tcp = new ServerSocket(taken, 50, loopback)) {
            CliRun server = CliRun.of("server", "--uri", "sip:server@example.com", "--server", at,
                    "--user", "server", "--password-file", secretFile("server.pw", SERVER_SECRET).toString(),
                    "--listen-port", String.valueOf(taken));

            assertThat(server.exitCode()).isEqualTo(1);
            assertThat(server.err()).contains("server: could not start listening on port " + taken);
            assertThat(server.out()).contains("Signed out");
            UsageTest.assertNoStackTrace(server);
        }
    }
}
