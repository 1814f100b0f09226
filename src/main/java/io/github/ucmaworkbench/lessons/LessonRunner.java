package io.github.ucmaworkbench.lessons;

import io.github.ucmaworkbench.registrar.RegistrarConfig;
import io.github.ucmaworkbench.registrar.RegistrarService;
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

/**
 * Runs a whole lesson without a window: its own embedded registrar on a free loopback port, a
 * fresh client ({@code sip:client@DOMAIN}) and server ({@code sip:server@DOMAIN}, the client's
 * "our server"), every step in order through the {@link LessonEngine}. For {@code run-lesson N} on the command line and for tests.
 *
 * <pre>{@code
 * LessonRunReport report = LessonRunner.runHeadless(6, new LessonRunListener() {
 *     public void stepFinished(StepResult r) { System.out.println(r); }
 * });
 * System.exit(report.passed() ? 0 : 1);
 * }</pre>
 */
public final class LessonRunner {
    /** Throw-away passwords of the headless run's own registrar (a fresh one per run, on loopback). */
    private static final String CLIENT_PASSWORD = "client-secret";
    private static final String SERVER_PASSWORD = "server-secret";


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
            java.util.Objects.requireNonNull(transport, "transport");
            java.util.Objects.requireNonNull(stepTimeout, "stepTimeout");
        }

        /** TCP (as UCMA), {@link LessonEngine#DEFAULT_STEP_TIMEOUT}. */
        public static Options defaults() {
            return new Options(SipTransportType.TCP, LessonEngine.DEFAULT_STEP_TIMEOUT);
        }
    }

    /**
     * Runs part {@code part} of the series from the lessons {@link LessonLibrary#load()} finds.
     *
     * @throws IllegalArgumentException when no lesson has that part (the message lists the problems of files that did not load)
     * @throws IOException              when the lessons cannot be found or the registrar cannot bind
     */
    public static LessonRunReport runHeadless(int part, LessonRunListener listener) throws IOException, InterruptedException {
        return runHeadless(part, Options.defaults(), listener);
    }

    /** Like {@link #runHeadless(int, LessonRunListener)}, with a transport and a step timeout. */
    public static LessonRunReport runHeadless(int part, Options options, LessonRunListener listener)
            throws IOException, InterruptedException {
        return runHeadless(lesson(part), options, listener);
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

    /** Runs {@code lesson} on its own registrar, managers and engine. */
    public static LessonRunReport runHeadless(Lesson lesson, Options options, LessonRunListener listener)
            throws IOException, InterruptedException {
        long started = System.nanoTime();
        LessonRunListener events = listener == null ? new LessonRunListener() { } : listener;
        events.lessonStarted(lesson);
        // The registrar checks passwords, so part 3 can show a wrong one refused (401, then 403).
        RegistrarConfig config = RegistrarConfig.builder().port(0)
                .users(Map.of("client", CLIENT_PASSWORD, "server", SERVER_PASSWORD)).build();
        try (RegistrarService registrar = new RegistrarService(config)) {
            InetSocketAddress address = registrar.start();
            String domain = registrar.getDomain();
            events.registrarStarted(address, domain);
            String host = address.getAddress().getHostAddress();
            ServerManager server = new ServerManager(new EndpointSettings("sip:server@" + domain, host, address.getPort(),
                    options.transport(), "server", SERVER_PASSWORD));
            ClientManager client = new ClientManager(new ClientSettings(new EndpointSettings("sip:client@" + domain, host,
                    address.getPort(), options.transport(), "client", CLIENT_PASSWORD), "sip:server@" + domain));
            client.progress().add((sender, e) -> events.progress(Side.CLIENT, e));
            server.progress().add((sender, e) -> events.progress(Side.SERVER, e));
            LessonSides sides = new LessonSides() {
                @Override
                public ClientManager client() {
                    return client;
                }

                @Override
                public ServerManager server() {
                    return server;
                }
            };
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
