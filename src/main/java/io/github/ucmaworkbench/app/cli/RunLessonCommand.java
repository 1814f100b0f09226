package io.github.ucmaworkbench.app.cli;

import io.github.ucmaworkbench.app.cli.LessonScript.Cast;
import io.github.ucmaworkbench.app.cli.LessonScript.Side;
import io.github.ucmaworkbench.app.cli.LessonScript.Step;
import io.github.ucmaworkbench.app.cli.ProgressPrinter.Outcome;
import io.github.ucmaworkbench.registrar.RegistrarConfig;
import io.github.ucmaworkbench.registrar.RegistrarService;
import io.github.ucmaworkbench.rtc.SipTransportType;
import io.github.ucmaworkbench.tutorial.ClientManager;
import io.github.ucmaworkbench.tutorial.ClientSettings;
import io.github.ucmaworkbench.tutorial.EndpointSettings;
import io.github.ucmaworkbench.tutorial.ServerManager;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code run-lesson N}: the part's steps end to end against an embedded registrar on loopback. */
@Command(mixinStandardHelpOptions = true, versionProvider = WorkbenchCommand.Version.class,
        name = "run-lesson", sortOptions = false,
        description = {"Plays a lesson's SIP steps end to end.",
                "Part N (1-11) of the series, against an embedded registrar on a free loopback port,",
                "each step checked by the progress line that shows it worked."})
final class RunLessonCommand implements Callable<Integer> {
    private static final Duration STEP_TIMEOUT = Duration.ofSeconds(15);

    @ParentCommand
    private WorkbenchCommand parent;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "N", description = "The part of the series, 1-11")
    private int part;

    @Option(names = "--transport", paramLabel = "tcp|udp", converter = TransportConverter.class, defaultValue = "tcp",
            description = "Transport for both sides (default: tcp)")
    private SipTransportType transport;

    @picocli.CommandLine.Mixin
    private TraceOptions trace;

    @Override
    public Integer call() throws Exception {
        if (trace.problem() != null) {
            throw new ParameterException(spec.commandLine(), trace.problem());
        }
        if (part < LessonScript.FIRST || part > LessonScript.LAST) {
            throw new ParameterException(spec.commandLine(), "there are lessons 1-11, not " + part);
        }
        CliIo io = parent.io();
        io.out().println("Lesson " + part + ": " + LessonScript.title(part) + ".");
        List<Step> steps = LessonScript.steps(part);
        try (AutoCloseable recording = trace.start();
                RegistrarService registrar = new RegistrarService(RegistrarConfig.builder().port(0).build())) {
            InetSocketAddress at = registrar.start();
            io.out().printf("Embedded registrar on %s:%d, domain %s.%n", at.getAddress().getHostAddress(), at.getPort(),
                    registrar.getDomain());
            EndpointSettings serverSide = new EndpointSettings("sip:server@" + registrar.getDomain(), "127.0.0.1",
                    at.getPort(), transport, null, null);
            EndpointSettings clientSide = new EndpointSettings("sip:client@" + registrar.getDomain(), "127.0.0.1",
                    at.getPort(), transport, null, null);
            if (steps.isEmpty()) {
                io.out().println("This part has no SIP steps. The client's settings: " + clientSide
                        + "; our server: " + serverSide.uri() + ".");
                return 0;
            }
            try (ServerManager server = new ServerManager(serverSide);
                    ClientManager client = new ClientManager(new ClientSettings(clientSide, serverSide.uri()))) {
                ProgressPrinter serverLog = new ProgressPrinter("server", io, false).attach(server);
                ProgressPrinter clientLog = new ProgressPrinter("client", io, false).attach(client);
                Cast cast = new Cast(client, server);
                int number = 0;
                for (Step step : steps) {
                    number++;
                    io.out().println("Step " + number + "/" + steps.size() + ": " + step.description() + ".");
                    step.action().accept(cast);
                    ProgressPrinter log = step.side() == Side.CLIENT ? clientLog : serverLog;
                    Outcome outcome = log.awaitStart(step.expected(), STEP_TIMEOUT);
                    if (outcome != Outcome.SUCCEEDED) {
                        io.err().println("Lesson " + part + " failed at step " + number + " (" + step.description()
                                + "): " + (outcome == Outcome.TIMED_OUT ? "no \"" + step.expected() + "\" within "
                                        + STEP_TIMEOUT.toSeconds() + " s" : "see the error above") + ".");
                        return 1;
                    }
                }
            }
        }
        io.out().println("Lesson " + part + " ran end to end.");
        return 0;
    }
}
