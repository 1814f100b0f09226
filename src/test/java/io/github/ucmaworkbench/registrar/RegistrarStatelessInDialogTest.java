package io.github.ucmaworkbench.registrar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.ucmaworkbench.trace.Direction;
import io.github.ucmaworkbench.trace.SipTrace;
import io.github.ucmaworkbench.trace.SipTraceEvent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sip.message.Request;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An in-dialog request over UDP along our Record-Route is forwarded statelessly (RFC 3261 §16.11):
 * no transaction is kept for it (a BYE's would linger 32 s), a retransmission goes on to the next
 * hop with the same branch so that hop's transaction absorbs it, and the response finds its way
 * back by the Via alone.
 */
class RegistrarStatelessInDialogTest {
    private static final Pattern TOP_BRANCH = Pattern.compile("(?im)^(?:Via|v)\\s*:[^\\r\\n]*?;\\s*branch=([^;\\s,]+)");

    private BobBehindRegistrar net;

    @AfterEach
    void stop() throws Exception {
        if (net != null) {
            net.close();
        }
    }

    @Test
    void retransmittedByeReachesTheCalleeAgainWithTheSameBranchAndEachCopyIsAnswered() throws Exception {
        net = new BobBehindRegistrar(bob -> { });
        int n = (int) (System.nanoTime() & 0xffffff);
        String callId = "stateless-" + n + "@127.0.0.1";
        byte[] bye = bye(net.bob.contact(), callId, n).getBytes(StandardCharsets.ISO_8859_1);

        net.aliceSends(bye);
        int first = awaitFinalResponse();
        assertThat(first).as("the callee's answer came back through the proxy").isGreaterThanOrEqualTo(200);
        // A caller that did not hear the answer in time sends the same BYE again (§17.1.2.2). A
        // stateful proxy would answer it from its own transaction; a stateless one passes it on.
        net.aliceSends(bye);
        assertThat(awaitFinalResponse()).as("the copy is answered too").isEqualTo(first);

        await("the proxy passed both copies on").atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(seen("registrar", Direction.SENT, callId, true)).hasSize(2));
        List<String> branches = seen("registrar", Direction.SENT, callId, true).stream().map(e -> {
            Matcher m = TOP_BRANCH.matcher(e.rawText());
            return m.find() ? m.group(1) : "?";
        }).toList();
        assertThat(branches.get(0)).as("the proxy's branch (§16.11: the same for a retransmission)")
                .startsWith("z9hG4bK").isEqualTo(branches.get(1));
        // bob's stack answers the copy from the transaction the first one made (it does not
        // trace a retransmission it absorbs, only its answer)
        await("bob answered both copies").atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(seen("sip:bob@example.com", Direction.SENT, callId, false)).hasSize(2));
    }

    /** A BYE in a dialog the proxy record-routed: its Route names the proxy, its target is bob. */
    private String bye(String bobContact, String callId, int n) {
        int alicePort = net.alice.getLocalPort();
        return "BYE " + bobContact + " SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:" + alicePort + ";branch=z9hG4bK-bye-" + n + "\r\n"
                + "Route: <sip:127.0.0.1:" + net.address.getPort() + ";lr>\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: <sip:alice@example.com>;tag=a" + n + "\r\n"
                + "To: <sip:bob@example.com>;tag=b" + n + "\r\n"
                + "Call-ID: " + callId + "\r\n"
                + "CSeq: 2 BYE\r\n"
                + "Content-Length: 0\r\n\r\n";
    }

    /** The status of the next final response alice reads; -1 after {@link BobBehindRegistrar#ALICE_WAITS}. */
    private int awaitFinalResponse() throws Exception {
        int[] status = {-1};
        net.aliceReadsUntil(text -> {
            if (text.startsWith("SIP/2.0 ") && text.charAt(8) != '1') {
                status[0] = Integer.parseInt(text.substring(8, 11));
                return true;
            }
            return false;
        });
        return status[0];
    }

    /** What {@code party} traced for this call: its BYE requests, or its responses. */
    private static List<SipTraceEvent> seen(String party, Direction direction, String callId, boolean requests) {
        return SipTrace.global().snapshot().stream()
                .filter(e -> party.equals(e.party()) && e.direction() == direction && callId.equals(e.callId())
                        && (requests ? e.isRequest() && Request.BYE.equals(e.method()) : !e.isRequest()))
                .toList();
    }
}
