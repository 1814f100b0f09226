package io.github.ucmaworkbench.peers;

import io.github.ucmaworkbench.testing.FreePorts;
import io.github.ucmaworkbench.testing.RealPeers;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A Kamailio started by a test: our config ({@code src/test/resources/kamailio/kamailio.cfg})
 * with a free loopback port filled in, in the foreground ({@code -DD}, logging to stderr with
 * {@code -E}), with its runtime directory inside the test's temporary directory ({@code -Y}) so
 * it needs nothing under /run and never touches a system Kamailio on 5060. Closing it stops the
 * main process by its pid (SIGTERM; Kamailio then stops its children) and kills any child left.
 */
final class KamailioProcess implements AutoCloseable {
    private static final Duration STARTUP = Duration.ofSeconds(15);
    private static final List<Path> KNOWN_MODULE_DIRS = List.of(
            Path.of("/usr/lib/x86_64-linux-gnu/kamailio/modules"),
            Path.of("/usr/lib/aarch64-linux-gnu/kamailio/modules"),
            Path.of("/usr/lib/kamailio/modules"),
            Path.of("/usr/local/lib64/kamailio/modules"),
            Path.of("/usr/local/lib/kamailio/modules"));

    private final Process process;
    private final List<ProcessHandle> children = new ArrayList<>();
    private final InetSocketAddress address;
    private final Path log;

    private KamailioProcess(Process process, InetSocketAddress address, Path log) {
        this.process = process;
        this.address = address;
        this.log = log;
    }

    /** Starts Kamailio and returns once it answers SIP; skips locally / fails in CI without it. */
    static KamailioProcess start(Path workDir) throws IOException, InterruptedException {
        return start(workDir, "/kamailio/kamailio.cfg", java.util.Map.of());
    }

    /**
     * Like {@link #start(Path)} with another config from the test resources, whose extra
     * {@code @NAME@} placeholders are filled from {@code values}.
     */
    static KamailioProcess start(Path workDir, String configResource, java.util.Map<String, String> values)
            throws IOException, InterruptedException {
        Path binary = RealPeers.requireBinary("kamailio");
        Path modules = moduleDirectory(binary);
        int port = FreePorts.pick();
        String text = Files.readString(SippRun.resourcePath(configResource), StandardCharsets.UTF_8)
                .replace("@PORT@", Integer.toString(port)).replace("@MODULES@", modules.toString());
        for (java.util.Map.Entry<String, String> v : values.entrySet()) {
            text = text.replace("@" + v.getKey() + "@", v.getValue());
        }
        Path config = workDir.resolve("kamailio.cfg");
        Files.writeString(config, text, StandardCharsets.UTF_8);
        Path runtime = Files.createDirectories(workDir.resolve("run"));
        Path log = workDir.resolve("kamailio.log");
        List<String> command = List.of(binary.toString(), "-f", config.toString(),
                "-DD", "-E",
                "-Y", runtime.toString(),
                "-w", workDir.toString(),
                "-m", "32", "-M", "8");
        Process process = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .start();
        InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
        KamailioProcess kamailio = new KamailioProcess(process, address, log);
        boolean ready = false;
        try {
            String answer = SipPing.awaitAnswer(address, process, STARTUP);
            ready = answer != null && BoundPorts.awaitBound(port, "tcp", process, STARTUP);
            if (!ready) {
                throw new AssertionError("Kamailio did not answer on " + port + " within " + STARTUP.toSeconds()
                        + " s (alive: " + process.isAlive() + ")\n$ " + String.join(" ", command) + "\n" + kamailio.log());
            }
            kamailio.children.addAll(process.descendants().toList());
            return kamailio;
        } finally {
            if (!ready) {
                kamailio.close();
            }
        }
    }

    /** Where the packaged modules are: what {@code kamailio -I} reports, else a known directory. */
    private static Path moduleDirectory(Path binary) throws IOException, InterruptedException {
        Process info = new ProcessBuilder(binary.toString(), "-I").redirectErrorStream(true).start();
        String text;
        try {
            text = new String(info.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            info.waitFor(5, TimeUnit.SECONDS);
        } finally {
            info.destroyForcibly();
        }
        Optional<Path> reported = text.lines()
                .filter(line -> line.trim().startsWith("Default paths to modules:"))
                .map(line -> line.substring(line.indexOf(':') + 1).trim().split("[:\\s]+")[0])
                .map(Path::of)
                .filter(dir -> Files.isRegularFile(dir.resolve("tm.so")))
                .findFirst();
        return reported.or(() -> KNOWN_MODULE_DIRS.stream().filter(dir -> Files.isRegularFile(dir.resolve("tm.so"))).findFirst())
                .orElseThrow(() -> new AssertionError("Kamailio's modules (tm.so) were not found; `kamailio -I` said:\n" + text));
    }

    InetSocketAddress address() {
        return address;
    }

    int port() {
        return address.getPort();
    }

    /** Kamailio's own log so far (it logs to stderr, which we capture). */
    String log() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no Kamailio log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        List<ProcessHandle> all = new ArrayList<>(children);
        all.addAll(process.descendants().toList());
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(3, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        // Children exit with the main process; any that did not is killed by its own pid.
        for (ProcessHandle child : all) {
            if (child.isAlive()) {
                child.destroyForcibly();
            }
        }
    }
}
