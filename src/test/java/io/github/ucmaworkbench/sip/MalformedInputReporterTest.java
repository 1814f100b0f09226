package io.github.ucmaworkbench.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The rate limit of the malformed-SIP log line, on a fake clock. */
class MalformedInputReporterTest {
    private final AtomicLong now = new AtomicLong(1_000_000);
    private final List<String> lines = new ArrayList<>();
    private final MalformedInputReporter reporter =
            new MalformedInputReporter("registrar", Duration.ofSeconds(10), now::get, lines::add);

    @Test
    void theFirstMalformedMessageFromAnAddressIsLoggedAtOnce() {
        reporter.report("127.0.0.1", 5099, "missing Call-ID");

        assertThat(lines).containsExactly("registrar: ignored a malformed SIP message from 127.0.0.1:5099 (missing Call-ID)");
    }

    @Test
    void aFloodFromOneAddressGivesOneLinePerInterval() {
        for (int i = 0; i < 1000; i++) {
            reporter.report("127.0.0.1", 5099, i == 999 ? "missing CSeq" : "missing Call-ID");
            now.addAndGet(5); // 1000 messages in 5 s
        }
        reporter.flushDue();
        assertThat(lines).hasSize(1);

        now.addAndGet(5_000);
        reporter.flushDue();

        assertThat(lines).hasSize(2);
        assertThat(lines.get(1)).isEqualTo("registrar: ignored 999 malformed SIP messages from 127.0.0.1 in the last 10 s"
                + " (last: missing CSeq, from 127.0.0.1:5099)");
        assertThat(reporter.total()).isEqualTo(1000);
    }

    @Test
    void aSummaryIsDueOnTheNextMessageAfterTheIntervalToo() {
        reporter.report("10.0.0.7", 0, "bad Via");
        now.addAndGet(3_000);
        reporter.report("10.0.0.7", 0, "bad Via");
        now.addAndGet(7_000);
        reporter.report("10.0.0.7", 0, "bad CSeq");

        assertThat(lines).containsExactly("registrar: ignored a malformed SIP message from 10.0.0.7 (bad Via)",
                "registrar: ignored 2 malformed SIP messages from 10.0.0.7 in the last 10 s (last: bad CSeq, from 10.0.0.7)");
    }

    @Test
    void eachAddressHasItsOwnLimit() {
        reporter.report("127.0.0.1", 1, "x");
        reporter.report("127.0.0.2", 1, "y");
        reporter.report("127.0.0.1", 1, "x");

        assertThat(lines).hasSize(2).allMatch(l -> l.contains("ignored a malformed"));
    }

    @Test
    void anAddressQuietForAnIntervalIsNewsAgain() {
        reporter.report("127.0.0.1", 1, "x");
        now.addAndGet(10_000);
        reporter.flushDue(); // nothing summed up: forgotten, no line
        reporter.report("127.0.0.1", 1, "y");

        assertThat(lines).containsExactly("registrar: ignored a malformed SIP message from 127.0.0.1:1 (x)",
                "registrar: ignored a malformed SIP message from 127.0.0.1:1 (y)");
    }

    @Test
    void spoofedSourcesBeyondTheTableShareOneLine() {
        for (int i = 0; i < MalformedInputReporter.MAX_SOURCES + 500; i++) {
            reporter.report("10.1." + (i / 256) + "." + (i % 256), 0, "garbage");
        }

        assertThat(lines).hasSize(MalformedInputReporter.MAX_SOURCES + 1);
        assertThat(lines.get(lines.size() - 1)).contains(MalformedInputReporter.OTHER_SOURCES);
    }
}
