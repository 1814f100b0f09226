package io.github.ucmaworkbench.registrar;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ucmaworkbench.testing.RawTcpCallee;
import io.github.ucmaworkbench.testing.TestUa;
import java.net.InetSocketAddress;
import javax.sip.message.Request;
import org.junit.jupiter.api.Test;

/**
 * A callee over TCP that closes its connection the instant it has written its final response
 * (SIPp's UAS at the end of its scenario does): the response still completes the proxy's client
 * transaction and reaches the caller, never a 480 "Contact unreachable".
 */
class RegistrarTcpCloseTest {
    private static final int ROUNDS = 100;

    @Test
    void aResponseFollowedAtOnceByConnectionCloseStillReachesTheCaller() throws Exception {
        try (RegistrarService registrar = new RegistrarService(RegistrarConfig.builder().port(0).build());
                TestUa alice = TestUa.start("alice", "example.com", "tcp")) {
            InetSocketAddress address = registrar.start();
            int answered = 0;
            for (int i = 0; i < ROUNDS; i++) {
                // A callee per round: a request sent while the proxy has not yet read the previous
                // round's close would be written into a dead connection and lost (plain TCP; the
                // caller would only hear Timer F), which is not what this test is about.
                try (RawTcpCallee callee = new RawTcpCallee(2)) {
                    registrar.getLocationService().unbindAll("bob@example.com");
                    registrar.getLocationService().bind("bob@example.com",
                            "sip:bob@127.0.0.1:" + callee.port() + ";transport=tcp", 600);
                    // Two requests on one connection: the first opens and caches it, after the
                    // second's 200 the callee closes it at once, so the proxy reads a response
                    // and EOF together.
                    for (int n = 0; n < 2; n++) {
                        Request message = alice.withText(
                                alice.request(Request.MESSAGE, "sip:bob@example.com", "sip:bob@example.com", address),
                                "round " + i + " message " + n);
                        assertThat(alice.call(message).getStatusCode()).as("round %d message %d", i, n).isEqualTo(200);
                    }
                    answered += callee.answered();
                }
            }
            assertThat(answered).isEqualTo(2 * ROUNDS);
        }
    }
}
