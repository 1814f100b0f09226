package io.github.ucmaworkbench.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ucmaworkbench.registrar.RegistrarConfig;
import io.github.ucmaworkbench.settings.WorkbenchSettings;
import io.github.ucmaworkbench.testing.TestUa;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The settings' users file turns sign-in on for the window's embedded registrar. */
class EmbeddedRegistrarUsersTest {
    @TempDir
    Path dir;

    @Test
    void aUsersFileInTheSettingsMakesTheEmbeddedRegistrarAskForSignIn() throws Exception {
        Path users = Files.writeString(dir.resolve("users.txt"), "teacher=T-pass\n");
        WorkbenchSettings settings = WorkbenchSettings.defaults().withRegistrarUsersFile(users.toString());
        try (Workbench workbench = Main.startWorkbench(settings, RegistrarConfig.builder().port(0));
                TestUa teacher = TestUa.start("teacher", "example.com", "udp")) {
            InetSocketAddress at = workbench.registrarAddress();
            assertThat(teacher.call(teacher.register(at, 60, "<" + teacher.contact() + ">")).getStatusCode()).isEqualTo(401);
            assertThat(teacher.registerWithPassword(teacher.register(at, 60, "<" + teacher.contact() + ">"), "T-pass")
                    .getStatusCode()).isEqualTo(200);
        }
    }

    @Test
    void aBrokenUsersFileLeavesTheRegistrarOffAndSaysWhyRatherThanRunningWithoutSignIn() throws Exception {
        Path users = Files.writeString(dir.resolve("users.txt"), "teacher T-pass\n");
        WorkbenchSettings settings = WorkbenchSettings.defaults().withRegistrarUsersFile(users.toString());
        try (Workbench workbench = Main.startWorkbench(settings, RegistrarConfig.builder().port(0))) {
            assertThat(workbench.registrarAddress()).isNull();
            assertThat(workbench.registrarStatus()).contains("users.txt:1: expected name=password").doesNotContain("T-pass");
        }
    }
}
