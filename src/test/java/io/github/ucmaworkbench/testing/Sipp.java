package io.github.ucmaworkbench.testing;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs SIPp (Debian {@code sip-tester}) as a real peer. Every run is bounded twice: SIPp's own
 * {@code -m} / {@code -timeout} and a hard process deadline here. Scenarios live under
 * {@code src/test/resources/sipp/}; every {@code [key]} a scenario uses must be passed with
 * {@link #key(String, String)} or SIPp aborts.
 */
public final class Sipp {
    private final Path binary;
    private final List<String> args = new ArrayList<>();
    private final Path workDir;
    private Process process;

    private Sipp(Path binary, Path workDir) {
        this.binary = binary;
        this.workDir = workDir;
    }

    /** A SIPp run with a scenario from {@code src/test/resources/sipp/}; skips/fails when SIPp is missing. */
    public static Sipp scenario(String resourceName, Path workDir) {
        Sipp s = new Sipp(RealPeers.requireBinary("sipp"), workDir);
        s.args.add("-sf");
        s.args.add(resource(resourceName).toString());
        return s;
    }

    /** A run of one of SIPp's embedded scenarios ({@code -sn uac}, {@code -sn uas}). */
    public static Sipp builtIn(String scenario, Path workDir) {
        Sipp s = new Sipp(RealPeers.requireBinary("sipp"), workDir);
        s.args.add("-sn");
        s.args.add(scenario);
        return s;
    }

    private static Path resource(String name) {
        URL url = Sipp.class.getResource("/sipp/" + name);
        if (url == null) {
            throw new IllegalArgumentException("no SIPp scenario " + name);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Adds raw arguments. */
    public Sipp arg(String... more) {
        args.addAll(List.of(more));
        return this;
    }

    /** {@code -key name value}: fills {@code [name]} in the scenario. */
    public Sipp key(String name, String value) {
        return arg("-key", name, value);
    }

    /**
     * Starts SIPp on 127.0.0.1:{@code localPort} over {@code transport} ("udp"/"tcp"), towards
     * {@code remote} (may be null for a UAS), for one call, with a global timeout.
     */
    public Sipp start(String remote, int localPort, String transport, Duration timeout) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(binary.toString());
        if (remote != null) {
            cmd.add(remote);
        }
        cmd.addAll(args);
        cmd.addAll(List.of("-i", "127.0.0.1", "-p", Integer.toString(localPort),
                "-t", "tcp".equalsIgnoreCase(transport) ? "t1" : "u1",
                "-m", "1", "-timeout", timeout.toSeconds() + "s", "-timeout_error",
                "-nostdin", "-trace_err", "-trace_msg", "-skip_rlimit"));
        process = new ProcessBuilder(cmd).directory(workDir.toFile())
                .redirectErrorStream(true).redirectOutput(workDir.resolve("sipp-" + localPort + ".out").toFile())
                .start();
        return this;
    }

    /**
     * Waits (bounded) for SIPp to end and returns its exit code: 0 means every call succeeded.
     * A SIPp that outlives {@code deadline} is killed and reported as -1.
     */
    public int await(Duration deadline) throws InterruptedException {
        if (!process.waitFor(deadline.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            process.waitFor(5, TimeUnit.SECONDS);
            return -1;
        }
        return process.exitValue();
    }

    /** Waits like {@link #await(Duration)} and fails with SIPp's logs unless it exited with 0. */
    public void awaitSuccess(Duration deadline) throws InterruptedException {
        int code = await(deadline);
        if (code != 0) {
            throw new AssertionError("SIPp exited with " + code + (code == -1 ? " (killed at the deadline)" : "")
                    + "\n" + logs());
        }
    }

    /** Stops SIPp if still running (for cleanup). */
    public void kill() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
        }
    }

    /** Everything SIPp wrote into the work directory (screen, message and error logs), for failure reports. */
    public String logs() {
        StringBuilder sb = new StringBuilder();
        try (Stream<Path> files = Files.list(workDir)) {
            for (Path f : files.sorted().toList()) {
                sb.append("==== ").append(f.getFileName()).append('\n');
                String text = Files.readString(f);
                sb.append(text.length() > 8000 ? text.substring(text.length() - 8000) : text).append('\n');
            }
        } catch (IOException e) {
            sb.append("(cannot read SIPp logs: ").append(e).append(")");
        }
        return sb.toString();
    }
}
