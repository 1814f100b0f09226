package io.github.ucmaworkbench.trace.export;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ucmaworkbench.rtc.SipTransportType;
import io.github.ucmaworkbench.testing.RealPeers;
import io.github.ucmaworkbench.trace.LessonSixFlow;
import io.github.ucmaworkbench.trace.SipTrace;
import io.github.ucmaworkbench.trace.SipTraceEvent;
import io.github.ucmaworkbench.trace.ladder.LadderArrow;
import io.github.ucmaworkbench.trace.ladder.LadderModel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** tshark, the real dissector, reads our capture of a real lesson-6 flow as the ladder shows it. */
class PcapExporterTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(value = SipTransportType.class, names = {"TCP", "UDP"})
    void tsharkListsTheLessonSixFlowsMethodsAndCodesInLadderOrder(SipTransportType transport) throws Exception {
        Path tshark = RealPeers.requireBinary("tshark");
        List<SipTraceEvent> events = LessonSixFlow.run(SipTrace.global(), transport);
        Path pcap = dir.resolve("lesson6.pcap");

        PcapExporter.write(events, pcap);

        LadderModel model = new LadderModel();
        model.addAll(events);
        List<String> expected = new ArrayList<>();
        for (LadderArrow arrow : model.arrows()) {
            expected.add(arrow.isRequest() ? arrow.method() : String.valueOf(arrow.statusCode()));
        }
        assertThat(expected).contains("REGISTER", "INVITE", "100", "180", "200", "ACK", "BYE");
        assertThat(tsharkMethodsAndCodes(tshark, pcap)).containsExactlyElementsOf(expected);
    }

    private List<String> tsharkMethodsAndCodes(Path tshark, Path pcap) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(tshark.toString(), "-n", "-r", pcap.toString(), "-Y", "sip",
                "-T", "fields", "-e", "sip.Method", "-e", "sip.Status-Code")
                .redirectError(dir.resolve("tshark.err").toFile())
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(Files.readString(dir.resolve("tshark.err"))).isZero();
        List<String> rows = new ArrayList<>();
        for (String line : output.split("\n")) {
            if (!line.isBlank()) {
                rows.add(line.replace("\t", "").trim());
            }
        }
        return rows;
    }
}
