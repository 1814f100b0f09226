package io.github.ucmaworkbench.trace.export;

import static io.github.ucmaworkbench.trace.Direction.SENT;
import static io.github.ucmaworkbench.trace.TraceEvents.CLIENT;
import static io.github.ucmaworkbench.trace.TraceEvents.CLIENT_ADDR;
import static io.github.ucmaworkbench.trace.TraceEvents.REGISTRAR_ADDR;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.ucmaworkbench.trace.SipTrace;
import io.github.ucmaworkbench.trace.TraceEvents;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the CLI's --trace and --pcap do: record from start to close, then write both files. */
class TraceRecorderTest {
    @TempDir
    Path dir;

    @Test
    void writesWhatWasTracedBetweenStartAndClose() throws Exception {
        SipTrace trace = new SipTrace();
        TraceEvents t = new TraceEvents();
        trace.publish(t.request(CLIENT, SENT, CLIENT_ADDR, REGISTRAR_ADDR, "OPTIONS", "before", 1, CLIENT_ADDR, "z9hG4bK0", 0));
        Path text = dir.resolve("trace.txt");
        Path pcap = dir.resolve("trace.pcap");

        try (TraceRecorder recorder = TraceRecorder.start(trace, text, pcap)) {
            trace.publish(t.request(CLIENT, SENT, CLIENT_ADDR, REGISTRAR_ADDR, "REGISTER", "during", 1, CLIENT_ADDR, "z9hG4bK1", 5));
        }
        trace.publish(t.request(CLIENT, SENT, CLIENT_ADDR, REGISTRAR_ADDR, "OPTIONS", "after", 2, CLIENT_ADDR, "z9hG4bK2", 9));

        assertThat(Files.readString(text)).contains("Call-ID during").doesNotContain("Call-ID before", "Call-ID after");
        byte[] capture = Files.readAllBytes(pcap);
        // pcap global header (24) + record header (16) + Ethernet (14) + IPv4 (20) + UDP (8) + the message
        assertThat(capture).startsWith(0xd4, 0xc3, 0xb2, 0xa1);
        assertThat(new String(capture, 24 + 16 + 14 + 20 + 8, 8, java.nio.charset.StandardCharsets.US_ASCII))
                .isEqualTo("REGISTER");
    }

    @Test
    void checksumOfAHeaderWithItsChecksumIsZero() {
        byte[] header = {0x45, 0, 0, 0x73, 0, 0, 0x40, 0, 0x40, 0x11, (byte) 0xb8, 0x61, (byte) 0xc0, (byte) 0xa8, 0, 1,
                (byte) 0xc0, (byte) 0xa8, 0, (byte) 0xc7};
        assertThat(PcapExporter.checksum(header, 0, header.length, 0)).isZero();
    }
}
