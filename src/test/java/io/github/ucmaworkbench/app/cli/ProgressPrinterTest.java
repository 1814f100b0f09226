package io.github.ucmaworkbench.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ucmaworkbench.app.cli.ProgressPrinter.Outcome;
import io.github.ucmaworkbench.rtc.SipTransportType;
import io.github.ucmaworkbench.tutorial.AcceptPolicy;
import io.github.ucmaworkbench.tutorial.EndpointSettings;
import io.github.ucmaworkbench.tutorial.ServerManager;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Waiting for the end of a step is not cut short by an earlier, unrelated error line: stopping
 * after an error once gave up on the sign-out at once (issue 11).
 */
class ProgressPrinterTest {
    private static final Duration WAIT = Duration.ofSeconds(5);

    private static ProgressPrinter printerOf(ServerManager server) {
        PrintStream sink = new PrintStream(new ByteArrayOutputStream());
        return new ProgressPrinter("server", new CliIo(sink, sink, InputStream.nullInputStream()), false).attach(server);
    }

    @Test
    void anEarlierErrorDoesNotEndTheWaitForAStepsOwnLine() throws Exception {
        try (ServerManager server = new ServerManager(new EndpointSettings("sip:server@example.com", "127.0.0.1", 5060,
                SipTransportType.TCP, null, null))) {
            ProgressPrinter log = printerOf(server);
            server.stopListening(); // "Not listening.": an error line nobody waited for
            server.setAcceptPolicy(new AcceptPolicy.AcceptAll());

            assertThat(log.awaitEnd("Invites will be answered", WAIT)).isEqualTo(Outcome.SUCCEEDED);
        }
    }

    @Test
    void theStepsOwnErrorLineEndsTheWaitAsAFailure() throws Exception {
        try (ServerManager server = new ServerManager(new EndpointSettings("sip:server@example.com", "127.0.0.1", 5060,
                SipTransportType.TCP, null, null))) {
            ProgressPrinter log = printerOf(server);
            server.signOut(); // not signed in: its own error

            assertThat(log.awaitEnd("Not signed in", WAIT)).isEqualTo(Outcome.FAILED);
        }
    }

    @Test
    void anIdleDaemonPrintsLinesWithoutKeepingThemUntilItWaitsAgain() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream sink = new PrintStream(out, true);
        try (ServerManager server = new ServerManager(new EndpointSettings("sip:server@example.com", "127.0.0.1", 5060,
                SipTransportType.TCP, null, null))) {
            ProgressPrinter log = new ProgressPrinter("server", new CliIo(sink, sink, InputStream.nullInputStream()), false)
                    .attach(server);
            log.idle();
            server.setAcceptPolicy(new AcceptPolicy.AcceptAll());
            for (long end = System.nanoTime() + WAIT.toNanos(); !out.toString().contains("accept all")
                    && System.nanoTime() < end; ) {
                Thread.onSpinWait();
            }
            assertThat(out.toString()).contains("Invites will be answered by the policy: accept all");
            // Printed, not kept: nobody was waiting, so nothing is there for a later wait.
            assertThat(log.awaitStart("Invites will be answered", Duration.ofMillis(300))).isEqualTo(Outcome.TIMED_OUT);

            log.forget();
            server.setAcceptPolicy(new AcceptPolicy.AcceptAll());
            assertThat(log.awaitEnd("Invites will be answered", WAIT)).isEqualTo(Outcome.SUCCEEDED);
        }
    }
}
