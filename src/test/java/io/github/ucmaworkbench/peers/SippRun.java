package io.github.ucmaworkbench.peers;

import io.github.ucmaworkbench.testing.FreePorts;
import io.github.ucmaworkbench.testing.RealPeers;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One bounded SIPp run: a scenario from {@code src/test/resources/sipp}, one call ({@code -m 1}) or a load ({@link Builder#load}),
 * a global timeout that counts as failure ({@code -timeout}, {@code -timeout_error}), no
 * keyboard, and every {@code [key ...]} the scenario uses passed with {@code -key}. Output and
 * SIPp's error/message traces land in a working directory so a failing test can show them.
 */
final class SippRun implements AutoCloseable {
    /** SIPp's own limit for the whole run; the test waits a little longer for the exit. */
    static final Duration SIPP_TIMEOUT = Duration.ofSeconds(15);

    private final Process process;
    private final Path workDir;
    private final Path output;
    private final List<String> command;

    private SippRun(Process process, Path workDir, Path output, List<String> command) {
        this.process = process;
        this.workDir = workDir;
        this.output = output;
        this.command = command;
    }

    /** Finds {@code sipp} (skips locally / fails in CI when missing) and describes a run. */
    static Builder scenario(String resourceName) {
        Path sipp = RealPeers.requireBinary("sipp");
        return new Builder(sipp, resourcePath("/sipp/" + resourceName));
    }

    /** Like {@link #scenario}, for a scenario file elsewhere, e.g. the benchmark's {@code bench/sipp}. */
    static Builder scenarioFile(Path file) {
        Path sipp = RealPeers.requireBinary("sipp");
        return new Builder(sipp, file.toAbsolutePath());
    }

    static Path resourcePath(String resource) {
        URL url = SippRun.class.getResource(resource);
        if (url == null) {
            throw new IllegalStateException("missing test resource " + resource);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    int pid() {
        return (int) process.pid();
    }

    Process process() {
        return process;
    }

    /**
     * Waits for SIPp to end by itself and returns its exit code (0: every call succeeded).
     *
     * @throws AssertionError if it is still running after {@code limit}
     */
    int awaitExit(Duration limit) throws InterruptedException {
        if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("SIPp did not finish within " + limit.toSeconds() + " s\n" + report());
        }
        return process.exitValue();
    }

    /** The command line, SIPp's screen output and its error/message traces, for assertion messages. */
    String report() {
        StringBuilder text = new StringBuilder("$ ").append(String.join(" ", command)).append('\n');
        appendFile(text, output);
        try (Stream<Path> files = Files.list(workDir)) {
            files.filter(p -> p.getFileName().toString().endsWith(".log")).sorted()
                    .forEach(p -> appendFile(text.append("---- ").append(p.getFileName()).append('\n'), p));
        } catch (IOException e) {
            text.append("(could not list ").append(workDir).append(": ").append(e.getMessage()).append(")\n");
        }
        return text.toString();
    }

    private static void appendFile(StringBuilder text, Path file) {
        try {
            String content = Files.readString(file, StandardCharsets.UTF_8);
            // The statistics screens are long; the end holds the verdict and the errors.
            text.append(content.length() > 12_000 ? content.substring(content.length() - 12_000) : content).append('\n');
        } catch (IOException e) {
            text.append("(no ").append(file.getFileName()).append(")\n");
        }
    }

    /** Stops SIPp if it still runs (by its own pid: SIGTERM, then SIGKILL); always called from try-with-resources. */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(3, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(3, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    static final class Builder {
        private final Path sipp;
        private final Path scenario;
        private final Map<String, String> keys = new LinkedHashMap<>();
        private String transport = "udp";
        private Duration timeout = SIPP_TIMEOUT;
        private Integer localPort;
        private String remote;
        private String service;
        private int calls = 1;
        private int rate;
        private Integer mediaPort;

        private Builder(Path sipp, Path scenario) {
            this.sipp = sipp;
            this.scenario = scenario;
        }

        /** "udp" or "tcp" (SIPp's single-socket modes u1 / t1). */
        Builder transport(String value) {
            transport = value;
            return this;
        }

        /** SIPp's local port; unset = a free one (SIPp's own default, 5060, may be taken or be a registrar's). */
        Builder localPort(int port) {
            localPort = port;
            return this;
        }

        /** Where a caller sends: host:port. */
        Builder remote(String hostPort) {
            remote = hostPort;
            return this;
        }

        /** SIPp's RTP port ({@code [media_port]}, {@code -mp}); unset = SIPp's 6000, which parallel runs share. */
        Builder mediaPort(int port) {
            mediaPort = port;
            return this;
        }

        /** The user part of the Request-URI ({@code [service]}). */
        Builder service(String user) {
            service = user;
            return this;
        }

        /**
         * Many calls instead of one: {@code calls} at {@code rate} per second, the whole run
         * bounded by {@code limit}; only errors are traced (a message trace of thousands of
         * calls would slow SIPp down more than the system under test).
         */
        Builder load(int calls, int rate, Duration limit) {
            this.calls = calls;
            this.rate = rate;
            this.timeout = limit;
            return this;
        }

        /** A {@code [key name]} the scenario uses. */
        Builder key(String name, String value) {
            keys.put(name, value);
            return this;
        }

        /** SIPp's limit for the whole run, for a scenario that pauses longer than {@link #SIPP_TIMEOUT} allows. */
        Builder timeout(Duration limit) {
            timeout = limit;
            return this;
        }

        SippRun start(Path workDir) throws IOException {
            // SIPp writes its traces beside the scenario file: run a copy inside the work directory.
            Path copy = Files.copy(scenario, workDir.resolve(scenario.getFileName()));
            List<String> command = new ArrayList<>(List.of(sipp.toString(), "-sf", copy.toString(),
                    "-t", "tcp".equals(transport) ? "t1" : "u1",
                    "-i", "127.0.0.1",
                    "-m", Integer.toString(calls),
                    "-timeout", timeout.toSeconds() + "s", "-timeout_error",
                    "-nostdin",
                    "-trace_err"));
            if (rate > 0) {
                command.addAll(List.of("-r", Integer.toString(rate), "-l", Integer.toString(rate * 4 + 100)));
            } else {
                command.add("-trace_msg");
            }
            command.addAll(List.of("-p", Integer.toString(localPort != null ? localPort : FreePorts.pick())));
            if (mediaPort != null) {
                command.addAll(List.of("-mp", Integer.toString(mediaPort)));
            }
            if (service != null) {
                command.addAll(List.of("-s", service));
            }
            keys.forEach((name, value) -> command.addAll(List.of("-key", name, value)));
            if (remote != null) {
                command.add(remote);
            }
            Path output = workDir.resolve("sipp-screen.txt");
            Process process = new ProcessBuilder(command)
                    .directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                    .start();
            return new SippRun(process, workDir, output, List.copyOf(command));
        }
    }
}
