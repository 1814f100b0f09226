package io.github.ucmaworkbench.registrar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.ucmaworkbench.testing.MalformedSip;
import io.github.ucmaworkbench.trace.Direction;
import io.github.ucmaworkbench.trace.SipTrace;
import io.github.ucmaworkbench.trace.SipTraceEvent;
import java.net.DatagramPacket;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sip.message.Request;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Messages of one call that arrive back to back leave the proxy in the same order, although the
 * registrar handles different calls in parallel (CallLanes). The two cases that broke when the
 * stack parsed each UDP datagram on its own thread: the callee's 180 and 200 sent together (the
 * 180 was dropped or forwarded after the 200), and the caller's ACK and BYE sent together (the
 * BYE overtook the ACK, and the callee never saw its call confirmed).
 */
class RegistrarOrderingTest {
    private static final int CALLS = 25;

    private BobBehindRegistrar net;

    @AfterEach
    void stop() throws Exception {
        if (net != null) {
            net.close();
        }
    }

    @Test
    void provisionalAndFinalAndAckAndByeKeepTheirOrderThroughTheProxy() throws Exception {
        net = new BobBehindRegistrar(bob -> { }); // bob answers 180 and 200 back to back
        InetSocketAddress address = net.address;
        int base = (int) (System.nanoTime() & 0xffffff);

        for (int i = 0; i < CALLS; i++) {
            int n = base + i;
            String callId = "fuzz-" + n + "@127.0.0.1";
            send(MalformedSip.goodInvite("sip:bob@example.com", "127.0.0.1", net.alice.getLocalPort(), "UDP", n), address);
            List<String> responses = responsesTo(callId, Request.INVITE);
            List<Integer> codes = responses.stream().map(r -> Integer.parseInt(r.substring(8, 11))).toList();
            assertThat(codes).as("call %d: responses in the order bob sent them", i)
                    .filteredOn(c -> c != 100).containsExactly(180, 200);

            String ok = responses.get(responses.size() - 1);
            send(inDialog("ACK", 1, n, ok), address);
            send(inDialog("BYE", 2, n, ok), address);
            assertThat(responsesTo(callId, Request.BYE)).last().asString().startsWith("SIP/2.0 200 ");
            await("bob saw ACK and BYE of call " + i).atMost(Duration.ofSeconds(10))
                    .until(() -> receivedByBob(callId).size() >= 3);
            // distinct(): a retransmission (of the INVITE, before any ACK) is not a reordering
            assertThat(receivedByBob(callId)).as("call %d: what bob received, in order", i)
                    .containsExactly(Request.INVITE, Request.ACK, Request.BYE);
        }
    }

    private void send(String text, InetSocketAddress to) throws Exception {
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        net.alice.send(new DatagramPacket(bytes, bytes.length, to));
    }

    /**
     * The responses alice receives for {@code method} in call {@code callId}, up to and including
     * the first final one; others (a late retransmission of an earlier call's) are skipped.
     */
    private List<String> responsesTo(String callId, String method) throws Exception {
        List<String> seen = new ArrayList<>();
        boolean answered = net.aliceReadsUntil(text -> {
            if (!text.startsWith("SIP/2.0 ") || !callId.equals(header(text, "Call-ID"))
                    || !header(text, "CSeq").endsWith(" " + method)) {
                return false;
            }
            seen.add(text);
            return text.charAt(8) != '1';
        });
        if (answered) {
            return seen;
        }
        throw new AssertionError("no final response to " + method + " within "
                + BobBehindRegistrar.ALICE_WAITS.toSeconds() + " s; got " + seen);
    }

    /** An ACK or BYE in the dialog the 200 {@code ok} set up (RFC 3261 §12.2.1.1): Route from its Record-Route. */
    private String inDialog(String method, int cseq, int n, String ok) {
        String to = header(ok, "To");
        String contact = header(ok, "Contact").replaceAll("^.*<([^>]*)>.*$", "$1");
        return method + " " + contact + " SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:" + net.alice.getLocalPort() + ";branch=z9hG4bK-" + method + "-" + n + "\r\n"
                + "Route: " + header(ok, "Record-Route") + "\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: <sip:fuzzer@example.com>;tag=f" + n + "\r\n"
                + "To: " + to + "\r\n"
                + "Call-ID: fuzz-" + n + "@127.0.0.1\r\n"
                + "CSeq: " + cseq + " " + method + "\r\n"
                + "Content-Length: 0\r\n\r\n";
    }

    private static String header(String message, String name) {
        Matcher m = Pattern.compile("(?im)^" + name + "\\s*:\\s*([^\\r\\n]*)").matcher(message);
        if (!m.find()) {
            throw new AssertionError("no " + name + " in " + message);
        }
        return m.group(1).trim();
    }

    /** The methods of the requests bob's stack read off the wire for {@code callId}, in trace order. */
    private static List<String> receivedByBob(String callId) {
        return SipTrace.global().snapshot().stream()
                .filter(e -> "sip:bob@example.com".equals(e.party()) && e.direction() == Direction.RECEIVED
                        && e.isRequest() && callId.equals(e.callId()))
                .map(SipTraceEvent::method).distinct().toList();
    }
}
