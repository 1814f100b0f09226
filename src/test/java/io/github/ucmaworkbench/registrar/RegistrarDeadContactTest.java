package io.github.ucmaworkbench.registrar;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.github.ucmaworkbench.testing.Closer;
import io.github.ucmaworkbench.testing.TestUa;
import io.github.ucmaworkbench.testing.SentRequest;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * A signed-in client that dies without signing out (killed, crashed): the proxy stops forking to
 * its contact once a request to it fails, and says so once; the live contact's answer still
 * reaches the caller at once.
 */
class RegistrarDeadContactTest {
    private final Logger proxyLog = (Logger) LoggerFactory.getLogger(DeadContacts.class);
    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();
    private final Closer closer = new Closer();
    private RegistrarService registrar;
    private InetSocketAddress address;
    private TestUa alice;
    private TestUa bob;

    private void start(String transport) throws Exception {
        start(transport, RegistrarConfig.builder().port(0).build());
    }

    private void start(String transport, RegistrarConfig config) throws Exception {
        lines.start();
        proxyLog.addAppender(lines);
        registrar = closer.add(new RegistrarService(config));
        address = registrar.start();
        alice = closer.add(TestUa.start("alice", "example.com", transport));
        bob = closer.add(TestUa.start("bob", "example.com", transport));
        bob.answer(Request.INVITE, Response.DECLINE);
        assertThat(bob.call(bob.register(address, 3600, "<" + bob.contact() + ">")).getStatusCode()).isEqualTo(200);
        // bob's second device signs in, then is killed: its port has nothing behind it any more.
        TestUa dead = TestUa.start("bob", "example.com", transport);
        assertThat(dead.call(dead.register(address, 3600, "<" + dead.contact() + ">")).getStatusCode()).isEqualTo(200);
        dead.close();
        assertThat(bindingsOfBob()).hasSize(2);
    }

    @AfterEach
    void stop() {
        proxyLog.detachAppender(lines);
        closer.close();
    }

    private List<Binding> bindingsOfBob() {
        return registrar.getLocationService().getBindings("bob@example.com");
    }

    private Response callBob() throws Exception {
        return alice.call(alice.request(Request.INVITE, "sip:bob@example.com", "sip:bob@example.com", address));
    }

    private List<String> dropLines() {
        return lines.list.stream().map(ILoggingEvent::getFormattedMessage).filter(l -> l.contains("dropped")).toList();
    }

    @Test
    void aRefusedTcpContactIsDroppedAndLoggedOnceAndTheLiveDeclineArrivesAtOnce() throws Exception {
        start("tcp");

        assertThat(callBob().getStatusCode()).as("the live device's decline, within TestUa.WAIT").isEqualTo(603);

        assertThat(bindingsOfBob()).extracting(Binding::getContactUri).containsExactly(bob.contact());
        assertThat(dropLines()).singleElement().asString()
                .startsWith("registrar: dropped sip:bob@example.com at 127.0.0.1:")
                .contains("unreachable");
        assertThat(callBob().getStatusCode()).isEqualTo(603);
        assertThat(dropLines()).as("the second call did not fork to the dead contact").hasSize(1);
    }

    @Test
    void aSilentUdpContactIsDroppedWhenItsBranchTimesOut() throws Exception {
        // Timer B is 64 * T1: 3.2 s instead of 32 s.
        start("udp", RegistrarConfig.builder().port(0).branchT1(Duration.ofMillis(50)).build());
        bob.close(); // both of bob's devices are gone now

        SentRequest call = alice.send(alice.request(Request.INVITE, "sip:bob@example.com", "sip:bob@example.com", address));

        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> dropLines().size() == 2);
        assertThat(dropLines()).allSatisfy(l -> assertThat(l).startsWith("registrar: dropped sip:bob@example.com at 127.0.0.1:")
                .endsWith(": no answer (timeout)"));
        assertThat(bindingsOfBob()).isEmpty();
        assertThat(call.finalResponse().getStatusCode()).isEqualTo(Response.REQUEST_TIMEOUT);
        assertThat(callBob().getStatusCode()).as("known but offline now").isEqualTo(Response.TEMPORARILY_UNAVAILABLE);
    }

    @Test
    void aSilentUdpContactDoesNotHoldBackTheLiveDecline() throws Exception {
        start("udp");

        // Before: the 603 waited for the silent branch's Timer B (32 s); TestUa waits 5 s.
        assertThat(callBob().getStatusCode()).isEqualTo(603);
    }
}
