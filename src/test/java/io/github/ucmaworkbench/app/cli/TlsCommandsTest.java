package io.github.ucmaworkbench.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ucmaworkbench.testing.FreePorts;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** registrar --tls, server and client --transport tls against each other, in-process. */
class TlsCommandsTest {
    private static final Duration START = Duration.ofSeconds(15);

    @TempDir
    Path configDir;
    @TempDir
    Path strangerDir;

    private CliRun registrar;
    private CliRun server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        if (registrar != null) {
            registrar.close();
            assertThat(registrar.exitCode()).isZero();
            assertThat(registrar.out()).contains("Registrar stopped.");
        }
    }

    /** Starts {@code registrar --tls}; returns its TLS address. */
    private String startTlsRegistrar() {
        registrar = CliRun.background("registrar", "--port", String.valueOf(FreePorts.pick()), "--tls",
                "--config-dir", configDir.toString());
        String port = registrar.awaitOut("Registrar listening on 127\\.0\\.0\\.1:\\d+ \\(UDP\\+TCP\\) and (\\d+) \\(TLS\\)", START);
        registrar.awaitOut("TLS certificate: (.*tls-certificate\\.p12)", START);
        return "127.0.0.1:" + port;
    }

    private static CliRun client(String at, Path dir, String... extra) {
        String[] base = {"client", "--uri", "sip:client@example.com", "--server", at, "--invite", "sip:server@example.com",
            "--transport", "tls", "--config-dir", dir.toString()};
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return CliRun.of(args);
    }

    @Test
    void clientAndServerOverTlsCompleteTheTutorialThroughTheTlsRegistrar() {
        String at = startTlsRegistrar();
        server = CliRun.background("server", "--uri", "sip:server@example.com", "--server", at, "--policy", "accept",
                "--transport", "tls", "--config-dir", configDir.toString());
        server.awaitOut("Server ready as sip:server@example.com", START);

        CliRun client = client(at, configDir, "--message", "Hello over TLS");

        assertThat(client.exitCode()).as(client.err()).isZero();
        assertThat(client.out()).contains("client Signed in successfully (200 OK).",
                "client Session established", "client The message was delivered (200 OK).",
                "client Signed out successfully.");
        server.awaitOut("server Message received: Hello over TLS", START);
        assertThat(registrar.out()).contains("Signed-in users: 2");
    }

    @Test
    void clientWithAnotherCertificateSaysTheRegistrarIsNotTrusted() {
        String at = startTlsRegistrar();

        CliRun client = client(at, strangerDir);

        assertThat(client.exitCode()).isEqualTo(1);
        assertThat(client.err()).contains("is not trusted").contains("client: could not sign in");
        UsageTest.assertNoStackTrace(client);
        // The refused handshake is not the registrar's error: its console stays clean.
        UsageTest.assertNoStackTrace(registrar);
    }

    @Test
    void wrongKeystorePasswordIsOneClearLine() {
        CliRun registrarRun = CliRun.of("registrar", "--port", String.valueOf(FreePorts.pick()), "--tls",
                "--config-dir", configDir.toString(), "--keystore", configDir.resolve("missing.p12").toString());
        CliRun keystoreWithoutTls = client("127.0.0.1", configDir, "--keystore", "x.p12");

        assertThat(registrarRun.exitCode()).isEqualTo(1);
        assertThat(registrarRun.err()).contains("registrar: TLS: the keystore").contains("does not exist");
        UsageTest.assertNoStackTrace(registrarRun);
        assertThat(keystoreWithoutTls.exitCode()).isEqualTo(1);
        assertThat(keystoreWithoutTls.err()).contains("client: TLS: the keystore x.p12 does not exist");
    }
}
