package io.github.ucmaworkbench.lessons;

import io.github.ucmaworkbench.rtc.SipTransportType;
import io.github.ucmaworkbench.tutorial.ClientManager;
import io.github.ucmaworkbench.tutorial.ClientSettings;
import io.github.ucmaworkbench.tutorial.EndpointSettings;
import io.github.ucmaworkbench.tutorial.ServerManager;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Runs a whole lesson without a window: a registrar the caller supplies (app starts an embedded
 * one on a free loopback port, so this layer needs no registrar of its own), a fresh client ({@code sip:client@DOMAIN}) and server ({@code sip:server@DOMAIN}, the client's
 * "our server"), every step in order through the {@link LessonEngine}. For {@code run-lesson N} on the command line and for tests.
 *
 * <pre>{@code
 * LessonRunReport report = LessonRunner.runHeadless(LessonRunner.lesson(6), registrar, Options.defaults(), new LessonRunListener() {
 *     public void stepFinished(StepResult r) { System.out.println(r); }
 * });
 * System.exit(report.passed() ? 0 : 1);
 * }</pre>
 */
public final class LessonRunner {
    /** Throw-away passwords of the headless run's own registrar (a fresh one per run, on loopback). */
    private static final String CLIENT_PASSWORD = "client-secret";
    private static final String SERVER_PASSWORD = "server-secret";
    /**
     * The users the run's registrar must know: it checks passwords, so part 3 can show a wrong one
     * refused (401, then 403). Whoever supplies the {@link LessonRegistrar} configures it with these.
     */
    public static final Map<String, String> USERS = Map.of("client", CLIENT_PASSWORD, "server", SERVER_PASSWORD);


    private LessonRunner() {
    }

    /**
     * How a headless run is set up.
     *
     * @param transport   both sides sign in over this transport (the registrar serves UDP and TCP)
     * @param stepTimeout how long a step's outcome may take unless the step names its own time
     */
    public record Options(SipTransportType transport, Duration stepTimeout) {
        public Options {
            Objects.requireNonNull(transport, "transport");
            Objects.requireNonNull(stepTimeout, "stepTimeout");
        }

        /** TCP (as UCMA), {@link LessonEngine#DEFAULT_STEP_TIMEOUT}. */
        public static Options defaults() {
            return new Options(SipTransportType.TCP, LessonEngine.DEFAULT_STEP_TIMEOUT);
        }
    }

    /**
     * The lesson for {@code part}, from {@link LessonLibrary#load()}.
     *
     * @throws IllegalArgumentException when there is none (the message names the files that did not load)
     */
    public static Lesson lesson(int part) throws IOException {
        LessonLibrary library = LessonLibrary.load();
        return library.byPart(part).orElseThrow(() -> new IllegalArgumentException("no lesson for part " + part
                + " in " + library.origin() + (library.problems().isEmpty() ? "" : "; problems: " + library.problems())));
    }

    /**
     * Runs {@code lesson} on {@code registrar} (started here, closed when the run ends) with its own
     * managers and engine.
     *
     * @throws IOException when the registrar cannot bind
     */
    public static LessonRunReport runHeadless(Lesson lesson, LessonRegistrar registrar, Options options,
            LessonRunListener listener) throws IOException, InterruptedException {
        long started = System.nanoTime();
        LessonRunListener events = listener == null ? new LessonRunListener() { } : listener;
        events.lessonStarted(lesson);
        try (registrar) {
            InetSocketAddress address = registrar.start();
            String domain = registrar.domain();
            events.registrarStarted(address, domain);
            String host = address.getAddress().getHostAddress();
            ServerManager server = new ServerManager(new EndpointSettings("sip:server@" + domain, host, address.getPort(),
                    options.transport(), "server", SERVER_PASSWORD));
            ClientManager client = new ClientManager(new ClientSettings(new EndpointSettings("sip:client@" + domain, host,
                    address.getPort(), options.transport(), "client", CLIENT_PASSWORD), "sip:server@" + domain));
            client.progress().add((sender, e) -> events.progress(Side.CLIENT, e));
            server.progress().add((sender, e) -> events.progress(Side.SERVER, e));
            LessonSides sides = LessonSides.of(client, server);
            List<StepResult> results = new ArrayList<>();
            List<LessonStep> notRun = new ArrayList<>();
            try (LessonEngine engine = new LessonEngine(sides)) {
                engine.setDefaultStepTimeout(options.stepTimeout());
                List<LessonStep> steps = lesson.steps();
                for (int i = 0; i < steps.size(); i++) {
                    LessonStep step = steps.get(i);
                    if (!results.isEmpty() && !results.get(results.size() - 1).passed()) {
                        notRun.add(step);
                        continue;
                    }
                    events.stepStarted(step, i, steps.size());
                    StepResult result = engine.runAndWait(step);
                    results.add(result);
                    events.stepFinished(result);
                }
            } finally {
                client.close();
                server.close();
            }
            return new LessonRunReport(lesson, results, notRun, Duration.ofNanos(System.nanoTime() - started));
        }
    }
}
