package io.github.ucmaworkbench.sip;

import static org.assertj.core.api.Assertions.assertThat;

import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.parser.StringMsgParser;
import gov.nist.javax.sip.stack.DatagramQueuedMessageDispatch;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * How {@link DatagramPartitions} splits a socket's datagrams: by the Call-ID the parser will see,
 * each call whole and in order on one taking thread, and a REGISTER holding the reader until it
 * is handled.
 */
class DatagramPartitionsTest {
    private static byte[] request(String method, String callIdLine, int cseq) {
        return (method + " sip:server@example.com SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:5070;branch=z9hG4bK-" + cseq + "\r\n"
                + "From: <sip:a@example.com>;tag=1\r\nTo: <sip:b@example.com>\r\n"
                + callIdLine + "\r\nCSeq: " + cseq + " " + method + "\r\nMax-Forwards: 70\r\n"
                + "Content-Length: 0\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
    }

    private static DatagramQueuedMessageDispatch dispatch(byte[] bytes) {
        return new DatagramQueuedMessageDispatch(new DatagramPacket(bytes, bytes.length), System.currentTimeMillis());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Call-ID: a84b4c76e66710@pc33.example.com", "call-id:a84b4c76e66710@pc33.example.com",
        "CALL-ID   :  a84b4c76e66710@pc33.example.com  ", "i: a84b4c76e66710@pc33.example.com", "I:a84b4c76e66710",
        "Call-ID: 3848276298220188511@atlanta.example.com"})
    void theCallIdIsTheOneTheParserReads(String line) throws Exception {
        byte[] bytes = request("INVITE", line, 1);
        SIPMessage parsed = new StringMsgParser().parseSIPMessage(bytes, true, false, null);

        assertThat(RawSipHeads.callIdOf(bytes)).isEqualTo(parsed.getCallId().getCallId());
    }

    @Test
    void headersThatOnlyLookLikeACallIdAndTheBodyAreNotIt() {
        byte[] bytes = ("MESSAGE sip:b@example.com SIP/2.0\r\nVia: SIP/2.0/UDP h;branch=z9hG4bK1\r\n"
                + "Identity-Info: <https://x>\r\nCall-Info: <https://y>\r\nContent-Length: 15\r\n\r\n"
                + "Call-ID: inbody").getBytes(StandardCharsets.ISO_8859_1);

        assertThat(RawSipHeads.callIdOf(bytes)).isNull();
        assertThat(new DatagramPartitions(2).partOf(bytes)).isZero();
    }

