package io.github.ucmaworkbench.app.cli;

import io.github.ucmaworkbench.lessons.Lesson;
import io.github.ucmaworkbench.lessons.LessonRunListener;
import io.github.ucmaworkbench.lessons.LessonRunReport;
import io.github.ucmaworkbench.lessons.LessonRunner;
import io.github.ucmaworkbench.lessons.LessonStep;
import io.github.ucmaworkbench.lessons.Side;
import io.github.ucmaworkbench.lessons.StepResult;
import io.github.ucmaworkbench.rtc.SipTransportType;
import io.github.ucmaworkbench.tutorial.ProgressEventArgs;
import io.github.ucmaworkbench.tutorial.ProgressLevel;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code run-lesson N}: the lesson's steps end to end against an embedded registrar, through the
 * lessons' own headless runner, so the command line checks exactly what the window's lesson view
 * plays. Exit 0 only when every step passed.
 */
@Command(mixinStandardHelpOptions = true, versionProvider = WorkbenchCommand.Version.class,
        name = "run-lesson", sortOptions = false,
        description = {"Plays a lesson's steps end to end.",
                "Part N (1-11) of the series, against an embedded registrar on a free loopback port,",
                "each step checked by the outcome the lesson expects."})
final class RunLessonCommand implements Callable<Integer> {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS", Locale.ROOT);

    @ParentCommand
    private WorkbenchCommand parent;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "N", description = "The part of the series, 1-11")
    private int part;

    @Option(names = "--transport", paramLabel = "tcp|udp", converter = TransportConverter.class, defaultValue = "tcp",
            description = "Transport for both sides (default: tcp)")
    private SipTransportType transport;

    @Option(names = "--step-timeout", paramLabel = "SECONDS", defaultValue = "10",
            description = "How long a step's outcome may take unless the lesson says otherwise (default: ${DEFAULT-VALUE})")
    private int stepTimeoutSeconds;

    @Mixin
    private TraceOptions trace;

    @Override
    public Integer call() throws Exception {
        if (trace.problem() != null) {
            throw new ParameterException(spec.commandLine(), trace.problem());
        }
        if (part < 1 || part > 11) {
            throw new ParameterException(spec.commandLine(), "there are lessons 1-11, not " + part);
        }
        if (stepTimeoutSeconds < 1 || stepTimeoutSeconds > 300) {
            throw new ParameterException(spec.commandLine(), "--step-timeout must be 1-300 seconds, not " + stepTimeoutSeconds);
        }
        CliIo io = parent.io();
        Lesson lesson;
        try {
            lesson = LessonRunner.lesson(part);
        } catch (IllegalArgumentException e) {
            io.err().println("run-lesson: " + WorkbenchCommand.oneLine(e));
            return 1;
        }
        LessonRunReport report;
        try (AutoCloseable recording = trace.start()) {
            report = HeadlessLessons.runHeadless(lesson,
                    new LessonRunner.Options(transport, Duration.ofSeconds(stepTimeoutSeconds)), new Printer(io));
        }
        if (report.passed()) {
            io.out().printf(Locale.ROOT, "Lesson %d ran end to end: %d step(s) passed in %.1f s.%n", part,
                    report.results().size(), report.elapsed().toMillis() / 1000.0);
            return 0;
        }
        io.err().printf(Locale.ROOT, "Lesson %d failed: %d of %d step(s) passed%s.%n", part,
                report.results().stream().filter(StepResult::passed).count(), lesson.steps().size(),
                report.notRun().isEmpty() ? "" : ", " + report.notRun().size() + " not run");
        return 1;
    }

    /** The run as the panels and the lesson view would show it, one line each. */
    private static final class Printer implements LessonRunListener {
        private final CliIo io;

        Printer(CliIo io) {
            this.io = io;
        }

        @Override
        public void lessonStarted(Lesson lesson) {
            io.out().println("Lesson " + lesson.part() + ": " + lesson.title() + ".");
        }

        @Override
        public void registrarStarted(InetSocketAddress address, String domain) {
            io.out().printf(Locale.ROOT, "Embedded registrar on %s:%d, domain %s.%n", address.getAddress().getHostAddress(),
                    address.getPort(), domain);
        }

        @Override
        public void stepStarted(LessonStep step, int index, int count) {
            io.out().println("Step " + (index + 1) + "/" + count + ": " + step.title());
        }

        @Override
        public void stepFinished(StepResult result) {
            (result.passed() ? io.out() : io.err()).println("  " + result);
        }

        @Override
        public void progress(Side side, ProgressEventArgs line) {
            boolean error = line.level() == ProgressLevel.ERROR;
            PrintStream stream = error ? io.err() : io.out();
            String time = LocalTime.ofInstant(line.time(), ZoneId.systemDefault()).format(TIME);
            stream.println(time + " " + side.name().toLowerCase(Locale.ROOT) + (error ? " ERROR " : " ") + line.message());
        }
    }
}
