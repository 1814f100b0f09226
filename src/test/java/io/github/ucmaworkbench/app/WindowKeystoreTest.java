package io.github.ucmaworkbench.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ucmaworkbench.registrar.RegistrarConfig;
import io.github.ucmaworkbench.settings.WorkbenchSettings;
import io.github.ucmaworkbench.ui.log.LogEntry;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The window's launcher takes the user's own keystore for TLS; a bad one leaves TLS off and says so. */
class WindowKeystoreTest {
    @TempDir
    Path dir;

    /** A keystore as a user makes one, with the JDK's keytool. */
    private Path keytoolKeystore(String password) throws Exception {
        Path file = dir.resolve("mine.p12");
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        Process p = new ProcessBuilder(keytool, "-genkeypair", "-alias", "mine", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=classroom", "-validity", "30", "-storetype", "PKCS12", "-keystore", file.toString(),
                "-storepass", password, "-keypass", password).redirectErrorStream(true).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(new String(p.getInputStream().readAllBytes())).isZero();
        return file;
    }

    private static Workbench start(Path keystore, String password) {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        return Main.startWorkbench(WorkbenchSettings.defaults(), RegistrarConfig.builder().bindAddress(loopback).port(0),
                WorkbenchTls.load(null, loopback, keystore, password.toCharArray()));
    }

    @Test
    void theUsersOwnKeystoreGivesTheEmbeddedRegistrarItsTlsPort() throws Exception {
        Path keystore = keytoolKeystore("s3cret-pass");

        try (Workbench workbench = start(keystore, "s3cret-pass")) {
            assertThat(workbench.registrarStatus()).contains("TLS " + (workbench.registrarAddress().getPort() + 1));
        }
    }

    @Test
    void aWrongKeystorePasswordLeavesTlsOffAndBothLogsSayWhy() throws Exception {
        Path keystore = keytoolKeystore("s3cret-pass");

        try (Workbench workbench = start(keystore, "wrong-pass")) {
            assertThat(workbench.registrarAddress()).as("UDP and TCP still run").isNotNull();
            assertThat(workbench.registrarStatus()).doesNotContain("TLS ");
            for (var side : List.of(workbench.client(), workbench.server())) {
                List<LogEntry> lines = new CopyOnWriteArrayList<>();
                side.addProgressListener(lines::add).close();
                assertThat(lines).extracting(LogEntry::message)
                        .anySatisfy(l -> assertThat(l).startsWith("TLS is off: ").contains("password is wrong"))
                        .noneSatisfy(l -> assertThat(l).contains("wrong-pass"));
            }
        }
    }
}
