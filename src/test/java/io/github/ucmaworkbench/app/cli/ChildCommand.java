package io.github.ucmaworkbench.app.cli;

import io.github.ucmaworkbench.app.Main;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;

/**
 * The launcher run as a real child process, as a service manager runs it: standard input from
 * /dev/null (no terminal), stopped with SIGTERM ({@link Process#destroy()}). Its output goes to
 * temporary files.
 */
final class ChildCommand implements AutoCloseable {
    private final Process process;
    private final Path out;
    private final Path err;

    private ChildCommand(Process process, Path out, Path err) {
        this.process = process;
        this.out = out;
        this.err = err;
    }

    static ChildCommand start(Map<String, String> env, String... args) {
        return start(env, List.of(), args);
    }

    /** With JVM options (e.g. {@code -Ducma.ackTimeoutMs=2000}) before the main class. */
    static ChildCommand start(Map<String, String> env, List<String> jvmOptions, String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        try {
            // Files, not pipes: Process.destroy() closes our ends of the pipes, and what the child
            // prints while it stops (the very thing tests check) would be lost.
            Path out = Files.createTempFile("ucma-child-", ".out");
            Path err = Files.createTempFile("ucma-child-", ".err");
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(out.toFile()).redirectError(err.toFile());
            builder.environment().remove(PasswordSource.ENV);
            builder.environment().putAll(env);
            return new ChildCommand(builder.start(), out, err);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String out() {
        return read(out);
    }

    String err() {
        return read(err);
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** True when the process is still running after {@code time}: a bounded wait for it to (wrongly) end. */
    boolean stillRunningAfter(Duration time) throws InterruptedException {
        return !process.waitFor(time.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Waits until stdout has a match of {@code regex}; returns its first group (or the match). */
    String awaitOut(String regex, Duration timeout) {
        Pattern pattern = Pattern.compile(regex);
        String[] found = new String[1];
        Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(50)).until(() -> {
            Matcher m = pattern.matcher(out());
            if (m.find()) {
                found[0] = m.groupCount() > 0 ? m.group(1) : m.group();
                return true;
            }
            if (!process.isAlive()) {
                throw new AssertionError("exited " + process.exitValue() + " before /" + regex + "/: out=" + out()
                        + " err=" + err());
            }
            return false;
        });
        return found[0];
    }

    /** SIGTERM, then the exit code (bounded wait). */
    int terminate(Duration timeout) throws InterruptedException {
        process.destroy();
        return exitCode(timeout);
    }

    /** The exit code of a command that ends by itself (bounded wait). */
    int exitCode(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("did not finish within " + timeout + ": out=" + out() + " err=" + err());
        }
        return process.exitValue();
    }

    @Override
    public void close() throws IOException {
        process.destroyForcibly();
        Files.deleteIfExists(out);
        Files.deleteIfExists(err);
    }
}
