package io.github.ucmaworkbench.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The trace stream without its global lock: many publishers at once, one ordered stream. */
class SipTraceTest {
    private static SipTraceEvent event(String callId) {
        return new SipTraceEvent(0, Instant.now(), "test", Direction.SENT, "127.0.0.1:1", "127.0.0.1:2", "UDP",
                "OPTIONS sip:x SIP/2.0", callId, "OPTIONS", 0, "OPTIONS sip:x SIP/2.0\r\n\r\n");
    }

    @Test
    void concurrentPublishersGiveEverySubscriberEveryEventInSequenceOrder() throws Exception {
        SipTrace trace = new SipTrace();
        List<Long> seen = new ArrayList<>(); // only the delivering thread appends, one at a time
        trace.subscribe(e -> seen.add(e.sequence()));
        int threads = 4;
        int each = 5_000;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch go = new CountDownLatch(1);
        for (int t = 0; t < threads; t++) {
            int id = t;
            pool.execute(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < each; i++) {
                    trace.publish(event("call-" + id + "-" + i));
                }
            });
        }
        go.countDown();
        pool.shutdown();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

        List<SipTraceEvent> snapshot = trace.snapshot();
        synchronized (seen) {
            assertThat(seen).hasSize(threads * each);
            for (int i = 0; i < seen.size(); i++) {
                assertThat(seen.get(i)).isEqualTo(i + 1L);
            }
        }
        assertThat(snapshot).hasSize(threads * each);
        assertThat(snapshot.get(snapshot.size() - 1).sequence()).isEqualTo((long) threads * each);
    }

    @Test
    void switchedOffTraceRecordsNothingUnlessSomebodySubscribes() throws Exception {
        SipTrace trace = new SipTrace();
        AutoCloseable off = trace.switchOffUnlessWatched();
        trace.publish(event("unwatched"));
        assertThat(trace.snapshot()).isEmpty();

        List<String> recorded = new ArrayList<>();
        AutoCloseable subscription = trace.subscribe(e -> recorded.add(e.callId()));
        trace.publish(event("watched"));
        subscription.close();
        trace.publish(event("unwatched again"));
        off.close();
        off.close(); // closing twice must not switch it on for somebody else
        trace.publish(event("on again"));

        assertThat(recorded).containsExactly("watched");
        assertThat(trace.snapshot()).extracting(SipTraceEvent::callId).containsExactly("watched", "on again");
    }
}