    @Test
    void eachCallIsTakenWholeAndInOrderByOneThreadAndEveryPartHasItsOwn() throws Exception {
        DatagramPartitions queue = new DatagramPartitions(2);
        Map<String, List<Integer>> expected = new HashMap<>();
        List<DatagramQueuedMessageDispatch> sent = new ArrayList<>();
        for (int cseq = 1; cseq <= 20; cseq++) {
            for (int call = 0; call < 16; call++) {
                String callId = "call-" + call + "@example.com";
                sent.add(dispatch(request("INFO", "Call-ID: " + callId, cseq)));
                expected.computeIfAbsent(callId, k -> new ArrayList<>()).add(cseq);
            }
        }
        Map<String, List<Integer>> seen = new ConcurrentHashMap<>();
        Map<String, Set<String>> takers = new ConcurrentHashMap<>();
        CountDownLatch all = new CountDownLatch(sent.size());
        for (int t = 0; t < 2; t++) {
            Thread taker = new Thread(() -> {
                try {
                    while (true) {
                        byte[] bytes = queue.take().packet.getData();
                        SIPMessage parsed = new StringMsgParser().parseSIPMessage(bytes, true, false, null);
                        String callId = parsed.getCallId().getCallId();
                        seen.computeIfAbsent(callId, k -> new ArrayList<>()).add((int) parsed.getCSeq().getSeqNumber());
                        takers.computeIfAbsent(callId, k -> ConcurrentHashMap.newKeySet()).add(Thread.currentThread().getName());
                        all.countDown();
                    }
                } catch (Exception e) {
                    // the test is over
                }
            }, "taker-" + t);
            taker.setDaemon(true);
            taker.start();
        }
        Thread.sleep(50); // both takers have asked: each owns a part now
        sent.forEach(queue::offer);

        assertThat(all.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(seen).isEqualTo(expected);
        assertThat(takers.values()).allSatisfy(names -> assertThat(names).hasSize(1));
        Set<String> used = new HashSet<>();
        takers.values().forEach(used::addAll);
        assertThat(used).as("16 calls spread over both parts").containsExactlyInAnyOrder("taker-0", "taker-1");
        assertThat(queue.size()).isZero();
    }

    @Test
    void theReaderWaitsAtARegisterUntilItsThreadAsksForTheNextDatagram() throws Exception {
        DatagramPartitions queue = new DatagramPartitions(1);
        BlockingQueue<byte[]> taken = new LinkedBlockingQueue<>();
        CountDownLatch handled = new CountDownLatch(1);
        CountDownLatch readerPassed = new CountDownLatch(1);
        Thread taker = daemon(() -> {
            taken.add(queue.take().packet.getData());
            handled.await(); // handling the REGISTER
            taken.add(queue.take().packet.getData());
            return null;
        });
        Thread.sleep(50);
        Thread reader = daemon(() -> {
            queue.offer(dispatch(request("REGISTER", "Call-ID: reg-1", 1)));
            readerPassed.countDown();
            return null;
        });

        assertThat(new String(taken.poll(5, TimeUnit.SECONDS), StandardCharsets.ISO_8859_1)).startsWith("REGISTER ");
        assertThat(readerPassed.await(300, TimeUnit.MILLISECONDS)).as("the reader waits while it is handled").isFalse();
        handled.countDown();
        assertThat(readerPassed.await(5, TimeUnit.SECONDS)).as("and goes on once its thread asks again").isTrue();
        taker.interrupt();
        reader.join(1000);
    }

    @Test
    void aPartsThreadRunsItsOwnLanesTasksInPlaceAndHandsOthersOn() throws Exception {
        CallLanes lanes = CallLanes.shared();
        DatagramPartitions queue = new DatagramPartitions(lanes.laneCount());
        String own = null;
        String other = null;
        for (int i = 0; own == null || other == null; i++) {
            String callId = i + "-4242@127.0.0.1";
            if (CallLanes.laneIndex(callId, lanes.laneCount()) == 0) {
                own = own == null ? callId : own;
            } else {
                other = other == null ? callId : other;
            }
        }
        String ownCall = own;
        String otherCall = other;
        BlockingQueue<Thread> ranOn = new LinkedBlockingQueue<>();
        CountDownLatch done = new CountDownLatch(1);
        Thread[] taker = new Thread[1];
        taker[0] = daemon(() -> {
            queue.take(); // the first part's thread from now on, as the stack's first UDP thread is
            lanes.execute(ownCall, () -> ranOn.add(Thread.currentThread()));
            lanes.execute(otherCall, () -> ranOn.add(Thread.currentThread()));
            done.countDown();
            return null;
        });
        queue.offer(dispatch(request("INVITE", "Call-ID: " + own, 1)));

        assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(ranOn.poll(5, TimeUnit.SECONDS)).as("its own lane's task, before execute returned").isSameAs(taker[0]);
        assertThat(ranOn.poll(5, TimeUnit.SECONDS)).as("another lane's task, on that lane").isNotSameAs(taker[0]).isNotNull();
    }

    @Test
    void theBacklogIsTheOldestDatagramNoThreadHasTakenYet() throws Exception {
        DatagramPartitions queue = new DatagramPartitions(2);
        try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            String host = socket.getLocalAddress().getHostAddress();
            int port = socket.getLocalPort();
            queue.register(socket);
            assertThat(InputBacklog.waitingSince(host, port)).as("nothing queued").isNull();

            long before = System.nanoTime();
            queue.offer(dispatch(request("INVITE", "Call-ID: first", 1)));
            queue.offer(dispatch(request("INVITE", "Call-ID: second", 1)));
            Long since = InputBacklog.waitingSince(host, port);

            assertThat(since).isNotNull();
            assertThat(since - before).isGreaterThanOrEqualTo(0);
            assertThat(System.nanoTime() - since).isGreaterThanOrEqualTo(0);
            queue.drainTo(new ArrayList<>());
            assertThat(InputBacklog.waitingSince(host, port)).as("all taken").isNull();
            queue.unregister(socket);
            assertThat(DatagramPartitions.serves(host, port)).isFalse();
        }
    }

    @Test
    void aRepeatOfADatagramStillQueuedIsDroppedAndOneAlreadyTakenIsNot() throws Exception {
        DatagramPartitions queue = new DatagramPartitions(1);
        byte[] invite = request("INVITE", "Call-ID: slow-1", 1);
        InetSocketAddress caller = new InetSocketAddress(InetAddress.getLoopbackAddress(), 5070);

        queue.offer(from(invite, caller));
        queue.offer(from(invite.clone(), caller)); // the caller's retransmission, T1 later
        queue.offer(from(invite.clone(), new InetSocketAddress(InetAddress.getLoopbackAddress(), 5080)));
        queue.offer(from(request("INVITE", "Call-ID: slow-1", 2), caller));

        assertThat(queue.size()).as("the same bytes from the same sender once; another sender or CSeq kept").isEqualTo(3);
        assertThat(queue.take().packet.getSocketAddress()).isEqualTo(caller);
        queue.offer(from(invite.clone(), caller)); // once taken, a retransmission is the stack's to answer
        assertThat(queue.size()).isEqualTo(3);
        List<DatagramQueuedMessageDispatch> rest = new ArrayList<>();
        queue.drainTo(rest);
        assertThat(rest).hasSize(3);
        queue.offer(from(invite.clone(), caller));
        assertThat(queue.size()).as("drained ones are forgotten too").isEqualTo(1);
    }

    private static DatagramQueuedMessageDispatch from(byte[] bytes, InetSocketAddress sender) {
        DatagramPacket packet = new DatagramPacket(bytes, bytes.length, sender);
        return new DatagramQueuedMessageDispatch(packet, System.currentTimeMillis());
    }

    private interface Body {
        Void run() throws Exception;
    }

    private static Thread daemon(Body body) {
        Thread thread = new Thread(() -> {
            try {
                body.run();
            } catch (Exception e) {
                // interrupted at the end of the test
            }
        });
        thread.setDaemon(true);
        thread.start();
        return thread;
    }
}
