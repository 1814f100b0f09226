package io.github.ucmaworkbench.trace.export;

import static io.github.ucmaworkbench.trace.Direction.RECEIVED;
import static io.github.ucmaworkbench.trace.Direction.SENT;
import static io.github.ucmaworkbench.trace.TraceEvents.CLIENT;
import static io.github.ucmaworkbench.trace.TraceEvents.CLIENT_ADDR;
import static io.github.ucmaworkbench.trace.TraceEvents.REGISTRAR;
import static io.github.ucmaworkbench.trace.TraceEvents.REGISTRAR_ADDR;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.ucmaworkbench.trace.SipTraceEvent;
import io.github.ucmaworkbench.trace.TraceEvents;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextExporterTest {
    private final TraceEvents t = new TraceEvents();

    @Test
    void everyRecordAppearsWithItsTimeOffsetDirectionAndRawText() throws Exception {
        List<SipTraceEvent> events = List.of(
                t.request(CLIENT, SENT, CLIENT_ADDR, REGISTRAR_ADDR, "REGISTER", "reg-c", 1, CLIENT_ADDR, "z9hG4bKg", 0),
                t.request(REGISTRAR, RECEIVED, REGISTRAR_ADDR, CLIENT_ADDR, "REGISTER", "reg-c", 1, CLIENT_ADDR, "z9hG4bKg", 3),
                t.response(REGISTRAR, SENT, REGISTRAR_ADDR, CLIENT_ADDR, 200, "OK", "REGISTER", "reg-c", 1, CLIENT_ADDR, "z9hG4bKg", 1250));
        StringWriter out = new StringWriter();

        TextExporter.write(events, out);

        String text = out.toString();
        assertThat(text).startsWith("# UCMA Workbench SIP trace: 3 records, from 2026-11-22T10:00:00Z");
        assertThat(text).contains("#1 +0.000 s 2026-11-22T10:00:00Z sip:client@example.com SENT 127.0.0.1:41000 -> 127.0.0.1:5060 UDP Call-ID reg-c | REGISTER sip:server@example.com SIP/2.0");
        assertThat(text).contains("#2 +0.003 s 2026-11-22T10:00:00.003Z registrar RECEIVED 127.0.0.1:5060 <- 127.0.0.1:41000");
        assertThat(text).contains("#3 +1.250 s 2026-11-22T10:00:01.250Z registrar SENT 127.0.0.1:5060 -> 127.0.0.1:41000 UDP Call-ID reg-c | SIP/2.0 200 OK");
        assertThat(text).contains("CSeq: 1 REGISTER\nFrom: <sip:client@example.com>;tag=1\n");
        assertThat(text).doesNotContain("\r");
    }

    @Test
    void aRealLessonSixFlowIsListedRecordByRecord() throws Exception {
        List<SipTraceEvent> events = io.github.ucmaworkbench.trace.LessonSixFlow.run(
                io.github.ucmaworkbench.trace.SipTrace.global(), io.github.ucmaworkbench.rtc.SipTransportType.UDP);
        StringWriter out = new StringWriter();

        TextExporter.write(events, out);

        String text = out.toString();
        java.time.Instant origin = events.stream().map(SipTraceEvent::time).min(java.time.Instant::compareTo).orElseThrow();
        for (SipTraceEvent e : events) {
            assertThat(text).contains(TextExporter.headline(e, origin));
            assertThat(TextExporter.headline(e, origin)).contains(" " + e.direction() + " ").contains(e.time().toString())
                    .contains(e.firstLine());
        }
        assertThat(text.split("\n#\\d+ \\+", -1)).hasSize(events.size() + 1);
    }
}
