package io.github.ucmaworkbench.rtc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.ucmaworkbench.sip.CallLanes;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An ACK that reached the server in time but waited in the server's own queue (its call's lane
 * busy) must end the accept as acknowledged, not as "the caller's ACK never came". Under load
 * that race turned thousands of answered calls into false failure lines. An ACK that never comes
 * still ends it as a timeout. Real SIP on loopback: the caller is a {@link UdpCaller}.
 */
class AckBehindBusyLaneTest {
    private static final long ACK_WINDOW_MS = 400;

    private UdpAnsweringServer server;
    private CompletableFuture<SipMessageData> accepted;

    @AfterEach
    void tearDown() {
        if (server != null) {
            server.close();
        }
    }

    /** Our server endpoint listening on UDP, accepting every invite; the accept's outcome goes to {@link #accepted}. */
    private InetSocketAddress serverAccepting() throws Exception {
        server = new UdpAnsweringServer(ACK_WINDOW_MS);
        CompletableFuture<SipMessageData> outcome = new CompletableFuture<>();
        accepted = outcome;
        server.endpoint().sessionReceived().add((sender, e) -> UdpAnsweringServer.accept(e.getSession(), outcome));
        return server.address();
    }

    @Test
    void anAckThatNeverComesStillEndsTheAcceptAsATimeout() throws Exception {
        InetSocketAddress at = serverAccepting();
        try (UdpCaller caller = new UdpCaller(at)) {
            String callId = "no-ack-" + System.nanoTime() + "@127.0.0.1";
            caller.send(caller.invite(callId));
            caller.awaitResponse("200");

            assertThatThrownBy(() -> accepted.get(15, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(OperationTimeoutException.class);
        }
    }

    @Test
    void ackQueuedBehindABusyLaneStillAcknowledges() throws Exception {
        InetSocketAddress at = serverAccepting();
        try (UdpCaller caller = new UdpCaller(at)) {
            String callId = "busy-lane-" + System.nanoTime() + "@127.0.0.1";
            caller.send(caller.invite(callId));
            String ok = caller.awaitResponse("200");

            // The call's lane is busy for three ACK windows; the ACK arrives at once and waits behind it.
            CountDownLatch laneBusy = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            CallLanes.shared().execute(callId, () -> {
                laneBusy.countDown();
                try {
                    release.await(3 * ACK_WINDOW_MS, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            assertThat(laneBusy.await(5, TimeUnit.SECONDS)).isTrue();
            caller.send(caller.ack(callId, UdpCaller.toTag(ok)));

            assertThat(accepted.get(10, TimeUnit.SECONDS).getMethod()).isEqualTo("ACK");
        }
    }
}
