package io.github.ucmaworkbench.registrar;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ucmaworkbench.testing.FreePorts;
import io.github.ucmaworkbench.testing.Sipp;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIPp as an independent attacker (and, for contrast, an honest client) against the registrar's
 * digest. SIPp 3.6 knows only MD5 and answers the first challenge it sees, so a default registrar
 * (SHA-256 first) loses it ("createAuthHeader: authentication must use MD5"); these registrars
 * offer MD5 alone, the setting meant for such legacy clients.
 */
class RegistrarSippAuthTest {
    private static final Duration SIPP_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration DEADLINE = Duration.ofSeconds(20);

    @TempDir
    Path work;
    private RegistrarService registrar;
    private String remote;

    @BeforeEach
    void startRegistrar() throws Exception {
        registrar = new RegistrarService(RegistrarConfig.builder().port(0).user("carol", "c4rol-pw")
                .digestAlgorithms("MD5").build());
        remote = "127.0.0.1:" + registrar.start().getPort();
    }

    @AfterEach
    void stop() {
        registrar.close();
    }

    @Test
    void sippWithTheRightPasswordSignsIn() throws Exception {
        Sipp.scenario("register-digest.xml", work).arg("-s", "carol", "-au", "carol", "-ap", "c4rol-pw")
                .key("domain", "example.com").start(remote, FreePorts.pick(), "udp", SIPP_TIMEOUT)
                .awaitSuccess(DEADLINE);

        assertThat(registrar.getLocationService().getBindings("carol@example.com")).hasSize(1);
    }

    @Test
    void sippAnsweringTheChallengeWithAWrongPasswordGets403() throws Exception {
        Sipp.scenario("register-digest-refused.xml", work).arg("-s", "carol", "-au", "carol", "-ap", "guess")
                .key("domain", "example.com").start(remote, FreePorts.pick(), "udp", SIPP_TIMEOUT)
                .awaitSuccess(DEADLINE);

        assertThat(registrar.getLocationService().getBindings("carol@example.com")).isEmpty();
        assertThat(registrar.getAuthFailureCount()).isEqualTo(1);
    }

    @Test
    void sippRegisteringAForeignDomainGets403() throws Exception {
        Sipp.scenario("register-refused.xml", work).arg("-s", "carol").key("domain", "elsewhere.org")
                .key("expires", "60").start(remote, FreePorts.pick(), "tcp", SIPP_TIMEOUT)
                .awaitSuccess(DEADLINE);

        assertThat(registrar.getRegisteredUserCount()).isZero();
    }
}
