package io.github.ucmaworkbench.app.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/**
 * The headless command line: {@code registrar}, {@code server}, {@code client},
 * {@code run-lesson}. With no arguments the launcher opens the window instead; this class is
 * what it delegates to when there are arguments.
 *
 * <p>Exit codes: 0 success, 1 the SIP outcome was a failure (or the command could not do its
 * work), 2 bad usage. A user never sees a stack trace: bad options get one line and the usage,
 * failures one line.
 */
@Command(name = "ucma-workbench", mixinStandardHelpOptions = true, versionProvider = WorkbenchCommand.Version.class,
        sortOptions = false, usageHelpAutoWidth = true,
        description = {"The UCMA tutorial's client, server and registrar, without the window.",
                "Run with no arguments to open the workbench window."},
        subcommands = {RegistrarCommand.class, ServerCommand.class, ClientCommand.class, RunLessonCommand.class, ExerciseCommand.class,
                CommandLine.HelpCommand.class},
        footer = {"", "Examples:",
                "  ucma-workbench registrar --port 5060",
                "  ucma-workbench server --uri sip:server@example.com --server 127.0.0.1:5060 \\",
                "      --policy reject:486:Busy Here",
                "  ucma-workbench client --uri sip:client@example.com --server 127.0.0.1:5060 \\",
                "      --invite sip:server@example.com --message Hello",
                "  ucma-workbench run-lesson 6",
                "", "Exit codes: 0 success, 1 failure (e.g. the invite was rejected), 2 bad usage."})
public final class WorkbenchCommand implements Callable<Integer> {
    static final String NAME = "ucma-workbench";

    @Spec
    private CommandSpec spec;

    private CliIo io = CliIo.system();

    CliIo io() {
        return io;
    }

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "missing a command: registrar, server, client, run-lesson or exercise");
    }

    /**
     * Whether {@code args} are for this command line rather than the window's own options: the
     * first argument names a sub-command (the launcher delegates those, e.g.
     * {@code if (WorkbenchCommand.handles(args)) System.exit(WorkbenchCommand.run(args));}).
     */
    public static boolean handles(String[] args) {
        if (args == null || args.length == 0 || args[0].startsWith("-")) {
            return false; // the window's own options: no need to build the command line's model
        }
        return new CommandLine(new WorkbenchCommand()).getSubcommands().containsKey(args[0]);
    }

    /** Runs the command line with the process's streams; returns the exit code. */
    public static int run(String[] args) {
        return run(args, CliIo.system());
    }

    /** Runs the command line with these streams (tests run every command in-process). */
    public static int run(String[] args, CliIo io) {
        WorkbenchCommand top = new WorkbenchCommand();
        top.io = io;
        CommandLine cli = new CommandLine(top);
        cli.setOut(new PrintWriter(new OutputStreamWriter(io.out(), Charset.defaultCharset()), true));
        cli.setErr(new PrintWriter(new OutputStreamWriter(io.err(), Charset.defaultCharset()), true));
        cli.setParameterExceptionHandler(WorkbenchCommand::badUsage);
        cli.setExecutionExceptionHandler((e, commandLine, parsed) -> {
            commandLine.getErr().println(NAME + " " + commandLine.getCommandName() + ": error: " + oneLine(e));
            return 1;
        });
        return cli.execute(args == null ? new String[0] : args);
    }

    private static int badUsage(ParameterException e, String[] args) {
        CommandLine where = e.getCommandLine();
        PrintWriter err = where.getErr();
        err.println(NAME + ": " + e.getMessage());
        where.usage(err, where.getColorScheme());
        return where.getCommandSpec().exitCodeOnInvalidInput();
    }

    static String oneLine(Throwable e) {
        String message = e.getMessage();
        String text = message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
        return text.replace('\n', ' ').replace('\r', ' ');
    }

    /** For trying the command line before the launcher delegates to it. */
    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** The jar's version, and what it runs on. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = WorkbenchCommand.class.getPackage().getImplementationVersion();
            return new String[] {
                "UCMA Workbench " + (version == null ? "(development build)" : version),
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + "), JAIN-SIP 1.3.0-91",
            };
        }
    }
}
