package io.github.ucmaworkbench.registrar;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ucmaworkbench.testing.SentRequest;
import io.github.ucmaworkbench.testing.TestUa;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import io.github.ucmaworkbench.trace.Direction;
import io.github.ucmaworkbench.trace.SipTrace;
import javax.sip.header.RecordRouteHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Routing beyond the basic call: mixed transports, forking, in-dialog requests. */
class RegistrarRoutingTest {
    private final List<AutoCloseable> closeables = new ArrayList<>();
    private RegistrarService registrar;
    private InetSocketAddress address;

    @BeforeEach
    void startRegistrar() throws Exception {
        registrar = new RegistrarService(RegistrarConfig.builder().port(0).build());
        address = registrar.start();
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : closeables) {
            c.close();
        }
        registrar.close();
    }

    private TestUa ua(String user, String transport) throws Exception {
        TestUa ua = TestUa.start(user, "example.com", transport);
        closeables.add(ua);
        return ua;
    }

    private TestUa registered(String user, String transport) throws Exception {
        TestUa ua = ua(user, transport);
        assertThat(ua.call(ua.register(address, 60, "<" + ua.contact() + ">")).getStatusCode()).isEqualTo(200);
        return ua;
    }

    @Test
    void tcpCallerReachesUdpCalleeAndBothRouteSetsWork() throws Exception {
        TestUa alice = ua("alice", "tcp");
        TestUa bob = registered("bob", "udp");
        SentRequest call = alice.send(alice.request(Request.INVITE, "sip:bob@example.com", "sip:bob@example.com", address));

        Response ok = call.finalResponse();
        assertThat(ok.getStatusCode()).isEqualTo(200);
        List<String> routes = new ArrayList<>();
        for (var it = ok.getHeaders(RecordRouteHeader.NAME); it.hasNext(); ) {
            routes.add(it.next().toString());
        }
        assertThat(routes).as("double record-route, one per transport").hasSize(2);
        call.ack();
        bob.awaitRequest(Request.ACK);
        assertThat(call.bye().getStatusCode()).isEqualTo(200);
        bob.awaitRequest(Request.BYE);
    }

    @Test
    void calleeCanHangUpThroughTheProxyToo() throws Exception {
        TestUa alice = ua("alice", "udp");
        TestUa bob = registered("bob", "udp");
        alice.answer(Request.BYE, 200);
        SentRequest call = alice.send(alice.request(Request.INVITE, "sip:bob@example.com", "sip:bob@example.com", address));
        assertThat(call.finalResponse().getStatusCode()).isEqualTo(200);
        call.ack();
        bob.awaitRequest(Request.INVITE);
        bob.awaitRequest(Request.ACK);

        // bob's dialog was created by the stack when he answered; his BYE goes along his route set
        javax.sip.Dialog bobsDialog = bob.lastServerDialog();
        Response byeOk = bob.inDialog(bobsDialog, Request.BYE);

        assertThat(byeOk.getStatusCode()).isEqualTo(200);
        alice.awaitRequest(Request.BYE);
    }

    @Test
    void inDialogMessageAndInfoFollowTheRouteSet() throws Exception {
        TestUa alice = ua("alice", "tcp");
        TestUa bob = registered("bob", "tcp");
        SentRequest call = alice.send(alice.request(Request.INVITE, "sip:bob@example.com", "sip:bob@example.com", address));
        assertThat(call.finalResponse().getStatusCode()).isEqualTo(200);
        call.ack();

        assertThat(call.inDialog(Request.MESSAGE).getStatusCode()).isEqualTo(200);
        assertThat(call.inDialog(Request.INFO).getStatusCode()).isEqualTo(200);
        bob.awaitRequest(Request.MESSAGE);
        bob.awaitRequest(Request.INFO);
        assertThat(call.bye().getStatusCode()).isEqualTo(200);
    }

    @Test
    void inviteForksToEveryContactAndTheAnswerWins() throws Exception {
        TestUa alice = ua("alice", "udp");
        TestUa desk = ua("bob", "udp");
        TestUa phone = ua("bob", "udp");
        phone.answer(Request.INVITE, Response.BUSY_HERE);
        Response reg = desk.call(desk.register(address, 60, "<" + desk.contact() + ">", "<" + phone.contact() + ">"));
        assertThat(reg.getStatusCode()).isEqualTo(200);

        SentRequest call = alice.send(alice.request(Request.INVITE, "sip:bob@example.com", "sip:bob@example.com", address));

        assertThat(call.finalResponse().getStatusCode()).isEqualTo(200);
        desk.awaitRequest(Request.INVITE);
        phone.awaitRequest(Request.INVITE);
        call.ack();
        desk.awaitRequest(Request.ACK);
    }

    @Test
    void allContactsRejectingGivesTheBestResponse() throws Exception {
        TestUa alice = ua("alice", "udp");
        TestUa desk = ua("bob", "udp");
        TestUa phone = ua("bob", "udp");
        desk.answer(Request.INVITE, Response.BUSY_HERE);
        phone.answer(Request.INVITE, Response.DECLINE);
        desk.call(desk.register(address, 60, "<" + desk.contact() + ">", "<" + phone.contact() + ">"));

        Response r = alice.call(alice.request(Request.INVITE, "sip:bob@example.com", "sip:bob@example.com", address));

        assertThat(r.getStatusCode()).as("6xx beats 4xx (RFC 3261 §16.7 step 6)").isEqualTo(603);
    }

    @Test
    void tcpClientWhoseContactNamesNoTransportIsStillReachedOverTcp() throws Exception {
        TestUa alice = ua("alice", "tcp");
        TestUa bob = ua("bob", "tcp");
        Response reg = bob.call(bob.register(address, 60, "<sip:bob@127.0.0.1:" + bob.port() + ">"));
        assertThat(reg.getStatusCode()).isEqualTo(200);

        Request message = alice.request(Request.MESSAGE, "sip:bob@example.com", "sip:bob@example.com", address);

        assertThat(alice.call(message).getStatusCode()).isEqualTo(200);
        bob.awaitRequest(Request.MESSAGE);
    }

    @Test
    void retransmitted2xxIsForwardedStatelessly() throws Exception {
        TestUa alice = ua("alice", "udp");
        registered("bob", "udp");
        Request invite = alice.request(Request.INVITE, "sip:bob@example.com", "sip:bob@example.com", address);
        String callId = TestUa.callIdOf(invite);
        CountDownLatch twice = new CountDownLatch(2);
        AutoCloseable subscription = SipTrace.global().subscribe(e -> {
            if ("registrar".equals(e.party()) && e.direction() == Direction.SENT && e.statusCode() == 200
                    && callId.equals(e.callId())) {
                twice.countDown();
            }
        });
        try {
            SentRequest call = alice.send(invite);
            assertThat(call.finalResponse().getStatusCode()).isEqualTo(200);

            // no ACK yet: bob's stack retransmits its 200 (T1 = 500 ms) and the proxy, whose
            // transaction ended with the first 2xx, must pass the copy on (RFC 3261 §16.7 step 10)
            assertThat(twice.await(5, TimeUnit.SECONDS)).as("a retransmitted 200 reached alice's side").isTrue();
            call.ack();
        } finally {
            subscription.close();
        }
    }

    @Test
    void unreachableContactIsTemporarilyUnavailable() throws Exception {
        TestUa alice = ua("alice", "tcp");
        // a TCP contact on a port nobody listens on: the connect fails at once
        registrar.getLocationService().bind("bob@example.com",
                "sip:bob@127.0.0.1:" + io.github.ucmaworkbench.testing.FreePorts.pick() + ";transport=tcp", 60);

        Response r = alice.call(alice.request(Request.INVITE, "sip:bob@example.com", "sip:bob@example.com", address));

        assertThat(r.getStatusCode()).isEqualTo(480);
    }
}
