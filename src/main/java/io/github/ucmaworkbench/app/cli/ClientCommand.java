package io.github.ucmaworkbench.app.cli;

import io.github.ucmaworkbench.app.cli.ProgressPrinter.Outcome;
import io.github.ucmaworkbench.settings.SettingsValidation;
import io.github.ucmaworkbench.rtc.RegistrationState;
import io.github.ucmaworkbench.rtc.SignalingHeader;
import io.github.ucmaworkbench.rtc.SignalingState;
import io.github.ucmaworkbench.tutorial.ClientManager;
import io.github.ucmaworkbench.tutorial.ClientSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code client}: parts 3 to 11 in one go — sign in, invite, report the outcome, optionally send
 * a message, hang up, sign out. Exits 0 only when the invite was accepted (and the message, if
 * any, delivered).
 */
@Command(mixinStandardHelpOptions = true, versionProvider = WorkbenchCommand.Version.class,
        name = "client", sortOptions = false,
        description = {"Runs the tutorial's client: sign in, invite, hang up, sign out.",
                "Reports the outcome of the INVITE to TARGET, optionally sends a message, hangs up and signs out.",
                "Exit code 0 only if the invite was accepted (and the message, if any, delivered)."})
final class ClientCommand implements Callable<Integer> {
    @ParentCommand
    private WorkbenchCommand parent;

    @Spec
    private CommandSpec spec;

    @Mixin
    private EndpointOptions endpoint;

    @Option(names = "--invite", required = true, paramLabel = "TARGET",
            description = "The SIP URI to invite, e.g. sip:server@example.com")
    private String target;

    @Option(names = "--header", paramLabel = "NAME:VALUE", converter = HeaderConverter.class,
            description = "A custom header on the INVITE (repeatable)")
    private List<SignalingHeader> headers = new ArrayList<>();

    @Option(names = "--sync", description = "Use the synchronous participate() instead of beginParticipate()")
    private boolean sync;

    @Option(names = "--message", paramLabel = "TEXT", description = "A text/plain MESSAGE to send once connected")
    private String message;

    @Option(names = "--ring-timeout", paramLabel = "SECONDS", defaultValue = "60",
            description = "How long the callee may ring (after 180) before the client cancels (default: ${DEFAULT-VALUE})")
    private int ringTimeoutSeconds;

    @Mixin
    private TraceOptions trace;

    @Override
    public Integer call() throws Exception {
        if (!endpoint.readyToSignIn(spec, trace, parent.io())) {
            return 1;
        }
        if (message != null && message.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "--message needs some text");
        }
        String ringProblem = SettingsValidation.ringTimeoutSeconds(ringTimeoutSeconds).orElse(null);
        if (ringProblem != null) {
            throw new ParameterException(spec.commandLine(), "--ring-timeout: " + ringProblem);
        }
        Duration ringTimeout = Duration.ofSeconds(ringTimeoutSeconds);
        CliIo io = parent.io();
        ProgressPrinter log = new ProgressPrinter("client", io, false);
        Duration step = endpoint.stepTimeout();
        try (AutoCloseable recording = trace.start();
                ClientManager client = new ClientManager(new ClientSettings(endpoint.settings(), target.trim(), ringTimeout))) {
            log.attach(client);
            client.setOperationTimeout(endpoint.operationTimeout());
            client.signIn();
            if (log.awaitStart("Signed in successfully", step) != Outcome.SUCCEEDED) {
                io.err().println("client: could not sign in as " + endpoint.uri + " via " + endpoint.server);
                return 1;
            }
            client.sendInvite(headers, sync);
            // A ringing callee may take the whole ring timeout on top of the network's operation timeout.
            boolean accepted = log.awaitStart("Session established", step.plus(ringTimeout)) == Outcome.SUCCEEDED;
            boolean delivered = true;
            if (accepted && message != null) {
                client.sendMessage(message);
                delivered = log.awaitStart("The message was delivered", step) == Outcome.SUCCEEDED;
            }
            // Each wait is for its own step's last line, news or error: an earlier failure line
            // (a refused invite) must not cut the BYE or the un-REGISTER short.
            if (client.getSessionState() == SignalingState.CONNECTED) {
                log.forget();
                client.hangUp();
                log.awaitEnd("The session was ended", step);
            }
            if (client.getRegistrationState() == RegistrationState.REGISTERED) {
                log.forget();
                client.signOut();
                log.awaitEnd("Signed out", step);
            }
            if (!accepted) {
                io.err().println("client: the invite to " + target + " was not accepted");
                return 1;
            }
            if (!delivered) {
                io.err().println("client: the message was not delivered");
                return 1;
            }
            io.out().println("client: the invite to " + target + " was accepted; done.");
            return 0;
        }
    }
}
