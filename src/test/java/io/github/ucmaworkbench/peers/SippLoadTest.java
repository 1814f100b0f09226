package io.github.ucmaworkbench.peers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.ucmaworkbench.registrar.RegistrarConfig;
import io.github.ucmaworkbench.registrar.RegistrarService;
import io.github.ucmaworkbench.rtc.RealTimeServerConnectionManager;
import io.github.ucmaworkbench.rtc.RegistrationState;
import io.github.ucmaworkbench.rtc.SipTransportType;
import io.github.ucmaworkbench.tutorial.EndpointSettings;
import io.github.ucmaworkbench.tutorial.ProgressEventArgs;
import io.github.ucmaworkbench.tutorial.ProgressLevel;
import io.github.ucmaworkbench.tutorial.ServerManager;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIPp calls the tutorial's server straight at its listening address, thousands of calls at a
 * rate this busy 2-core machine carries, as the load run did. Every call SIPp completes
 * must end in the server's log as received, accepted and closed; a failure line for a call SIPp
 * completed (the false "the caller's ACK never came" once seen by the hundred) fails the
 * test. Throughput is the benchmark's business (bench/run.sh), not this test's.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class SippLoadTest {
    private static final int CALLS = 5_000;
    private static final int RATE = 400;
    /** The benchmark's own caller, so the test and bench/run.sh measure the same call. */
    private static final Path UAC = Path.of("bench", "sipp", "uac.xml");
    private static final Pattern FAILED = Pattern.compile("Failed call\\s*\\|\\s*\\d+\\s*\\|\\s*(\\d+)");

    @TempDir
    Path workDir;

    private final AtomicInteger received = new AtomicInteger();
    private final AtomicInteger closed = new AtomicInteger();
    private final Queue<String> failures = new ConcurrentLinkedQueue<>();
    private RegistrarService registrar;
    private ServerManager server;

    @AfterEach
    void tearDown() {
        if (server != null) {
            server.close();
        }
        if (registrar != null) {
            registrar.close();
        }
    }

    private String serverListening() throws Exception {
        registrar = new RegistrarService(RegistrarConfig.builder().port(0).build());
        InetSocketAddress at = registrar.start();
        server = new ServerManager(new EndpointSettings("sip:server@example.com", "127.0.0.1", at.getPort(),
                SipTransportType.UDP, null, null));
        server.progress().add((sender, e) -> count(e));
        server.signIn();
        await().atMost(Duration.ofSeconds(15)).until(() -> server.getRegistrationState() == RegistrationState.REGISTERED);
        server.startListening();
        await().atMost(Duration.ofSeconds(15)).until(server::isListening);
        InetSocketAddress listening = ((RealTimeServerConnectionManager) server.getEndpoint().getConnectionManager())
                .getListeningAddress();
        return listening.getAddress().getHostAddress() + ":" + listening.getPort();
    }

    /** Counts instead of keeping 15,000 lines: the progress log is what a teacher would read. */
    private void count(ProgressEventArgs e) {
        if (e.level() == ProgressLevel.ERROR) {
            failures.add(e.message());
        } else if (e.message().startsWith("Invite arrived")) {
            received.incrementAndGet();
        } else if (e.message().startsWith("The session was closed")) {
            closed.incrementAndGet();
        }
    }

    @Test
    void noFailureLineForCallsSippCompleted() throws Exception {
        SippRun.scenarioFile(UAC); // skips (or fails in CI) before any setup if SIPp is missing
        String target = serverListening();

        String report;
        try (SippRun sipp = SippRun.scenarioFile(UAC).transport("udp").remote(target).service("server")
                .key("domain", "example.com").load(CALLS, RATE, Duration.ofSeconds(45)).start(workDir)) {
            sipp.awaitExit(Duration.ofSeconds(60));
            report = sipp.report();
        }
        int sippFailed = failedCalls(workDir.resolve("sipp-screen.txt"), report);

        // Every call the server heard of ends in its log: closed, or (only if SIPp failed calls) a failure.
        await().atMost(Duration.ofSeconds(20)).until(() -> closed.get() + failures.size() >= received.get());
        List<String> failed = List.copyOf(failures);
        assertThat(failed).as("failure lines while SIPp counted %d failed call(s); first ones: %s",
                sippFailed, failed.stream().limit(5).toList()).hasSizeLessThanOrEqualTo(sippFailed);
        assertThat(received.get()).as("invites the server reported").isBetween(CALLS - sippFailed, CALLS);
        assertThat(closed.get()).as("sessions the server reported closed").isGreaterThanOrEqualTo(CALLS - sippFailed);
    }

    /** SIPp's cumulative "Failed call" count from its last statistics screen. */
    private static int failedCalls(Path screen, String report) throws Exception {
        Matcher m = FAILED.matcher(Files.readString(screen, StandardCharsets.UTF_8));
        Integer value = null;
        while (m.find()) {
            value = Integer.parseInt(m.group(1));
        }
        if (value == null) {
            throw new AssertionError("no SIPp statistics screen\n" + report);
        }
        return value;
    }
}
