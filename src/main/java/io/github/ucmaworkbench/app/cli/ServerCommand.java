package io.github.ucmaworkbench.app.cli;

import io.github.ucmaworkbench.app.cli.ProgressPrinter.Outcome;
import io.github.ucmaworkbench.rtc.RealTimeServerConnectionManager;
import io.github.ucmaworkbench.rtc.RegistrationState;
import io.github.ucmaworkbench.tutorial.AcceptPolicy;
import io.github.ucmaworkbench.tutorial.ServerManager;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code server}: the tutorial's server, signed in and listening, answering by a policy until stopped. */
@Command(mixinStandardHelpOptions = true, versionProvider = WorkbenchCommand.Version.class,
        name = "server", sortOptions = false,
        description = {"Runs the tutorial's server: signs in, listens, answers invites.",
                "Every invite is answered by --policy until Ctrl+C or end of input; then it signs out."})
final class ServerCommand implements Callable<Integer> {
    @ParentCommand
    private WorkbenchCommand parent;

    @Spec
    private CommandSpec spec;

    @Mixin
    private EndpointOptions endpoint;

    @Option(names = "--policy", paramLabel = "POLICY", converter = PolicyConverter.class, defaultValue = "accept",
            description = {"How to answer invites: " + PolicyConverter.FORMS + " (default: accept).",
                    "ignore = never answer: the caller times out."})
    private AcceptPolicy policy;

    @Option(names = "--quiet", description = "Print failures only (for load tests)")
    private boolean quiet;

    @Option(names = "--ignore-stdin",
            description = "Keep running at end of input (for running in the background); stop with Ctrl+C or SIGTERM")
    private boolean ignoreStdin;

    @Mixin
    private TraceOptions trace;

    @Override
    public Integer call() throws Exception {
        if (!endpoint.readyToSignIn(spec, trace, parent.io())) {
            return 1;
        }
        CliIo io = parent.io();
        ProgressPrinter log = new ProgressPrinter("server", io, quiet);
        try (UntilStopped until = new UntilStopped(io, !ignoreStdin);
                AutoCloseable recording = trace.startOrSwitchOff();
                ServerManager server = new ServerManager(endpoint.settings())) {
            log.attach(server);
            server.setOperationTimeout(endpoint.operationTimeout());
            server.signIn();
            if (log.awaitStart("Signed in successfully", endpoint.stepTimeout()) != Outcome.SUCCEEDED) {
                io.err().println("server: could not sign in as " + endpoint.uri + " via " + endpoint.server);
                return 1;
            }
            server.setAcceptPolicy(policy);
            server.startListening();
            if (log.awaitStart("Listening on ", endpoint.stepTimeout()) != Outcome.SUCCEEDED) {
                io.err().println("server: could not start listening");
                signOut(server, log);
                return 1;
            }
            io.out().println("Server ready as " + endpoint.uri + listeningOn(server) + "; press Ctrl+C (or end input) to stop.");
            io.out().flush();
            String why = until.await();
            io.out().println("Server stopping (" + why + ").");
            signOut(server, log);
        }
        io.out().println("Server stopped.");
        return 0;
    }

    /** Where invites reach us directly (load tests call it without the registrar). */
    private static String listeningOn(ServerManager server) {
        if (server.getEndpoint() != null
                && server.getEndpoint().getConnectionManager() instanceof RealTimeServerConnectionManager manager
                && manager.getListeningAddress() != null) {
            InetSocketAddress at = manager.getListeningAddress();
            return ", listening on " + at.getAddress().getHostAddress() + ":" + at.getPort();
        }
        return "";
    }

    /** Signing out is polite, not required: a gone registrar must not keep us from exiting. */
    private static void signOut(ServerManager server, ProgressPrinter log) throws InterruptedException {
        if (server.getRegistrationState() == RegistrationState.REGISTERED) {
            server.signOut();
            log.awaitStart("Signed out", Duration.ofSeconds(3));
        }
    }
}
