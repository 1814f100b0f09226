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
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code server}: the tutorial's server, signed in and listening, answering by a policy until stopped. */
@Command(mixinStandardHelpOptions = true, versionProvider = WorkbenchCommand.Version.class,
        name = "server", sortOptions = false,
        description = {"Runs the tutorial's server: signs in, listens, answers invites.",
                "Every invite is answered by --policy until Ctrl+C or SIGTERM; then it signs out (within 3 s).",
                StopRule.TEXT})
final class ServerCommand implements Callable<Integer> {
    /** How long stopping waits for the registrar to confirm the sign-out (the window's grace too). */
    static final Duration SIGN_OUT_GRACE = Duration.ofSeconds(3);

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

    @Option(names = "--listen-port", paramLabel = "N",
            description = "Listen for invites on this port (UDP and TCP; default: any free port), e.g. for a firewall rule")
    private Integer listenPort;

    @Option(names = "--quiet", description = "Print failures only (for load tests)")
    private boolean quiet;

    @Option(names = "--ignore-stdin",
            description = StopRule.IGNORE_STDIN)
    private boolean ignoreStdin;

    @Mixin
    private TraceOptions trace;

    @Override
    public Integer call() throws Exception {
        if (listenPort != null && (listenPort < 1 || listenPort > 65535)) {
            throw new ParameterException(spec.commandLine(), "--listen-port must be 1-65535, not " + listenPort);
        }
        if (!endpoint.readyToSignIn(spec, trace, parent.io())) {
            return 1;
        }
        CliIo io = parent.io();
        ProgressPrinter log = new ProgressPrinter("server", io, quiet);
        // UntilStopped is closed last: on SIGTERM the JVM halts as soon as it is released.
        try (UntilStopped until = new UntilStopped(io, !ignoreStdin); IdleHeapRelease heap = IdleHeapRelease.start()) {
            int code = serve(io, log, until);
            if (code == 0) {
                io.out().println("Server stopped.");
                io.out().flush();
            }
            return code;
        }
    }

    private int serve(CliIo io, ProgressPrinter log, UntilStopped until) throws Exception {
        try (AutoCloseable recording = trace.startOrSwitchOff();
                ServerManager server = new ServerManager(endpoint.settings())) {
            log.attach(server);
            server.setOperationTimeout(endpoint.operationTimeout());
            server.signIn();
            if (log.awaitStart("Signed in successfully", endpoint.stepTimeout()) != Outcome.SUCCEEDED) {
                io.err().println("server: could not sign in as " + endpoint.uri + " via " + endpoint.server);
                return 1;
            }
            server.setAcceptPolicy(policy);
            if (listenPort != null) {
                server.setListenPort(listenPort);
            }
            server.startListening();
            if (log.awaitStart("Listening on ", endpoint.stepTimeout()) != Outcome.SUCCEEDED) {
                io.err().println("server: could not start listening" + (listenPort == null ? "" : " on port " + listenPort
                        + " (is it taken? see the error above)"));
                signOut(server, log);
                return 1;
            }
            io.out().println("Server ready as " + endpoint.uri + listeningOn(server) + "; " + until.howToStop() + ".");
            io.out().flush();
            log.idle(); // every call's lines are printed; none is waited for until signing out
            server.setNewsWanted(!quiet); // --quiet prints failures only: news would be made for nobody
            String why = until.await();
            io.out().println("Server stopping (" + why + ").");
            signOut(server, log);
        }
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

    /**
     * Signing out is polite, not required: a gone registrar must not keep us from exiting. But it
     * must not be cut short either (the registrar would keep calling a dead binding for an hour):
     * whatever was printed before, we wait for the sign-out's own last line, within the grace.
     */
    private static void signOut(ServerManager server, ProgressPrinter log) throws InterruptedException {
        log.forget();
        server.setNewsWanted(true); // the sign-out's own news line ends the wait below
        if (server.getRegistrationState() == RegistrationState.REGISTERED) {
            server.signOut();
            // "Signed out successfully." or "Signed out locally, but the server did not confirm: ..."
            log.awaitEnd("Signed out", SIGN_OUT_GRACE);
        }
    }
}
