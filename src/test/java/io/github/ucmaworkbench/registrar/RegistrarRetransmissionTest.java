package io.github.ucmaworkbench.registrar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.ucmaworkbench.sip.CallLanes;
import io.github.ucmaworkbench.testing.RawResponses;
import io.github.ucmaworkbench.testing.TestUa;
import io.github.ucmaworkbench.trace.Direction;
import io.github.ucmaworkbench.trace.SipTrace;
import io.github.ucmaworkbench.trace.SipTraceEvent;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.sip.message.Request;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A retransmitted INVITE belongs to the first copy's server transaction (RFC 3261 §17.2.1, §16):
 * the proxy must never forward it as a second branch, however close behind the first it comes.
 * Under load the first copy can still be waiting to be handled when the retransmission is read.
 */
class RegistrarRetransmissionTest {
    private static final String CONTACT = "Contact: <sip:bob@127.0.0.1>";
    private static final Pattern TOP_BRANCH = Pattern.compile("(?im)^(?:Via|v)\\s*:[^\\r\\n]*?;\\s*branch=([^;\\s,]+)");

    private BobBehindRegistrar net;

    @AfterEach
    void stop() throws Exception {
        if (net != null) {
            net.close();
        }
    }

    @Test
    void inviteSentTwiceBackToBackReachesTheCalleeOnce() throws Exception {
        net = new BobBehindRegistrar(bob -> bob.answer(Request.INVITE, TestUa.RING_ONLY));
        BobBehindRegistrar.Invite invite = net.aliceInvite();
        String callId = invite.callId();

        // The same datagram twice, as a caller whose T1 fired early (or a network that duplicated it).
        for (int copy = 0; copy < 2; copy++) {
            net.aliceSends(invite.bytes());
        }

        assertThat(awaitResponse(180)).as("bob's 180 came back through the proxy").isTrue();
        await("bob is rung").atMost(Duration.ofSeconds(10)).until(() -> !branchesSeenBy("sip:bob@example.com", callId).isEmpty());
        awaitBobSeesOneBranch(callId);
    }

    @Test
    void inviteRetransmittedAfterTheCalleeAnsweredIsNotForwardedAgain() throws Exception {
        BobBehindRegistrar.Invite invite = aliceCallsBobWhoAnswers();

        // A caller whose T1 fired while the 200 was on its way (an overloaded proxy): the copy comes
        // after the proxy's INVITE server transaction forwarded the 2xx (RFC 6026 §7.1: absorbed).
        net.aliceSends(invite.bytes());

        awaitBobSeesOneBranch(invite.callId());
    }

    @Test
    void anAnsweredInviteIsLetGoAtOnceAndACopyAfterThatIsStillAbsorbed() throws Exception {
        BobBehindRegistrar.Invite invite = aliceCallsBobWhoAnswers();

        // JAIN-SIP alone keeps an answered INVITE's transaction, and the context a CANCEL would
        // find, 8 s after the 2xx (its linger). The registrar lets both go as soon as the 2xx is
        // out and keeps only what RFC 6026's Accepted state needs: well before those 8 s...
        await("the answered INVITE's transaction and context are let go").atMost(Duration.ofSeconds(3))
                .until(() -> net.registrar.getOpenInviteCount() == 0);

        // ...and a copy that comes after that is still absorbed, not forwarded as a new branch.
        net.aliceSends(invite.bytes());
        awaitBobSeesOneBranch(invite.callId());
    }

    @Test
    void aRingingThatComesAfterTheAnswerIsNotForwarded() throws Exception {
        try (DatagramSocket phone = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            phone.setSoTimeout(10_000);
            net = new BobBehindRegistrar(bob -> { }, "sip:bob@127.0.0.1:" + phone.getLocalPort());
            net.aliceSends(net.aliceInvite().bytes());
            String invite = receive(phone);
            assertThat(invite).startsWith("INVITE ");

            // Bob's phone rings and answers...
            bobsPhoneSends(phone, RawResponses.to(invite, "180 Ringing", "bobs-phone", CONTACT));
            bobsPhoneSends(phone, RawResponses.to(invite, "200 OK", "bobs-phone", CONTACT));
            List<String> heard = new ArrayList<>();
            aliceHearsUntil(heard, lines -> oks(lines) == 1);
            // ...then sends its 180 again, as a UAS does when a copy of the INVITE crosses its 200,
            // and a copy of the 200, which is still owed upstream. Both after alice has the first
            // 200, so neither is taken for a repeat still queued (those are dropped on input).
            bobsPhoneSends(phone, RawResponses.to(invite, "180 Ringing", "bobs-phone", CONTACT));
            bobsPhoneSends(phone, RawResponses.to(invite, "200 OK", "bobs-phone", CONTACT));
            aliceHearsUntil(heard, lines -> oks(lines) == 2);

            // The last two came in order on one lane: a forwarded 180 would be here before the second 200.
            assertThat(heard.subList(heard.indexOf("SIP/2.0 200 OK"), heard.size()))
                    .as("what alice heard after bob's answer, of %s", heard).containsExactly("SIP/2.0 200 OK", "SIP/2.0 200 OK");
        }
    }

