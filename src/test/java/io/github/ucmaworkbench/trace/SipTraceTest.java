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

    @Test
    void bothRecordsOfOneMessageKeepOneCopyOfItsTextAndAddresses() {
        SipTrace trace = new SipTrace();
        String text = "OPTIONS sip:x SIP/2.0\r\nCall-ID: c1\r\n\r\n";
        trace.publish(new SipTraceEvent(0, Instant.now(), "a", Direction.SENT, new String("127.0.0.1:1"),
                new String("127.0.0.1:2"), "UDP", "OPTIONS sip:x SIP/2.0", new String("c1"), "OPTIONS", 0, new String(text)));
        trace.publish(new SipTraceEvent(0, Instant.now(), "b", Direction.RECEIVED, new String("127.0.0.1:2"),
                new String("127.0.0.1:1"), "UDP", "OPTIONS sip:x SIP/2.0", new String("c1"), "OPTIONS", 0, new String(text)));
        trace.publish(new SipTraceEvent(0, Instant.now(), "a", Direction.SENT, "127.0.0.1:1", "127.0.0.1:2", "UDP",
                "OPTIONS sip:x SIP/2.0", "c2", "OPTIONS", 0, text.replace("c1", "c2")));

        List<SipTraceEvent> kept = trace.snapshot();
        assertThat(kept.get(1).rawText()).isSameAs(kept.get(0).rawText());
        assertThat(kept.get(1).local()).isSameAs(kept.get(0).remote());
        assertThat(kept.get(1).callId()).isSameAs(kept.get(0).callId());
        assertThat(kept.get(2).rawText()).isNotSameAs(kept.get(0).rawText()).contains("c2");
    }
}
