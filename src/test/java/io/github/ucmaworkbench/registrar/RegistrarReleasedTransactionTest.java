package io.github.ucmaworkbench.registrar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.ucmaworkbench.testing.MalformedSip;
import io.github.ucmaworkbench.testing.SentRequest;
import io.github.ucmaworkbench.testing.TestUa;
import io.github.ucmaworkbench.trace.Direction;
import io.github.ucmaworkbench.trace.SipTrace;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.sip.message.Request;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The registrar's stack drops a finished transaction's parsed messages at once (RegistrarService:
 * the RI's "Aggressive" release strategy, for memory under load). What the proxy owes a
 * transaction after that must still hold: a retransmitted request is answered again from the
 * stored response and never forwarded twice (RFC 3261 §17.2.2), and an INVITE's context, which
 * a CANCEL looks up (§16.10), is let go when its server transaction ends. A branch's client
 * transaction lets go of the context once it has its final response; a 2xx that comes after
 * that (the callee resending it until the ACK arrives) is still forwarded (§16.7 step 10).
 */
class RegistrarReleasedTransactionTest {
    private BobBehindRegistrar net;
    private TestUa carol;

    @AfterEach
    void stop() throws Exception {
        if (carol != null) {
            carol.close();
        }
        if (net != null) {
            net.close();
        }
    }

    @Test
    void messageRetransmittedAfterItsOkIsAnsweredAgainAndNotForwardedTwice() throws Exception {
        net = new BobBehindRegistrar(bob -> { }); // bob answers a MESSAGE with 200
        int n = (int) (System.nanoTime() & 0xffffff);
        String callId = "released-" + n + "@127.0.0.1";
        byte[] message = ("MESSAGE sip:bob@example.com SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:" + net.alice.getLocalPort() + ";branch=z9hG4bK-released-" + n + "\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: <sip:alice@example.com>;tag=a" + n + "\r\n"
                + "To: <sip:bob@example.com>\r\n"
                + "Call-ID: " + callId + "\r\n"
                + "CSeq: 1 MESSAGE\r\n"
                + "Content-Type: text/plain\r\n"
                + "Content-Length: 5\r\n\r\nhello").getBytes(StandardCharsets.ISO_8859_1);

        net.aliceSends(message);
        assertThat(awaitStatusLines(1)).as("the first copy is answered").containsExactly("SIP/2.0 200 OK");
        // The proxy's server transaction is now Completed (Timer J, 32 s over UDP) and holds
        // only the 200's bytes. A caller that missed the 200 sends the request again:
        net.aliceSends(message);
        assertThat(awaitStatusLines(1)).as("the retransmission is answered from the transaction").containsExactly("SIP/2.0 200 OK");

        await("bob never sees the MESSAGE twice").during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> messagesBobReceived(callId) == 1);
    }

    @Test
    void anInvitesContextIsLetGoWhenItsServerTransactionEnds() throws Exception {
        net = new BobBehindRegistrar(bob -> { }); // bob answers 180 and 200
        carol = TestUa.start("carol", "example.com", "udp");
        InetSocketAddress address = net.address;
        SentRequest call = carol.send(carol.request(Request.INVITE, "sip:bob@example.com", "sip:bob@example.com", address));
        assertThat(call.finalResponse().getStatusCode()).isEqualTo(200);
        call.ack();
        assertThat(call.bye().getStatusCode()).isEqualTo(200);

        // The INVITE's server transaction ends after the 2xx and the RI's linger (8 s); its
        // request has been released by then, so the context is found by what the proxy kept.
        await("the proxied INVITE's context is released").atMost(Duration.ofSeconds(30))
                .until(() -> net.registrar.getOpenInviteCount() == 0);
    }

    @Test
    void theCalleesRetransmitted200StillReachesTheCallerAfterItsBranchAnswered() throws Exception {
        net = new BobBehindRegistrar(bob -> { }); // bob answers 180 and 200, and resends the 200 until an ACK comes
        int n = (int) (System.nanoTime() & 0xffffff);
        byte[] invite = MalformedSip.goodInvite("sip:bob@example.com", "127.0.0.1", net.alice.getLocalPort(), "UDP", n)
                .getBytes(StandardCharsets.ISO_8859_1);
        net.aliceSends(invite);

        // alice never ACKs: bob's stack sends the 200 again (RFC 3261 §13.3.1.4), and the proxy,
        // whose branch already had its final response, forwards each copy (§16.7 step 10).
        List<String> lines = new ArrayList<>();
        long end = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (lines.stream().filter("SIP/2.0 200 OK"::equals).count() < 2 && System.nanoTime() < end) {
            lines.addAll(awaitStatusLines(1));
        }
        assertThat(lines).as("responses alice got").filteredOn("SIP/2.0 200 OK"::equals).hasSizeGreaterThanOrEqualTo(2);
    }

    private int messagesBobReceived(String callId) {
        return (int) SipTrace.global().snapshot().stream()
                .filter(e -> "sip:bob@example.com".equals(e.party()) && e.direction() == Direction.RECEIVED
                        && e.isRequest() && Request.MESSAGE.equals(e.method()) && callId.equals(e.callId()))
                .count();
    }

    /** The status lines of the next {@code count} responses alice receives (fewer after {@link BobBehindRegistrar#ALICE_WAITS}). */
    private List<String> awaitStatusLines(int count) throws Exception {
        List<String> lines = new ArrayList<>();
        net.aliceReadsUntil(text -> {
            lines.add(BobBehindRegistrar.firstLine(text));
            return lines.size() >= count;
        });
        return lines;
    }
}
