package io.github.ucmaworkbench.trace.export;

import io.github.ucmaworkbench.trace.Direction;
import io.github.ucmaworkbench.trace.SipTraceEvent;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Writes the trace as plain text: every record, as each party saw it, with its absolute time, its
 * offset from the first record, who saw it, the direction, the addresses and the raw message. A
 * message between two parties of this process is listed twice, once SENT and once RECEIVED,
 * exactly as the stream has it — the text is the evidence, the ladder is the summary.
 */
public final class TextExporter {
    private static final String RULE = "=".repeat(78);

    private TextExporter() {
    }

    public static void write(List<SipTraceEvent> events, Path file) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            write(events, out);
        }
    }

    public static void write(List<SipTraceEvent> events, Writer out) throws IOException {
        Instant origin = events.stream().map(SipTraceEvent::time).min(Instant::compareTo).orElse(null);
        out.write("# UCMA Workbench SIP trace: " + events.size() + " records"
                + (origin == null ? "" : ", from " + origin) + "\n");
        for (SipTraceEvent e : events) {
            out.write(RULE + "\n");
            out.write(headline(e, origin) + "\n");
            out.write(RULE + "\n");
            String raw = e.rawText().replace("\r\n", "\n");
            out.write(raw);
            if (!raw.endsWith("\n")) {
                out.write("\n");
            }
        }
        out.flush();
    }

    /**
     * One line that says when, who and which way, e.g.
     * {@code #13 +0.725 s 2026-11-22T00:19:21.430Z sip:client@example.com SENT 127.0.0.1:41087 -> 127.0.0.1:33864 TCP INVITE sip:...}.
     */
    public static String headline(SipTraceEvent e, Instant origin) {
        long offset = origin == null ? 0 : Duration.between(origin, e.time()).toMillis();
        String arrow = e.direction() == Direction.SENT
                ? e.local() + " -> " + e.remote()
                : e.local() + " <- " + e.remote();
        return String.format(Locale.ROOT, "#%d +%d.%03d s %s %s %s %s %s Call-ID %s | %s", e.sequence(),
                offset / 1000, Math.abs(offset % 1000), e.time(), e.party(), e.direction(), arrow, e.transport(),
                e.callId(), e.firstLine());
    }
}
