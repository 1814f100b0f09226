package io.github.ucmaworkbench.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ucmaworkbench.testing.Closer;
import io.github.ucmaworkbench.testing.FreePorts;
import io.github.ucmaworkbench.testing.RawSipPeer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * registrar and server as a service manager or {@code nohup ... &} runs them: separate processes
 * whose stdin is /dev/null. They keep running, and SIGTERM stops them; the server signs out on
 * the way, even when its last line was an error.
 */
class DaemonCommandsTest {
    private static final Duration START = Duration.ofSeconds(30);
    private static final Duration STOP = Duration.ofSeconds(15);

    private final Closer closer = new Closer();

    @AfterEach
    void stop() {
        closer.close();
    }

    /** An INVITE from a caller that will never ACK the 200: the server reports a failure. */
    private static byte[] inviteNeverAcked(InetSocketAddress server, int from) {
        String text = "INVITE sip:server@" + server.getHostString() + ":" + server.getPort() + " SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:" + from + ";branch=z9hG4bK-daemon-test-1;rport\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: <sip:caller@example.com>;tag=daemon1\r\n"
                + "To: <sip:server@example.com>\r\n"
                + "Call-ID: daemon-test-1@127.0.0.1\r\n"
                + "CSeq: 1 INVITE\r\n"
                + "Contact: <sip:caller@127.0.0.1:" + from + ">\r\n"
                + "Content-Length: 0\r\n\r\n";
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void withoutATerminalBothRunUntilSigtermAndTheServerSignsOutAfterAnError() throws Exception {
        ChildCommand registrar = closer.add(ChildCommand.start(Map.of(), "registrar", "--port", String.valueOf(FreePorts.pick())));
        String at = "127.0.0.1:" + registrar.awaitOut("Registrar listening on 127\\.0\\.0\\.1:(\\d+)", START);
        registrar.awaitOut("stop with Ctrl\\+C or SIGTERM \\(kill \\d+\\)", START);
        // The ACK wait (64*T1) shortened to 2 s, so the failure line comes quickly.
        ChildCommand server = closer.add(ChildCommand.start(Map.of(), List.of("-Ducma.ackTimeoutMs=2000"), "server",
                "--uri", "sip:server@example.com", "--server", at));
        String[] listening = server.awaitOut("listening on (127\\.0\\.0\\.1:\\d+)", START).split(":");
        registrar.awaitOut("Signed-in users: 1", START);

        RawSipPeer caller = closer.add(new RawSipPeer());
        InetSocketAddress listeningAt = new InetSocketAddress(listening[0], Integer.parseInt(listening[1]));
        caller.sendUdp(inviteNeverAcked(listeningAt, caller.udpPort()), listeningAt);
        Awaitility.await().atMost(START).until(() -> server.err().contains(" server ERROR "));
        assertThat(server.stillRunningAfter(Duration.ofSeconds(2))).as("stdin at its end does not stop it: " + server.out())
                .isTrue();
        assertThat(registrar.isAlive()).isTrue();
        assertThat(registrar.out()).doesNotContain("end of input");

        server.terminate(STOP);

        assertThat(server.out()).as(server.err()).contains("Server stopping (interrupted).", "Signed out successfully.", "Server stopped.");
        registrar.awaitOut("Signed-in users: 0", STOP);
        registrar.terminate(STOP);
        assertThat(registrar.out()).contains("Registrar stopping (interrupted).", "Registrar stopped.");
    }
}
