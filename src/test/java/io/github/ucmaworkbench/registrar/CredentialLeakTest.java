package io.github.ucmaworkbench.registrar;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.read.ListAppender;
import io.github.ucmaworkbench.rtc.NetworkCredential;
import io.github.ucmaworkbench.rtc.SipAuthenticationProtocols;
import io.github.ucmaworkbench.rtc.SipCredentialCache;
import io.github.ucmaworkbench.rtc.SipEndpoint;
import io.github.ucmaworkbench.rtc.SipTransportType;
import io.github.ucmaworkbench.testing.DigestAnswer;
import io.github.ucmaworkbench.testing.TestUa;
import io.github.ucmaworkbench.trace.SipTrace;
import io.github.ucmaworkbench.trace.SipTraceEvent;
import io.github.ucmaworkbench.trace.export.PcapExporter;
import io.github.ucmaworkbench.trace.export.TextExporter;
import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Passwords and digest responses never reach a log line (even at DEBUG, the stack's own lines
 * included), a trace record, the text export or the pcap export.
 */
class CredentialLeakTest {
    private static final String PASSWORD = "Pw-7f3c9e-never-shown";
    private static final String WRONG = "Wrong-51aa0-never-shown";
    private static final String CLIENT_PASSWORD = "Cl-0d94b2-never-shown";

    @Test
    void digestSignInsLeaveNoPasswordOrDigestResponseInLogsTracesOrExports() throws Exception {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Logger stack = (Logger) LoggerFactory.getLogger("jain-sip");
        Level rootLevel = root.getLevel();
        Level stackLevel = stack.getLevel();
        Appender<ILoggingEvent> console = root.getAppender("STDERR");
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        List<String> responses = new ArrayList<>();
        List<SipTraceEvent> events = new ArrayList<>();
        root.addAppender(lines);
        if (console != null) {
            root.detachAppender(console); // DEBUG from every thread would drown the build output
        }
        root.setLevel(Level.DEBUG);
        stack.setLevel(Level.DEBUG);
        try (AutoCloseable trace = SipTrace.global().subscribe(events::add);
                RegistrarService registrar = new RegistrarService(RegistrarConfig.builder().port(0)
                        .user("alice", PASSWORD).user("client", CLIENT_PASSWORD).build());
                TestUa alice = TestUa.start("alice", "example.com", "udp")) {
            InetSocketAddress address = registrar.start();
            for (String password : List.of(WRONG, PASSWORD)) {
                Request register = alice.register(address, 60, "<" + alice.contact() + ">");
                Response challenge = alice.call(register);
                Request signed = DigestAnswer.answered(alice.headers(), DigestAnswer.next(register),
                        DigestAnswer.offering(challenge, "SHA-256"), "alice", password, 1, "cnonce-" + password.length());
                responses.add(DigestAnswer.responseOf(signed, false));
                alice.call(signed);
            }
            try (SipEndpoint client = new SipEndpoint("sip:client@example.com", SipAuthenticationProtocols.DIGEST,
                    SipTransportType.TCP, "127.0.0.1", address.getPort(), true, null, null)) {
                client.getCredentialCache().add(SipCredentialCache.ANY_REALM, new NetworkCredential("client", CLIENT_PASSWORD));
                assertThat(client.register().getResponseCode()).isEqualTo(200);
                client.unregister();
            }
            assertThat(registrar.getRegisteredUserCount()).as("alice stays signed in").isEqualTo(1);
        } finally {
            root.setLevel(rootLevel);
            stack.setLevel(stackLevel);
            if (console != null) {
                root.addAppender(console);
            }
            root.detachAppender(lines);
        }

        List<String> secrets = new ArrayList<>(List.of(PASSWORD, WRONG, CLIENT_PASSWORD));
        secrets.addAll(responses);
        List<SipTraceEvent> ours = List.copyOf(events);
        assertThat(ours).as("the sign-ins were traced").anyMatch(e -> e.rawText().contains("Authorization: Digest"));
        assertThat(lines.list).as("something was logged at DEBUG").isNotEmpty();
        StringWriter text = new StringWriter();
        TextExporter.write(ours, text);
        ByteArrayOutputStream pcap = new ByteArrayOutputStream();
        PcapExporter.write(ours, pcap);
        StringBuilder logText = new StringBuilder();
        for (ILoggingEvent e : lines.list) {
            logText.append(e.getFormattedMessage()).append('\n');
            if (e.getThrowableProxy() != null) {
                logText.append(e.getThrowableProxy().getMessage()).append('\n');
            }
        }
        for (String secret : secrets) {
            assertThat(lines.list).as("log output").noneSatisfy(e -> assertThat(e.getLoggerName() + ": "
                    + e.getFormattedMessage()).contains(secret));
            assertThat(logText).as("log output with exceptions").doesNotContain(secret);
            assertThat(ours).as("trace records").noneMatch(e -> e.rawText().contains(secret));
            assertThat(text.toString()).as("text export").doesNotContain(secret);
            assertThat(new String(pcap.toByteArray(), StandardCharsets.ISO_8859_1)).as("pcap export").doesNotContain(secret);
        }
    }
}
