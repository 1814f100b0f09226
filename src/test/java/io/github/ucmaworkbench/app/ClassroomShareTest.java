package io.github.ucmaworkbench.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.ucmaworkbench.settings.WorkbenchSettings;
import io.github.ucmaworkbench.rtc.SipTransportType;
import io.github.ucmaworkbench.settings.ClassroomShare;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassroomShareTest {
    static final String FINGERPRINT = "AB:".repeat(31) + "CD";

    @TempDir
    Path dir;

    @Test
    void theLineAndTheFileReadBackAsTheSameShare() throws Exception {
        ClassroomShare share = ClassroomShare.of("192.168.1.20", 5061, "class.example.org", SipTransportType.TLS,
                FINGERPRINT.replace(":", "").toLowerCase());
        assertThat(share.tlsFingerprint()).isEqualTo(FINGERPRINT);
        String line = ClassroomShareCodec.line(share);
        assertThat(line).startsWith("ucma-class:").doesNotContain("\n", "=", "+", "/");
        assertThat(ClassroomShareCodec.parse("  " + line + "\n")).isEqualTo(share);
        Path file = dir.resolve("class" + ClassroomShareCodec.FILE_EXTENSION);
        ClassroomShareCodec.write(share, file);
        assertThat(Files.readString(file)).contains("\"registrarHost\" : \"192.168.1.20\"");
        assertThat(ClassroomShareCodec.read(file)).isEqualTo(share);
        Files.writeString(file, line);
        assertThat(ClassroomShareCodec.read(file)).isEqualTo(share);
    }

    @Test
    void joiningMovesOnlyTheClientToTheTeachersRegistrarAndDomain() throws Exception {
        ClassroomShare share = ClassroomShare.of("10.0.0.5", 5060, "class.example.org", SipTransportType.UDP, "");
        WorkbenchSettings before = WorkbenchSettings.defaults();
        WorkbenchSettings after = share.applyTo(before);
        assertThat(after.client().endpoint().uri()).isEqualTo("sip:client@class.example.org");
        assertThat(after.client().endpoint().useEmbeddedRegistrar()).isFalse();
        assertThat(after.client().endpoint().server()).isEqualTo("10.0.0.5:5060");
        assertThat(after.client().endpoint().transport()).isEqualTo(SipTransportType.UDP);
        assertThat(after.client().ourServerUri()).isEqualTo("sip:server@class.example.org");
        assertThat(after.server()).isEqualTo(before.server());
        assertThat(after.client().ringTimeoutSeconds()).isEqualTo(before.client().ringTimeoutSeconds());
        assertThat(share.changes(before)).extracting(ClassroomShare.Change::what)
                .containsExactly("Client URI", "Client signs in to", "Transport", "Our server (the client calls)");
        assertThat(share.changes(after)).isEmpty();
    }

    @Test
    void wrongOrStaleInputIsRefusedWithASentence() {
        assertProblem("", "Nothing to join");
        assertProblem("hello", "not a classroom share");
        assertProblem("ucma-class:%%%", "damaged (not base64url)");
        assertProblem("ucma-class:" + b64("{\"version\":1,"), "damaged or incomplete");
        assertProblem("{\"version\":9,\"registrarHost\":\"10.0.0.5\",\"registrarPort\":5060,\"domain\":\"a.org\","
                + "\"transport\":\"TCP\"}", "format 9, from a newer workbench");
        assertProblem("{\"version\":1,\"registrarHost\":\"10.0.0.5\",\"registrarPort\":70000,\"domain\":\"a.org\","
                + "\"transport\":\"TCP\"}", "not a port");
        assertProblem("{\"version\":1,\"registrarHost\":\"10.0.0.5\",\"registrarPort\":5060,\"domain\":\"a.org\","
                + "\"transport\":\"SCTP\"}", "damaged or incomplete");
        assertProblem("{\"version\":1,\"registrarHost\":\"10.0.0.5\",\"registrarPort\":5061,\"domain\":\"a.org\","
                + "\"transport\":\"TLS\",\"tlsFingerprint\":\"AB:CD\"}", "fingerprint");
        assertProblem("{\"version\":1,\"registrarHost\":\"bad host!\",\"registrarPort\":5060,\"domain\":\"a.org\","
                + "\"transport\":\"TCP\"}", "cannot be used");
    }

    @Test
    void aMissingFileIsAProblemNotACrash() {
        assertThatThrownBy(() -> ClassroomShareCodec.read(dir.resolve("nope.json")))
                .isInstanceOf(ClassroomShare.Problem.class).hasMessageContaining("cannot be read");
    }

    private static String b64(String s) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertProblem(String text, String expected) {
        assertThatThrownBy(() -> ClassroomShareCodec.parse(text)).as(text)
                .isInstanceOf(ClassroomShare.Problem.class).hasMessageContaining(expected);
    }
}