    @Test
    void anInviteIsAnsweredTryingAtOnce() throws Exception {
        // Bob rings within milliseconds: JAIN-SIP's own 100 (after 200 ms) would never be sent.
        net = new BobBehindRegistrar(bob -> bob.answer(Request.INVITE, TestUa.RING_ONLY));
        net.aliceSends(net.aliceInvite().bytes());

        List<String> heard = new ArrayList<>();
        aliceHearsUntil(heard, lines -> lines.contains("SIP/2.0 180 Ringing"));
        assertThat(heard).as("alice heard %s", heard).containsExactly("SIP/2.0 100 Trying", "SIP/2.0 180 Ringing");
    }

    @Test
    void aCallerWhoseInviteWaitedBehindABusyLaneHearsOneTrying() throws Exception {
        net = new BobBehindRegistrar(bob -> bob.answer(Request.INVITE, TestUa.RING_ONLY));
        BobBehindRegistrar.Invite invite = net.aliceInvite();
        // The call's lane is busy for longer than JAIN-SIP waits before it sends a 100 itself (200 ms).
        CountDownLatch laneBusy = new CountDownLatch(1);
        CallLanes.shared().execute(invite.callId(), () -> {
            laneBusy.countDown();
            sleepQuietly(600);
        });
        assertThat(laneBusy.await(5, TimeUnit.SECONDS)).isTrue();

        net.aliceSends(invite.bytes());

        List<String> heard = new ArrayList<>();
        aliceHearsUntil(heard, lines -> lines.contains("SIP/2.0 180 Ringing"));
        assertThat(heard).as("alice heard %s", heard).containsOnlyOnce("SIP/2.0 100 Trying");
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Alice calls bob through the proxy over UDP; bob answers 180 and 200, and the 200 reaches her. */
    private BobBehindRegistrar.Invite aliceCallsBobWhoAnswers() throws Exception {
        net = new BobBehindRegistrar(bob -> { });
        BobBehindRegistrar.Invite invite = net.aliceInvite();
        net.aliceSends(invite.bytes());
        assertThat(awaitResponse(200)).as("bob's 200 came back through the proxy").isTrue();
        return invite;
    }

    /** A second branch, if any, would follow within milliseconds; give it a generous while. */
    private static void awaitBobSeesOneBranch(String callId) {
        await("bob never sees a second branch").during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> branchesSeenBy("sip:bob@example.com", callId).size() == 1);
    }

    /** Adds the status lines alice receives to {@code heard} until {@code done}; fails after {@link BobBehindRegistrar#ALICE_WAITS} without it. */
    private void aliceHearsUntil(List<String> heard, Predicate<List<String>> done) throws Exception {
        if (!aliceHears(heard, done)) {
            throw new AssertionError("alice heard only " + heard + " in " + BobBehindRegistrar.ALICE_WAITS.toSeconds() + " s");
        }
    }

    /** The same, false after {@link BobBehindRegistrar#ALICE_WAITS} without {@code done}. */
    private boolean aliceHears(List<String> heard, Predicate<List<String>> done) throws Exception {
        return done.test(heard) || net.aliceReadsUntil(text -> {
            heard.add(BobBehindRegistrar.firstLine(text));
            return done.test(heard);
        });
    }

    private static long oks(List<String> statusLines) {
        return statusLines.stream().filter(line -> line.startsWith("SIP/2.0 200 ")).count();
    }

    /** The next datagram on {@code socket} as text (its timeout set by the caller). */
    private static String receive(DatagramSocket socket) throws Exception {
        byte[] buffer = new byte[65_535];
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        socket.receive(packet);
        return new String(buffer, 0, packet.getLength(), StandardCharsets.ISO_8859_1);
    }

    private void bobsPhoneSends(DatagramSocket phone, String text) throws Exception {
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        phone.send(new DatagramPacket(bytes, bytes.length, net.address));
    }

    /** Reads alice's socket until a response with {@code code} arrives; false after {@link BobBehindRegistrar#ALICE_WAITS} without one. */
    private boolean awaitResponse(int code) throws Exception {
        return aliceHears(new ArrayList<>(), lines -> lines.stream().anyMatch(line -> line.startsWith("SIP/2.0 " + code + " ")));
    }

    private static List<SipTraceEvent> invitesSeenBy(String party, String callId) {
        return SipTrace.global().snapshot().stream()
                .filter(e -> party.equals(e.party()) && e.direction() == Direction.RECEIVED && e.isRequest()
                        && Request.INVITE.equals(e.method()) && callId.equals(e.callId()))
                .toList();
    }

    /** Distinct top Via branches: the proxy's own retransmissions of one branch count once. */
    private static Set<String> branchesSeenBy(String party, String callId) {
        return invitesSeenBy(party, callId).stream().map(e -> {
            Matcher m = TOP_BRANCH.matcher(e.rawText());
            return m.find() ? m.group(1) : "?";
        }).collect(Collectors.toSet());
    }
}
