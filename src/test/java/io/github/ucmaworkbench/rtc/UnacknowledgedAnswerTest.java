package io.github.ucmaworkbench.rtc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A 200 OK whose ACK never comes, with the endpoints' stack letting go of finished transactions'
 * messages (SipUserAgent's RELEASE_REFERENCES_STRATEGY): the stack still re-sends the 200 from
 * what it kept, the endpoint reports the missing ACK once, as what it is, and is then done with
 * the call; the next call on the same endpoint is answered and acknowledged as usual.
 */
class UnacknowledgedAnswerTest {
    private static final Duration ACK_WINDOW = Duration.ofMillis(1500);

    private final LinkedBlockingQueue<CompletableFuture<SipMessageData>> accepts = new LinkedBlockingQueue<>();
    private final List<SignalingStateChangedEventArgs> firstCallStates = new CopyOnWriteArrayList<>();
    private final AtomicBoolean firstCallSeen = new AtomicBoolean();
    private UdpAnsweringServer server;

    @AfterEach
    void tearDown() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void theMissingAckIsReportedOnceAndTheNextCallIsServed() throws Exception {
        InetSocketAddress at = serverAccepting();
        try (UdpCaller caller = new UdpCaller(at)) {
            String silent = "never-acked-" + System.nanoTime() + "@127.0.0.1";
            caller.send(caller.invite(silent));
            caller.awaitResponse("200");
            // Unacknowledged, the 200 goes out again (T1, 2*T1, ..., RFC 3261 §13.3.1.4).
            assertThat(caller.countResponses("200", ACK_WINDOW.plusMillis(1000))).isPositive();

            CompletableFuture<SipMessageData> first = accepts.poll(10, TimeUnit.SECONDS);
            assertThat(first).isNotNull();
            ExecutionException failed = catchThrowableOfType(() -> first.get(15, TimeUnit.SECONDS), ExecutionException.class);
            assertThat(failed).as("the accept failed").isNotNull();
            assertThat(failed.getCause()).isInstanceOf(OperationTimeoutException.class)
                    .hasMessageContaining("did not acknowledge (no ACK)");
            // Reported once: one end of the session, no second line however long the stack still re-sends.
            await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> disconnects() == 1);
            assertThat(firstCallStates).filteredOn(e -> e.getState() == SignalingState.DISCONNECTED)
                    .singleElement().satisfies(e -> assertThat(e.getReason()).contains("no ACK"));

            String next = "acked-" + System.nanoTime() + "@127.0.0.1";
            caller.send(caller.invite(next));
            String ok = caller.awaitResponse("200");
            while (!ok.contains(next)) {
                ok = caller.awaitResponse("200"); // a late copy of the first call's 200
            }
            caller.send(caller.ack(next, UdpCaller.toTag(ok)));
            CompletableFuture<SipMessageData> second = accepts.poll(10, TimeUnit.SECONDS);
            assertThat(second).isNotNull();
            assertThat(second.get(10, TimeUnit.SECONDS).getMethod()).isEqualTo("ACK");
        }
    }

    private long disconnects() {
        return firstCallStates.stream().filter(e -> e.getState() == SignalingState.DISCONNECTED).count();
    }

    /** Our server endpoint listening on UDP, accepting every invite; each accept's outcome goes to {@link #accepts}. */
    private InetSocketAddress serverAccepting() throws Exception {
        server = new UdpAnsweringServer(ACK_WINDOW.toMillis());
        server.endpoint().sessionReceived().add((sender, e) -> {
            SignalingSession session = e.getSession();
            if (firstCallSeen.compareAndSet(false, true)) {
                session.stateChanged().add((s, change) -> firstCallStates.add(change));
            }
            CompletableFuture<SipMessageData> outcome = new CompletableFuture<>();
            accepts.add(outcome);
            UdpAnsweringServer.accept(session, outcome);
        });
        return server.address();
    }
}
