package io.github.ucmaworkbench.registrar;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ucmaworkbench.testing.SentRequest;
import io.github.ucmaworkbench.testing.TestUa;
import io.github.ucmaworkbench.trace.Direction;
import io.github.ucmaworkbench.trace.SipTrace;
import io.github.ucmaworkbench.trace.SipTraceEvent;
import java.net.InetSocketAddress;
import javax.sip.header.MaxForwardsHeader;
import javax.sip.header.RecordRouteHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The proxy (RFC 3261 §16) between two test UAs, over UDP and over TCP. */
class RegistrarProxyTest {
    private RegistrarService registrar;
    private InetSocketAddress address;
    private TestUa alice;
    private TestUa bob;

    private void start(String transport) throws Exception {
        registrar = new RegistrarService(RegistrarConfig.builder().port(0).build());
        address = registrar.start();
        alice = TestUa.start("alice", "example.com", transport);
        bob = TestUa.start("bob", "example.com", transport);
        assertThat(bob.call(bob.register(address, 60, "<" + bob.contact() + ">")).getStatusCode()).isEqualTo(200);
    }

    @AfterEach
    void stop() {
        for (AutoCloseable c : new AutoCloseable[] {alice, bob, registrar}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception ignored) {
                // best effort
            }
        }
    }

    private Request inviteBob() throws Exception {
        return alice.request(Request.INVITE, "sip:bob@example.com", "sip:bob@example.com", address);
    }

    private static boolean proxySaw(String method, String callId) {
        return SipTrace.global().snapshot().stream().anyMatch((SipTraceEvent e) -> "registrar".equals(e.party())
                && e.direction() == Direction.RECEIVED && method.equals(e.method()) && e.isRequest()
                && callId.equals(e.callId()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"udp", "tcp"})
    void inviteAnsweredAckedAndByeGoThroughProxy(String transport) throws Exception {
        start(transport);
        SentRequest call = alice.send(inviteBob());

        Response ok = call.finalResponse();
        assertThat(ok.getStatusCode()).isEqualTo(200);
        assertThat(ok.getHeader(ViaHeader.NAME).toString()).as("proxy removed its Via").doesNotContain(
                ":" + address.getPort());
        RecordRouteHeader rr = (RecordRouteHeader) ok.getHeader(RecordRouteHeader.NAME);
        assertThat(rr.getAddress().getURI().toString()).contains(":" + address.getPort()).contains("lr")
                .contains("transport=" + transport);
        Request invite = bob.awaitRequest(Request.INVITE);
        assertThat(((MaxForwardsHeader) invite.getHeader(MaxForwardsHeader.NAME)).getMaxForwards()).isEqualTo(69);

        call.ack();
        Request ack = bob.awaitRequest(Request.ACK);
        String callId = TestUa.callIdOf(ack);
        assertThat(proxySaw(Request.ACK, callId)).as("ACK went through the proxy").isTrue();

        assertThat(call.bye().getStatusCode()).isEqualTo(200);
        bob.awaitRequest(Request.BYE);
        assertThat(proxySaw(Request.BYE, callId)).as("BYE went through the proxy").isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"udp", "tcp"})
    void busyIsForwardedWithCodeAndReason(String transport) throws Exception {
        start(transport);
        bob.answer(Request.INVITE, Response.BUSY_HERE);
        SentRequest call = alice.send(inviteBob());

        assertThat(call.provisional().getStatusCode()).isEqualTo(180);
        Response busy = call.finalResponse();
        assertThat(busy.getStatusCode()).isEqualTo(486);
        assertThat(busy.getReasonPhrase()).isEqualTo("Busy here");
    }

    @ParameterizedTest
    @ValueSource(strings = {"udp", "tcp"})
    void cancelWhileRingingEndsIn487(String transport) throws Exception {
        start(transport);
        bob.answer(Request.INVITE, TestUa.RING_ONLY);
        SentRequest call = alice.send(inviteBob());
        assertThat(call.provisional().getStatusCode()).isEqualTo(180);

        assertThat(call.cancel().getStatusCode()).isEqualTo(200);

        assertThat(call.finalResponse().getStatusCode()).isEqualTo(487);
        bob.awaitRequest(Request.CANCEL);
    }

    @ParameterizedTest
    @ValueSource(strings = {"udp", "tcp"})
    void messageOutOfDialogIsDelivered(String transport) throws Exception {
        start(transport);
        Request message = alice.withText(
                alice.request(Request.MESSAGE, "sip:bob@example.com", "sip:bob@example.com", address), "hello bob");

        assertThat(alice.call(message).getStatusCode()).isEqualTo(200);
        assertThat(new String(bob.awaitRequest(Request.MESSAGE).getRawContent(), "UTF-8")).isEqualTo("hello bob");
    }

    @ParameterizedTest
    @ValueSource(strings = {"udp", "tcp"})
    void unknownUserIsNotFound(String transport) throws Exception {
        start(transport);
        Request invite = alice.request(Request.INVITE, "sip:nobody@example.com", "sip:nobody@example.com", address);

        assertThat(alice.call(invite).getStatusCode()).isEqualTo(404);
    }

    @ParameterizedTest
    @ValueSource(strings = {"udp"})
    void knownUserWithoutBindingIsTemporarilyUnavailable(String transport) throws Exception {
        start(transport);
        bob.call(bob.register(address, 0, "*"));

        assertThat(alice.call(inviteBob()).getStatusCode()).isEqualTo(480);
    }

    @ParameterizedTest
    @ValueSource(strings = {"udp"})
    void maxForwardsZeroIsTooManyHops(String transport) throws Exception {
        start(transport);
        Request invite = inviteBob();
        ((MaxForwardsHeader) invite.getHeader(MaxForwardsHeader.NAME)).setMaxForwards(0);

        assertThat(alice.call(invite).getStatusCode()).isEqualTo(483);
        assertThat(bob.hasReceived(Request.INVITE)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"udp", "tcp"})
    void optionsToTheRegistrarIsAnsweredByIt(String transport) throws Exception {
        start(transport);
        Request options = alice.request(Request.OPTIONS, "sip:example.com", "sip:example.com", address);

        Response ok = alice.call(options);
        assertThat(ok.getStatusCode()).isEqualTo(200);
        StringBuilder allow = new StringBuilder();
        for (var it = ok.getHeaders("Allow"); it.hasNext(); ) {
            allow.append(it.next());
        }
        assertThat(allow.toString()).contains("INVITE").contains("MESSAGE");
    }

    @ParameterizedTest
    @ValueSource(strings = {"udp", "tcp"})
    void messageToTheRegistrarItselfIsAccepted(String transport) throws Exception {
        start(transport);
        Request message = alice.withText(
                alice.request(Request.MESSAGE, "sip:example.com", "sip:example.com", address), "hello server");

        assertThat(alice.call(message).getStatusCode()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"udp"})
    void foreignDomainIsForbidden(String transport) throws Exception {
        start(transport);
        Request message = alice.request(Request.MESSAGE, "sip:carol@elsewhere.org", "sip:carol@elsewhere.org", address);

        assertThat(alice.call(message).getStatusCode()).isEqualTo(403);
    }
}
