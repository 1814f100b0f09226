package io.github.ucmaworkbench.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Where {@link CallLanes} runs a call's work: on the stack's UDP thread when nothing waits for
 * that thread and the lane is idle, on the lane otherwise, and always in the order handed in.
 * The test thread plays the stack's UDP thread by taking its datagram from {@link ParseAhead}.
 */
class CallLanesTest extends ParseAheadSocketTest {
    private final CallLanes lanes = new CallLanes(2);
    private static byte[] datagram(String callId) {
        return ("BYE sip:server@example.com SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:5070;branch=z9hG4bK-" + callId + "\r\n"
                + "From: <sip:a@example.com>;tag=1\r\nTo: <sip:b@example.com>;tag=2\r\n"
                + "Call-ID: " + callId + "\r\nCSeq: 2 BYE\r\nMax-Forwards: 70\r\nContent-Length: 0\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Acts as the stack's thread that has just taken {@code taken}'s datagram. */
    private void take(byte[] taken) {
        assertThat(ahead.take(taken)).isNotNull();
    }

    @Test
    void aQuietCallsWorkRunsOnTheStackThreadItself() throws Exception {
        byte[] bye = datagram("quiet");
        ahead.arrived(bye);
        take(bye);
        Thread[] ranOn = new Thread[1];

        lanes.execute("quiet", () -> ranOn[0] = Thread.currentThread());

        assertThat(ranOn[0]).as("run before execute returned, on the caller").isSameAs(Thread.currentThread());
    }

    @Test
    void withDatagramsWaitingTheWorkGoesToTheLane() throws Exception {
        byte[] bye = datagram("busy");
        ahead.arrived(bye);
        ahead.arrived(datagram("behind")); // the stack's thread has another one to read
        take(bye);
        CountDownLatch ran = new CountDownLatch(1);
        Thread[] ranOn = new Thread[1];

        lanes.execute("busy", () -> {
            ranOn[0] = Thread.currentThread();
            ran.countDown();
        });

        assertThat(ran.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(ranOn[0].getName()).startsWith("sip-lane-");
    }

    @Test
    void aThreadThatIsNoStackUdpThreadNeverRunsTheWork() throws Exception {
        CountDownLatch ran = new CountDownLatch(1);
        Thread[] ranOn = new Thread[1];
        Thread other = new Thread(() -> lanes.execute("timer", () -> {
            ranOn[0] = Thread.currentThread();
            ran.countDown();
        }));
        other.start();

        assertThat(ran.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(ranOn[0].getName()).startsWith("sip-lane-");
    }

    @Test
    void workHandedInWhileTheLaneIsBusyWaitsItsTurnEvenOnAQuietStackThread() throws Exception {
        List<String> order = new CopyOnWriteArrayList<>();
        CountDownLatch firstStarted = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        CountDownLatch secondDone = new CountDownLatch(1);
        // handed in from a non-stack thread: runs on the lane and holds it
        Thread other = new Thread(() -> lanes.execute("call", () -> {
            firstStarted.countDown();
            await(releaseFirst);
            order.add("first");
        }));
        other.start();
        assertThat(firstStarted.await(10, TimeUnit.SECONDS)).isTrue();
        byte[] ack = datagram("call");
        ahead.arrived(ack);
        take(ack);

        lanes.execute("call", () -> {
            order.add("second");
            secondDone.countDown();
        });
        assertThat(order).as("not run on the stack thread while the lane is busy").isEmpty();
        releaseFirst.countDown();

        assertThat(secondDone.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(order).containsExactly("first", "second");
    }

    /** A Call-ID whose work takes the other of the two lanes. */
    private static String otherLaneThan(String callId) {
        for (int i = 0; ; i++) {
            String candidate = "second-call-" + i;
            if (CallLanes.laneIndex(candidate, 2) != CallLanes.laneIndex(callId, 2)) {
                return candidate;
            }
        }
    }

    @Test
    void whileAnotherCallKeepsALaneBusyWorkStillGoesToTheLanes() throws Exception {
        CountDownLatch otherStarted = new CountDownLatch(1);
        CountDownLatch releaseOther = new CountDownLatch(1);
        Thread other = new Thread(() -> lanes.execute("other-call", () -> {
            otherStarted.countDown();
            await(releaseOther);
        }));
        other.start();
        assertThat(otherStarted.await(10, TimeUnit.SECONDS)).isTrue();
        try {
            String second = otherLaneThan("other-call");
            byte[] bye = datagram(second);
            ahead.arrived(bye);
            take(bye);
            CountDownLatch ran = new CountDownLatch(1);
            Thread[] ranOn = new Thread[1];

            lanes.execute(second, () -> {
                ranOn[0] = Thread.currentThread();
                ran.countDown();
            });

            assertThat(ran.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(ranOn[0]).as("a busy process keeps its calls in parallel").isNotSameAs(Thread.currentThread());
        } finally {
            releaseOther.countDown();
        }
    }

    @Test
    void workQueuedDuringAnInlineTaskRunsAfterItOnTheLane() throws Exception {
        byte[] invite = datagram("nested");
        ahead.arrived(invite);
        take(invite);
        List<String> order = new CopyOnWriteArrayList<>();
        CountDownLatch laterDone = new CountDownLatch(1);

        lanes.execute("nested", () -> {
            // e.g. a send inside the task makes the stack raise another event of the same call
            lanes.execute("nested", () -> {
                order.add("later");
                laterDone.countDown();
            });
            order.add("inline");
        });

        assertThat(laterDone.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(order).containsExactly("inline", "later");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
