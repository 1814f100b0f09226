package io.github.ucmaworkbench.registrar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.github.ucmaworkbench.testing.FreePorts;
import io.github.ucmaworkbench.testing.TestUa;
import javax.sip.message.Request;
import javax.sip.message.Response;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Starting, port selection and stopping. */
class RegistrarLifecycleTest {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    @Test
    void defaultsAreLoopbackStandardPortAndNoAuthentication() {
        RegistrarConfig c = RegistrarConfig.defaults();

        assertThat(c.getBindAddress().isLoopbackAddress()).isTrue();
        assertThat(c.getPort()).isEqualTo(5060);
        assertThat(c.isFixedPort()).isFalse();
        assertThat(c.getDomain()).isEqualTo("example.com");
        assertThat(c.getUsers()).isEmpty();
        assertThat(c.getMinExpires()).isEqualTo(1);
        assertThat(c.getMaxExpires()).isEqualTo(3600);
        assertThat(c.getDefaultExpires()).isEqualTo(3600);
    }

    @Test
    void invalidConfigurationIsRejected() {
        assertThatThrownBy(() -> RegistrarConfig.builder().port(70000).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RegistrarConfig.builder().minExpires(10).maxExpires(5).build())
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void takenPortMovesToTheNextFreeOneAndSaysSo() throws Exception {
        int port = FreePorts.pick();
        Logger log = (Logger) LoggerFactory.getLogger(RegistrarService.class);
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        log.addAppender(lines);
        Level level = log.getLevel();
        log.setLevel(Level.INFO);
        try (DatagramSocket squatter = new DatagramSocket(new InetSocketAddress(LOOPBACK, port));
                RegistrarService registrar = new RegistrarService(RegistrarConfig.builder().port(port).build())) {
            assertThat(squatter.isBound()).isTrue();
            InetSocketAddress bound = registrar.start();

            assertThat(bound.getPort()).isBetween(port + 1, port + RegistrarConfig.PORT_ATTEMPTS);
            assertThat(registrar.getLocalAddress()).isEqualTo(bound);
            assertThat(lines.list).extracting(ILoggingEvent::getFormattedMessage).anyMatch(m -> m.startsWith(
                    "port " + port + " is taken; the registrar is listening on 127.0.0.1:" + bound.getPort()));
        } finally {
            log.detachAppender(lines);
            log.setLevel(level);
        }
    }

    @Test
    void takenFixedPortFailsWithAClearMessage() throws Exception {
        int port = FreePorts.pick();
        try (ServerSocket squatter = new ServerSocket(port, 1, LOOPBACK);
                RegistrarService registrar = new RegistrarService(
                        RegistrarConfig.builder().port(port).fixedPort(true).build())) {
            assertThat(squatter.isBound()).isTrue();
            assertThatThrownBy(registrar::start).isInstanceOf(IOException.class)
                    .hasMessageContaining("port " + port).hasMessageContaining("taken");
        }
    }

    @Test
    void closeIsFastIdempotentAndFreesThePort() throws Exception {
        RegistrarService registrar = new RegistrarService(RegistrarConfig.builder().port(0).build());
        int port = registrar.start().getPort();

        long started = System.nanoTime();
        registrar.close();
        long millis = (System.nanoTime() - started) / 1_000_000;
        registrar.close();

        assertThat(millis).as("close() took %d ms", millis).isLessThan(1000);
        try (DatagramSocket udp = new DatagramSocket(new InetSocketAddress(LOOPBACK, port));
                ServerSocket tcp = new ServerSocket(port, 1, LOOPBACK)) {
            assertThat(udp.isBound() && tcp.isBound()).isTrue();
        }
        assertThatThrownBy(registrar::start).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void wildcardBindServesLoopbackClients() throws Exception {
        InetAddress any = InetAddress.getByName("0.0.0.0");
        try (RegistrarService registrar = new RegistrarService(
                RegistrarConfig.builder().bindAddress(any).port(0).build());
                TestUa alice = TestUa.start("alice", "example.com", "udp");
                TestUa bob = TestUa.start("bob", "example.com", "udp")) {
            int port = registrar.start().getPort();
            InetSocketAddress viaLoopback = new InetSocketAddress(LOOPBACK, port);
            assertThat(bob.call(bob.register(viaLoopback, 60, "<" + bob.contact() + ">")).getStatusCode()).isEqualTo(200);

            Response r = alice.call(alice.request(Request.MESSAGE, "sip:bob@example.com", "sip:bob@example.com", viaLoopback));

            assertThat(r.getStatusCode()).isEqualTo(200);
        }
    }

    @Test
    void aSecondRegistrarCanTakeTheSamePortAfterClose() throws Exception {
        int port;
        try (RegistrarService first = new RegistrarService(RegistrarConfig.builder().port(0).build())) {
            port = first.start().getPort();
        }
        try (RegistrarService second = new RegistrarService(
                RegistrarConfig.builder().port(port).fixedPort(true).build())) {
            assertThat(second.start().getPort()).isEqualTo(port);
        }
    }
}
