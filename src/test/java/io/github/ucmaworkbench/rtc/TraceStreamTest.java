package io.github.ucmaworkbench.rtc;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ucmaworkbench.trace.Direction;
import io.github.ucmaworkbench.trace.SipTrace;
import io.github.ucmaworkbench.trace.SipTraceEvent;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** Every message the process sends or receives reaches the one trace stream, once, with its facts. */
class TraceStreamTest {
    @Test
    void registerAndItsAnswerAreTracedOnBothSides() throws Exception {
        List<SipTraceEvent> events = new CopyOnWriteArrayList<>();
        try (RtcFixture fixture = new RtcFixture();
                AutoCloseable subscription = SipTrace.global().subscribe(events::add)) {
            SipEndpoint client = fixture.client(SipTransportType.UDP);
            client.register();
            Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> events.stream()
                    .filter(e -> e.party().equals("sip:client@example.com") && e.statusCode() == 200).count() == 1);

            SipTraceEvent sent = events.stream()
                    .filter(e -> e.party().equals("sip:client@example.com") && e.isRequest()).findFirst().orElseThrow();
            assertThat(sent.direction()).isEqualTo(Direction.SENT);
            assertThat(sent.method()).isEqualTo("REGISTER");
            assertThat(sent.transport()).isEqualTo("UDP");
            assertThat(sent.remote()).endsWith(":" + fixture.registrarAddress.getPort());
            assertThat(sent.firstLine()).isEqualTo("REGISTER sip:example.com SIP/2.0");
            assertThat(sent.rawText()).contains("Call-ID: " + sent.callId());

            List<SipTraceEvent> atRegistrar = events.stream()
                    .filter(e -> e.party().equals("registrar") && e.callId().equals(sent.callId())).toList();
            assertThat(atRegistrar).extracting(SipTraceEvent::direction, SipTraceEvent::statusCode)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(Direction.RECEIVED, 0),
                            org.assertj.core.groups.Tuple.tuple(Direction.SENT, 200));
            assertThat(events).extracting(SipTraceEvent::sequence).isSorted();
        }
    }
}
