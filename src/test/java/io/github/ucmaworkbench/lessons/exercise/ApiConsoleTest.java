package io.github.ucmaworkbench.lessons.exercise;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ucmaworkbench.rtc.SipTransportType;
import io.github.ucmaworkbench.tutorial.ClientManager;
import io.github.ucmaworkbench.tutorial.ClientSettings;
import io.github.ucmaworkbench.tutorial.EndpointSettings;
import io.github.ucmaworkbench.tutorial.ServerManager;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The JShell console sees the live managers, prints what snippets print, and stops a runaway snippet. */
class ApiConsoleTest {
    private final StringBuffer out = new StringBuffer();
    private final StringBuffer err = new StringBuffer();
    private ClientManager client;
    private ServerManager server;
    private ApiConsole console;

    @BeforeEach
    void open() {
        client = new ClientManager(new ClientSettings(new EndpointSettings("sip:alice@example.com", "127.0.0.1", 5060,
                SipTransportType.TCP, null, null), "sip:server@example.com"));
        server = new ServerManager(new EndpointSettings("sip:server@example.com", "127.0.0.1", 5060,
                SipTransportType.TCP, null, null));
        console = new ApiConsole(() -> client, () -> server, (text, error) -> (error ? err : out).append(text),
                Duration.ofSeconds(2));
    }

    @AfterEach
    void close() {
        console.close();
        client.close();
        server.close();
    }

    private void eval(String source) throws Exception {
        console.eval(source).get(60, TimeUnit.SECONDS);
    }

    @Test
    void snippetsSeeTheLiveEndpointsAndTheRtcApi() throws Exception {
        eval("client.getSettings().uri()");
        eval("server.getRegistrationState() == RegistrationState.UNREGISTERED");
        assertThat(out.toString()).contains("⇒ \"sip:alice@example.com\"").contains("⇒ true");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void whatASnippetPrintsGoesToTheConsoleAndErrorsNameTheirPlace() throws Exception {
        eval("System.out.println(\"hello from jshell\");");
        eval("int x = ;");
        eval("Object o = null; o.toString();");
        assertThat(out.toString()).contains("hello from jshell");
        assertThat(err.toString()).containsPattern("1:\\d+: ").contains("NullPointerException");
    }

    @Test
    void aSnippetThatNeverEndsIsStopped() throws Exception {
        eval("while (true) { }");
        assertThat(err.toString()).contains("stopped");
        eval("1 + 1");
        assertThat(out.toString()).contains("⇒ 2");
    }
}
