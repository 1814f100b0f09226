package io.github.ucmaworkbench.lessons;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.ucmaworkbench.trace.Direction;
import io.github.ucmaworkbench.trace.SipTraceEvent;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Expectations on the wire: how they are written, and which messages they match. */
class WireExpectationsTest {
    private static final String FORBIDDEN = "SIP/2.0 403 Forbidden (no X-Student-Id)\r\nCSeq: 1 INVITE\r\n"
            + "Content-Length: 0\r\n\r\n";
    private static final String MESSAGE = "MESSAGE sip:server@example.com SIP/2.0\r\nCSeq: 3 MESSAGE\r\n"
            + "content-type: text/plain; charset=UTF-8\r\nContent-Length: 11\r\n\r\nGrüße dort";

    private static Expectation.Wire wire(String text) throws LessonFormatException {
        List<Expectation> parsed = ExpectationParser.parse("t.md", 3, text);
        assertThat(parsed).hasSize(1);
        return (Expectation.Wire) parsed.get(0);
    }

    private static SipTraceEvent event(String party, Direction direction, String method, int status, String raw) {
        String text = raw;
        return new SipTraceEvent(1, Instant.now(), party, direction, "127.0.0.1:1", "127.0.0.1:2", "TCP",
                text.substring(0, text.indexOf('\r')), "call-1", method, status, text);
    }

    @Test
    void aResponseMatchesByCodeMethodAndReason() throws Exception {
        Expectation.Wire expected = wire("server sent 403 INVITE reason \"x-student-id\"");
        SipTraceEvent sent = event("sip:server@example.com", Direction.SENT, "INVITE", 403, FORBIDDEN);
        assertThat(WireExpectations.matches(expected, "sip:server@example.com", sent)).isTrue();
        assertThat(WireExpectations.matches(wire("server sent 403 INVITE reason \"Busy\""), "sip:server@example.com", sent)).isFalse();
        assertThat(WireExpectations.matches(wire("server received 403"), "sip:server@example.com", sent)).isFalse();
        assertThat(WireExpectations.matches(wire("client sent 403"), "sip:client@example.com", sent)).isFalse();
        assertThat(WireExpectations.matches(wire("server sent 200 INVITE"), "sip:server@example.com", sent)).isFalse();
    }

    @Test
    void aRequestMatchesByHeaderNameAnyCaseAndValuePartAndByBody() throws Exception {
        SipTraceEvent sent = event("sip:client@example.com", Direction.SENT, "MESSAGE", 0, MESSAGE);
        assertThat(WireExpectations.matches(wire("client sent MESSAGE header \"Content-Type: charset=utf-8\""),
                "sip:client@example.com", sent)).isTrue();
        assertThat(WireExpectations.matches(wire("client sent MESSAGE header \"Content-Type\" body \"Grüße\""),
                "sip:client@example.com", sent)).isTrue();
        assertThat(WireExpectations.matches(wire("client sent MESSAGE header \"Content-Type: charset=iso\""),
                "sip:client@example.com", sent)).isFalse();
        assertThat(WireExpectations.matches(wire("client sent MESSAGE header \"X-Student-Id\""),
                "sip:client@example.com", sent)).isFalse();
        assertThat(WireExpectations.matches(wire("client sent MESSAGE body \"Hallo\""), "sip:client@example.com", sent)).isFalse();
        assertThat(WireExpectations.matches(wire("client sent INVITE"), "sip:client@example.com", sent)).isFalse();
    }

    @Test
    void notAndAlternativesAreWritten() throws Exception {
        List<Expectation> parsed = ExpectationParser.parse("t.md", 3, "not server sent 200 INVITE or client log \"x\"");
        assertThat(parsed).hasSize(2);
        assertThat(parsed.get(0)).isInstanceOf(Expectation.Not.class);
        assertThat(parsed.get(0)).hasToString("not server sent 200 INVITE");
    }

    @Test
    void mistakesNameTheirLine() {
        assertThatThrownBy(() -> wire("server sent")).isInstanceOf(LessonFormatException.class).hasMessageContaining("3");
        assertThatThrownBy(() -> wire("server sent INVITE reason \"x\"")).hasMessageContaining("only a response");
        assertThatThrownBy(() -> wire("server sent 403 header")).hasMessageContaining("quoted");
        assertThatThrownBy(() -> ExpectationParser.parse("t.md", 3, "not")).hasMessageContaining("'not' must be followed");
    }
}
