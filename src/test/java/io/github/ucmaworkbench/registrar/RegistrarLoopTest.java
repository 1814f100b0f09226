package io.github.ucmaworkbench.registrar;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ucmaworkbench.testing.TestUa;
import java.net.InetSocketAddress;
import javax.sip.header.MaxForwardsHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** RFC 3261 §16.3: Max-Forwards and loop detection, with a real loop between two registrars. */
class RegistrarLoopTest {
    private RegistrarService first;
    private RegistrarService second;
    private TestUa alice;

    @AfterEach
    void stop() {
        if (alice != null) {
            alice.close();
        }
        for (RegistrarService r : new RegistrarService[] {first, second}) {
            if (r != null) {
                r.close();
            }
        }
    }

    @Test
    void requestThatComesBackUnchangedIsAnswered482() throws Exception {
        first = new RegistrarService(RegistrarConfig.builder().port(0).build());
        second = new RegistrarService(RegistrarConfig.builder().port(0).build());
        InetSocketAddress a = first.start();
        InetSocketAddress b = second.start();
        // each registrar believes carol is signed in at the other one: every request for her circles
        first.getLocationService().bind("carol@example.com", "sip:carol@127.0.0.1:" + b.getPort(), 60);
        second.getLocationService().bind("carol@example.com", "sip:carol@127.0.0.1:" + a.getPort(), 60);
        alice = TestUa.start("alice", "example.com", "udp");

        Response r = alice.call(alice.request(Request.MESSAGE, "sip:carol@example.com", "sip:carol@example.com", a));

        // without loop detection the request would circle until Max-Forwards ran out (483)
        assertThat(r.getStatusCode()).isEqualTo(482);
    }

    @Test
    void maxForwardsZeroIsAnswered483() throws Exception {
        first = new RegistrarService(RegistrarConfig.builder().port(0).build());
        InetSocketAddress a = first.start();
        first.getLocationService().bind("carol@example.com", "sip:carol@127.0.0.1:9", 60);
        alice = TestUa.start("alice", "example.com", "udp");
        Request message = alice.request(Request.MESSAGE, "sip:carol@example.com", "sip:carol@example.com", a);
        ((MaxForwardsHeader) message.getHeader(MaxForwardsHeader.NAME)).setMaxForwards(0);

        assertThat(alice.call(message).getStatusCode()).isEqualTo(483);
    }
}
