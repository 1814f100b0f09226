package io.github.ucmaworkbench.lessons.exercise;

import io.github.ucmaworkbench.lessons.LessonEngine;
import io.github.ucmaworkbench.lessons.LessonRegistrar;
import io.github.ucmaworkbench.lessons.LessonSides;
import io.github.ucmaworkbench.lessons.LessonStep;
import io.github.ucmaworkbench.lessons.Side;
import io.github.ucmaworkbench.lessons.StepResult;
import io.github.ucmaworkbench.rtc.SipTransportType;
import io.github.ucmaworkbench.tutorial.ClientManager;
import io.github.ucmaworkbench.tutorial.ClientSettings;
import io.github.ucmaworkbench.tutorial.EndpointSettings;
import io.github.ucmaworkbench.tutorial.ServerManager;
import io.github.ucmaworkbench.tutorial.TutorialManager;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Grades a student file against an exercise: compiles it, refuses forbidden calls, then runs the
 * exercise's checks against a live call with the student's code in place, on a registrar, client
 * and server of its own (so a grade never depends on what the window's endpoints are doing).
 * The window's Check button and {@code ucma-workbench exercise check} both end here. Blocks its
 * caller: call it off the event thread.
 */
public final class ExerciseChecker {

    /**
     * @param codeLimit   how long one call into student code may run before it is stopped
     * @param stepTimeout how long a check waits for its expectations unless it names its own time
     */
    public record Options(Duration codeLimit, Duration stepTimeout, SipTransportType transport) {
        public Options {
            Objects.requireNonNull(codeLimit, "codeLimit");
            Objects.requireNonNull(stepTimeout, "stepTimeout");
            Objects.requireNonNull(transport, "transport");
        }

        public static Options defaults() {
            return new Options(Duration.ofSeconds(3), Duration.ofSeconds(8), SipTransportType.TCP);
        }
    }

    private ExerciseChecker() {
    }

    public static ExerciseReport check(Exercise exercise, String source, Options options) throws IOException, InterruptedException {
        return check(exercise, source, options, r -> { });
    }

    /** Like {@link #check(Exercise, String, Options)}, telling {@code progress} after each check. */
    public static ExerciseReport check(Exercise exercise, String source, Options options, Consumer<StepResult> progress)
            throws IOException, InterruptedException {
        long started = System.nanoTime();
        StudentCode code = StudentCode.prepare(exercise, source);
        if (!code.compileErrors().isEmpty()) {
            return report(exercise, ExerciseReport.Verdict.DOES_NOT_COMPILE, code, null, List.of(), List.of(), List.of(), started);
        }
        if (!code.refused().isEmpty()) {
            return report(exercise, ExerciseReport.Verdict.REFUSED, code, null, List.of(), List.of(), List.of(), started);
        }
        if (!code.runnable()) {
            return report(exercise, ExerciseReport.Verdict.FAILED, code, code.problem(), List.of(), List.of(), List.of(), started);
        }
        try (LessonRegistrar registrar = LessonRegistrar.embedded(Map.of())) {
            InetSocketAddress address = registrar.start();
            String domain = registrar.domain();
            String host = address.getAddress().getHostAddress();
            ServerManager server = new ServerManager(new EndpointSettings("sip:server@" + domain, host, address.getPort(),
                    options.transport(), null, null));
            ClientManager client = new ClientManager(new ClientSettings(new EndpointSettings("sip:client@" + domain, host,
                    address.getPort(), options.transport(), null, null), "sip:server@" + domain));
            TutorialManager student = exercise.side() == Side.CLIENT ? client : server;
            List<StepResult> results = new ArrayList<>();
            List<LessonStep> notRun = new ArrayList<>();
            StudentCode.Installed installed = code.install(student, options.codeLimit());
            try (LessonEngine engine = new LessonEngine(sides(client, server))) {
                if (!installed.started()) {
                    return report(exercise, ExerciseReport.Verdict.FAILED, code, "the homework class could not be created: "
                            + String.join("; ", installed.problems()), List.of(), exercise.steps(), installed.problems(), started);
                }
                engine.setDefaultStepTimeout(options.stepTimeout());
                for (LessonStep step : exercise.steps()) {
                    if (!results.isEmpty() && !results.get(results.size() - 1).passed()) {
                        notRun.add(step);
                        continue;
                    }
                    StepResult result = engine.runAndWait(step);
                    results.add(result);
                    progress.accept(result);
                }
            } finally {
                installed.close();
                client.close();
                server.close();
            }
            boolean passed = notRun.isEmpty() && results.stream().allMatch(StepResult::passed);
            return report(exercise, passed ? ExerciseReport.Verdict.PASSED : ExerciseReport.Verdict.FAILED, code, null, results,
                    notRun, installed.problems(), started);
        }
    }

    static LessonSides sides(ClientManager client, ServerManager server) {
        return new LessonSides() {
            @Override
            public ClientManager client() {
                return client;
            }

            @Override
            public ServerManager server() {
                return server;
            }
        };
    }

    private static ExerciseReport report(Exercise exercise, ExerciseReport.Verdict verdict, StudentCode code, String problem,
            List<StepResult> steps, List<LessonStep> notRun, List<String> runtime, long started) {
        return new ExerciseReport(exercise, verdict, code.compileErrors(), code.refused(), problem, steps, notRun, runtime,
                Duration.ofNanos(System.nanoTime() - started));
    }
}
