package io.github.ucmaworkbench.registrar;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ucmaworkbench.testing.MalformedSip;
import io.github.ucmaworkbench.testing.TestUa;
import java.net.DatagramPacket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.sip.message.Request;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A proxy whose own input is behind refuses new calls with 503 and a Retry-After (RFC 3261
 * §21.5.4) instead of queueing more work behind the calls it has already taken, and takes calls
 * again once it has caught up.
 */
class RegistrarInputBacklogTest {
    private static final int BURST = 400;

    private BobBehindRegistrar net;

    @AfterEach
    void stop() throws Exception {
        if (net != null) {
            net.close();
        }
    }

    @Test
    void newCallsAreRefused503WithRetryAfterWhileTheInputIsBehindAndAcceptedOnceCaughtUp() throws Exception {
        // 1 ms: a burst of datagrams sent at once is bound to wait longer than that for the
        // stack's one UDP thread, however fast the machine
        net = new BobBehindRegistrar(RegistrarConfig.builder().maxInputDelayMillis(1),
                bob -> bob.answer(Request.INVITE, TestUa.RING_ONLY));
        int base = (int) (System.nanoTime() & 0xffffff);
        for (int i = 0; i < BURST; i++) {
            net.aliceSends(invite(base + i));
        }
        List<String> refusals = new ArrayList<>();
        Set<String> answered = new HashSet<>();
        for (String response : responsesUntilQuiet()) {
            answered.add(callIdOf(response));
            if (response.startsWith("SIP/2.0 503 ")) {
                refusals.add(response);
            }
        }
        assertThat(answered).as("every INVITE of the burst was answered").hasSize(BURST);
        assertThat(refusals).as("some new calls were refused while the input was behind").isNotEmpty();
        assertThat(refusals.get(0)).containsPattern("(?im)^Retry-After\\s*:\\s*\\d+");

        // Caught up: the next call goes through to bob (his 180 comes back).
        net.aliceSends(invite(base + BURST));
        assertThat(responsesUntilQuiet()).as("a call after the burst").anyMatch(r -> r.startsWith("SIP/2.0 180 "));
    }

    private byte[] invite(int n) {
        return MalformedSip.goodInvite("sip:bob@example.com", "127.0.0.1", net.alice.getLocalPort(), "UDP", n)
                .getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Every response alice reads until none has come for 2 s (at most 60 s). */
    private List<String> responsesUntilQuiet() throws Exception {
        List<String> responses = new ArrayList<>();
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        byte[] buffer = new byte[65_535];
        net.alice.setSoTimeout(2_000);
        while (System.nanoTime() < end) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                net.alice.receive(packet);
            } catch (SocketTimeoutException quiet) {
                break;
            }
            String text = new String(buffer, 0, packet.getLength(), StandardCharsets.ISO_8859_1);
            if (text.startsWith("SIP/2.0 ")) {
                responses.add(text);
            }
        }
        return responses;
    }

    private static String callIdOf(String message) {
        for (String line : message.split("\r\n")) {
            int colon = line.indexOf(':');
            String name = colon < 0 ? "" : line.substring(0, colon).strip();
            if (name.equalsIgnoreCase("Call-ID") || name.equals("i")) {
                return line.substring(colon + 1).strip();
            }
        }
        return "?";
    }
}
