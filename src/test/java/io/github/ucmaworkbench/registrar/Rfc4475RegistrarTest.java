package io.github.ucmaworkbench.registrar;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ucmaworkbench.testing.RawExchange;
import io.github.ucmaworkbench.testing.Rfc4475;
import io.github.ucmaworkbench.testing.TestUa;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 11 at the registrar: RFC 4475's torture messages over UDP and TCP from a raw socket get
 * the answer RFC 3261 gives a registrar (§10.3) or proxy (§16.3): 505, 416, 420 with the
 * Unsupported tags of Require (REGISTER) or Proxy-Require (proxied), 483, 501 for an unknown
 * method addressed to the registrar itself, 400 for duplicated single-value headers; every
 * status line well-formed; and afterwards users still sign in and call.
 */
class Rfc4475RegistrarTest {
    private static final Duration ANSWER = Duration.ofSeconds(10);

    private RegistrarService registrar;
    private InetSocketAddress address;

    @BeforeEach
    void start() throws Exception {
        registrar = new RegistrarService(RegistrarConfig.builder().port(0).build());
        address = registrar.start();
    }

    @AfterEach
    void stop() {
        registrar.close();
    }

    /** By message: the expected code; proxied ones are for an unknown user, so 404 would mean "not checked". */
    private static Map<String, Integer> expected() {
        Map<String, Integer> m = new LinkedHashMap<>();
        m.put("badvers", 505);
        m.put("unkscm", 416);
        m.put("novelsc", 416);
        m.put("bext01", 420);
        m.put("regreq", 420);
        m.put("zeromf", 483);
        for (String bad : List.of("multi01", "mcl01", "mismatch01", "mismatch02", "insuf", "ncl", "scalar02", "ltgtruri",
                "lwsruri", "quotbal")) {
            m.put(bad, 400);
        }
        return m;
    }

    @ParameterizedTest
    @ValueSource(strings = {"UDP", "TCP"})
    void theRegistrarRefusesWhatAProxyOrRegistrarMust(String transport) throws Exception {
        AtomicInteger n = new AtomicInteger(transport.equals("UDP") ? 5000 : 6000);
        for (Map.Entry<String, Integer> e : expected().entrySet()) {
            String answer = send(Rfc4475.template(e.getKey()), "sip:nobody@example.com", transport, n.incrementAndGet());
            assertThat(answer).as(e.getKey() + " over " + transport + " gets an answer").isNotNull();
            assertThat(Rfc4475.code(answer)).as(e.getKey() + " over " + transport + ": " + Rfc4475.statusLine(answer))
                    .isEqualTo(e.getValue());
            if (e.getKey().equals("bext01")) {
                // §16.3 step 5: a proxy judges Proxy-Require; Require is for the far end
                assertThat(Rfc4475.headerValues(answer, "Unsupported"))
                        .containsExactly("noProxiesSupportThis", "norDoAnyProxiesSupportThis");
            } else if (e.getKey().equals("regreq")) {
                assertThat(Rfc4475.headerValues(answer, "Unsupported")).containsExactly("nothingSupportsThis");
            }
        }
        for (String header : Rfc4475.SINGLE_VALUE_HEADERS) {
            String answer = send(Rfc4475.withTwice(Rfc4475.template("unreason"), header), "sip:nobody@example.com",
                    transport, n.incrementAndGet());
            assertThat(answer).as("two " + header + " over " + transport).isNotNull();
            assertThat(Rfc4475.code(answer)).as("two " + header + " over " + transport + ": " + Rfc4475.statusLine(answer))
                    .isEqualTo(400);
        }
        // an unknown method for the registrar itself (no user part): 501, not 405 (§21.5.2)
        String unknown = send(Rfc4475.template("intmeth"), "sip:example.com", transport, n.incrementAndGet());
        assertThat(Rfc4475.code(unknown)).as(Rfc4475.statusLine(unknown)).isEqualTo(501);
        String subscribe = send(Rfc4475.template("subscribe"), "sip:example.com", transport, n.incrementAndGet());
        assertThat(Rfc4475.code(subscribe)).as(Rfc4475.statusLine(subscribe)).isEqualTo(405);
        assertThat(Rfc4475.headerValues(subscribe, "Allow")).contains("REGISTER", "INVITE");

        try (TestUa alice = TestUa.start("alice", "example.com", transport.toLowerCase());
                TestUa bob = TestUa.start("bob", "example.com", transport.toLowerCase())) {
            assertThat(bob.call(bob.register(address, 60, "<" + bob.contact() + ">")).getStatusCode())
                    .as("sign-in over " + transport).isEqualTo(Response.OK);
            var call = alice.send(alice.request(Request.INVITE, "sip:bob@example.com", "sip:bob@example.com", address));
            assertThat(call.finalResponse().getStatusCode()).as("proxied INVITE over " + transport).isEqualTo(Response.OK);
            call.ack();
            assertThat(call.bye().getStatusCode()).as("BYE over " + transport).isEqualTo(Response.OK);
        }
    }

    private String send(String template, String ruri, String transport, int n) throws Exception {
        java.util.function.Function<Integer, byte[]> message = port -> Rfc4475.fill(template, Map.of("ruri", ruri,
                "to", "sip:nobody@example.com", "via", "SIP/2.0/" + transport + " 127.0.0.1:" + port,
                "host", "127.0.0.1", "port", String.valueOf(port), "n", String.valueOf(n),
                "registrar", "sip:example.com", "domain", "example.com"));
        return transport.equals("UDP") ? RawExchange.udp(message, address, ANSWER) : RawExchange.tcp(message, address, ANSWER);
    }
}
