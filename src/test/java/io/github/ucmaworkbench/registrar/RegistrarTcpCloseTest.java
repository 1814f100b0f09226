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
    private static final int ROUNDS = 25;

    @Test
    void aResponseFollowedAtOnceByConnectionCloseStillReachesTheCaller() throws Exception {
        try (RegistrarService registrar = new RegistrarService(RegistrarConfig.builder().port(0).build());
                RawTcpCallee callee = new RawTcpCallee(2);
                TestUa alice = TestUa.start("alice", "example.com", "tcp")) {
            InetSocketAddress address = registrar.start();
            registrar.getLocationService().bind("bob@example.com",
                    "sip:bob@127.0.0.1:" + callee.port() + ";transport=tcp", 600);

            for (int i = 0; i < ROUNDS; i++) {
                // Two requests per connection: the first opens and caches it, after the second's
                // 200 the callee closes it at once, so the proxy reads a response and EOF together.
                for (int n = 0; n < 2; n++) {
                    Request message = alice.withText(
                            alice.request(Request.MESSAGE, "sip:bob@example.com", "sip:bob@example.com", address),
                            "round " + i + " message " + n);
                    assertThat(alice.call(message).getStatusCode()).as("round %d message %d", i, n).isEqualTo(200);
                }
            }
            assertThat(callee.answered()).isEqualTo(2 * ROUNDS);
        }
    }
}
