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

/**
 * Runs a whole lesson without a window: its own embedded registrar on a free loopback port, a
 * fresh client ({@value #CLIENT_URI}) and server ({@value #SERVER_URI}), every step in order
 * through the {@link LessonEngine}. For {@code run-lesson N} on the command line and for tests.
 *
 * <pre>{@code
 * LessonRunReport report = LessonRunner.runHeadless(6, new LessonRunListener() {
 *     public void stepFinished(StepResult r) { System.out.println(r); }
 * });
 * System.exit(report.passed() ? 0 : 1);
 * }</pre>
 */
public final class LessonRunner {
    public static final String CLIENT_URI = "sip:client@example.com";
    public static final String SERVER_URI = "sip:server@example.com";

    private LessonRunner() {
    }

    /**
     * Runs part {@code part} of the series from the lessons {@link LessonLibrary#load()} finds.
     *
     * @throws IllegalArgumentException when no lesson has that part (the message lists the problems of files that did not load)
     * @throws IOException              when the lessons cannot be found or the registrar cannot bind
     */
    public static LessonRunReport runHeadless(int part, LessonRunListener listener) throws IOException, InterruptedException {
        LessonLibrary library = LessonLibrary.load();
        Lesson lesson = library.byPart(part).orElseThrow(() -> new IllegalArgumentException("no lesson for part " + part
                + " in " + library.origin() + (library.problems().isEmpty() ? "" : "; problems: " + library.problems())));
        return runHeadless(lesson, LessonEngine.DEFAULT_STEP_TIMEOUT, listener);
    }

    /** Runs {@code lesson}, each step waiting at most {@code stepTimeout} unless it names its own. */
    public static LessonRunReport runHeadless(Lesson lesson, Duration stepTimeout, LessonRunListener listener)
            throws IOException, InterruptedException {
        long started = System.nanoTime();
        LessonRunListener events = listener == null ? new LessonRunListener() { } : listener;
        try (RegistrarService registrar = new RegistrarService(RegistrarConfig.builder().port(0).build())) {
            InetSocketAddress address = registrar.start();
            events.registrarStarted(address.getPort());
            String host = address.getAddress().getHostAddress();
            ServerManager server = new ServerManager(new EndpointSettings(SERVER_URI, host, address.getPort(),
                    SipTransportType.TCP, null, null));
            ClientManager client = new ClientManager(new ClientSettings(new EndpointSettings(CLIENT_URI, host,
                    address.getPort(), SipTransportType.TCP, null, null), SERVER_URI));
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
                engine.setDefaultStepTimeout(stepTimeout);
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
