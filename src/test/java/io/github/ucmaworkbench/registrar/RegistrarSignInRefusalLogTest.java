package io.github.ucmaworkbench.registrar;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.github.ucmaworkbench.testing.TestUa;
import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** A refused sign-in shows in the log while the registrar runs, once per source in a burst, without the password. */
class RegistrarSignInRefusalLogTest {
    private static final String WRONG = "n0t-the-Passw0rd";

    @Test
    void aBurstOfWrongPasswordsIsOneLineAtOnceWithoutThePassword() throws Exception {
        Logger log = (Logger) LoggerFactory.getLogger(RegistrarService.class);
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        log.addAppender(lines);
        try (RegistrarService registrar = new RegistrarService(RegistrarConfig.builder().port(0)
                .user("alice", "s3cret-alice").build());
                TestUa alice = TestUa.start("alice", "example.com", "udp")) {
            InetSocketAddress address = registrar.start();
            for (int i = 0; i < 3; i++) {
                assertThat(alice.registerWithPassword(alice.register(address, 60, "<" + alice.contact() + ">"), WRONG)
                        .getStatusCode()).isEqualTo(403);
            }

            List<String> refusals = lines.list.stream().map(ILoggingEvent::getFormattedMessage)
                    .filter(l -> l.contains("refused")).toList();
            assertThat(refusals).as("logged before the registrar stops, once for the burst")
                    .containsExactly("registrar: refused a sign-in from 127.0.0.1: wrong password for 'alice'");
        } finally {
            log.detachAppender(lines);
        }
        assertThat(lines.list).extracting(ILoggingEvent::getFormattedMessage)
                .as("the summary at stop").anySatisfy(l -> assertThat(l).startsWith("registrar: refused 2 more sign-ins from 127.0.0.1"))
                .noneSatisfy(l -> assertThat(l).contains(WRONG));
    }
}
