package io.github.ucmaworkbench.registrar;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ucmaworkbench.testing.SentRequest;
import io.github.ucmaworkbench.testing.Closer;
import io.github.ucmaworkbench.testing.TestUa;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import javax.sip.header.RetryAfterHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Bounded sizes: contacts per AOR, bindings in total, pending proxy transactions. */
class RegistrarLimitsTest {
    private final Closer closing = new Closer();
    private RegistrarService registrar;
    private InetSocketAddress address;

    private void start(RegistrarConfig.Builder config) throws Exception {
        registrar = new RegistrarService(config.port(0).build());
        closing.add(registrar);
        address = registrar.start();
    }

    private TestUa ua(String user) throws Exception {
        return closing.add(TestUa.start(user, "example.com", "udp"));
    }

    @AfterEach
    void stop() {
        closing.close();
    }

    @Test
    void contactFloodIsCappedPerUserAndALegitimateUserStillSignsIn() throws Exception {
        start(RegistrarConfig.builder().maxContactsPerAor(10));
        TestUa mallory = ua("mallory");
        List<Integer> codes = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            // three new contacts per REGISTER: the first three requests fit, the fourth would make 12
            codes.add(mallory.call(mallory.register(address, 600, "<sip:m@127.0.0.1:" + (20000 + 3 * i) + ">",
                    "<sip:m@127.0.0.1:" + (20001 + 3 * i) + ">", "<sip:m@127.0.0.1:" + (20002 + 3 * i) + ">"))
                    .getStatusCode());
        }
        Response refused = mallory.call(mallory.register(address, 600, "<sip:m@127.0.0.1:30000>",
                "<sip:m@127.0.0.1:30001>"));

        assertThat(codes.subList(0, 3)).containsOnly(200);
        assertThat(codes.subList(3, 40)).containsOnly(403);
        assertThat(refused.getReasonPhrase()).contains("Too many contacts");
        assertThat(registrar.getLocationService().getBindings("mallory@example.com")).hasSize(9);
        assertThat(mallory.call(mallory.register(address, 600, "<sip:m@127.0.0.1:20000>")).getStatusCode())
                .as("a refresh is never refused").isEqualTo(200);
        TestUa alice = ua("alice");
        assertThat(alice.call(alice.register(address, 60, "<" + alice.contact() + ">")).getStatusCode()).isEqualTo(200);
    }

    @Test
    void fullRegistrarAnswers503WithRetryAfterAndKeepsRefreshing() throws Exception {
        start(RegistrarConfig.builder().maxBindings(5));
        TestUa flood = ua("flood");
        for (int i = 0; i < 5; i++) {
            Request r = flood.request(Request.REGISTER, "sip:example.com", "sip:user" + i + "@example.com", address);
            r.addHeader(flood.headers().createHeader("Contact", "<sip:user" + i + "@127.0.0.1:4000" + i + ">"));
            assertThat(flood.call(r).getStatusCode()).isEqualTo(200);
        }
        TestUa alice = ua("alice");
        Response full = alice.call(alice.register(address, 60, "<" + alice.contact() + ">"));

        assertThat(full.getStatusCode()).isEqualTo(503);
        assertThat(((RetryAfterHeader) full.getHeader(RetryAfterHeader.NAME)).getRetryAfter()).isPositive();
        assertThat(registrar.getLocationService().totalBindings()).isEqualTo(5);
        Request refresh = flood.request(Request.REGISTER, "sip:example.com", "sip:user0@example.com", address);
        refresh.addHeader(flood.headers().createHeader("Contact", "<sip:user0@127.0.0.1:40000>"));
        assertThat(flood.call(refresh).getStatusCode()).isEqualTo(200);
    }

    @Test
    void byDefaultPendingRequestsMayTakeAQuarterOfTheHeap() {
        // the launcher's 512 MB: room for a callee 2 s behind at 4,000 calls/s, about 130 MB of pending INVITEs
        assertThat(RegistrarConfig.defaultMaxPendingTransactions(512L << 20)).isBetween(9_000, 11_000);
        assertThat(RegistrarConfig.defaultMaxPendingTransactions(512L << 20) * RegistrarConfig.PENDING_BYTES)
                .isLessThanOrEqualTo((512L << 20) / 4);
        assertThat(RegistrarConfig.defaultMaxPendingTransactions(16L << 20)).as("never fewer than a classroom needs").isEqualTo(1_000);
        assertThat(RegistrarConfig.builder().build().getMaxPendingTransactions())
                .isEqualTo(RegistrarConfig.defaultMaxPendingTransactions(Runtime.getRuntime().maxMemory()));
    }

    @Test
    void pendingProxyTransactionsAreBoundedWith503RetryAfter() throws Exception {
        start(RegistrarConfig.builder().maxPendingTransactions(2));
        TestUa bob = ua("bob");
        bob.answer(Request.INVITE, TestUa.RING_ONLY);
        assertThat(bob.call(bob.register(address, 60, "<" + bob.contact() + ">")).getStatusCode()).isEqualTo(200);
        TestUa alice = ua("alice");
        List<SentRequest> ringing = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            SentRequest call = alice.send(alice.request(Request.INVITE, "sip:bob@example.com", "sip:bob@example.com", address));
            assertThat(call.provisional().getStatusCode()).isEqualTo(180);
            ringing.add(call);
        }
        assertThat(registrar.getPendingTransactionCount()).isEqualTo(2);

        Response busy = alice.call(alice.request(Request.INVITE, "sip:bob@example.com", "sip:bob@example.com", address));

        assertThat(busy.getStatusCode()).isEqualTo(503);
        assertThat(busy.getHeader(RetryAfterHeader.NAME)).isNotNull();
        // once a pending call ends, there is room again
        assertThat(ringing.get(0).cancel().getStatusCode()).isEqualTo(200);
        assertThat(ringing.get(0).finalResponse().getStatusCode()).isEqualTo(487);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5))
                .until(() -> registrar.getPendingTransactionCount() == 1);
        SentRequest third = alice.send(alice.request(Request.INVITE, "sip:bob@example.com", "sip:bob@example.com", address));
        assertThat(third.provisional().getStatusCode()).isEqualTo(180);
        ringing.get(1).cancel();
        third.cancel();
    }
}
