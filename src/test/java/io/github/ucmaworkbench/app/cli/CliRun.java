package io.github.ucmaworkbench.app.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;

/**
 * One in-process run of the command line with captured output: either to completion
 * ({@link #of}), or in the background with a standard input the test closes to stop it
 * ({@link #background}).
 */
final class CliRun implements AutoCloseable {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final PipedOutputStream stdin = new PipedOutputStream();
    private CompletableFuture<Integer> exit;

    private CliRun() {
    }

    /** Runs to completion with an empty standard input. */
    static CliRun of(String... args) {
        CliRun run = new CliRun();
        CliIo io = new CliIo(new PrintStream(run.out, true, StandardCharsets.UTF_8),
                new PrintStream(run.err, true, StandardCharsets.UTF_8), InputStream.nullInputStream());
        run.exit = CompletableFuture.completedFuture(WorkbenchCommand.run(args, io));
        return run;
    }

    /** Starts in the background; {@link #close()} ends its input, which stops a registrar or server. */
    static CliRun background(String... args) {
        CliRun run = new CliRun();
        PipedInputStream in;
        try {
            in = new PipedInputStream(run.stdin);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        CliIo io = new CliIo(new PrintStream(run.out, true, StandardCharsets.UTF_8),
                new PrintStream(run.err, true, StandardCharsets.UTF_8), in);
        run.exit = CompletableFuture.supplyAsync(() -> WorkbenchCommand.run(args, io));
        return run;
    }

    String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    /** The exit code, waited for (bounded). */
    int exitCode() {
        try {
            return exit.get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("the command did not finish: out=" + out() + " err=" + err(), e);
        }
    }

    boolean finished() {
        return exit.isDone();
    }

    /** Waits until stdout has a line matching {@code regex}; returns its first group (or the match). */
    String awaitOut(String regex, Duration timeout) {
        Pattern pattern = Pattern.compile(regex);
        String[] found = new String[1];
        awaiting(timeout).pollInterval(Duration.ofMillis(20)).until(() -> {
            if (exit.isDone() && !pattern.matcher(out()).find()) {
                throw new AssertionError("the command ended (" + exit.join() + ") before printing /" + regex
                        + "/: out=" + out() + " err=" + err());
            }
            Matcher m = pattern.matcher(out());
            if (m.find()) {
                found[0] = m.groupCount() > 0 ? m.group(1) : m.group();
                return true;
            }
            return false;
        });
        return found[0];
    }

    /** Waits until stdout has {@code count} lines containing {@code text}. */
    void awaitLines(String text, int count, Duration timeout) {
        awaiting(timeout).pollInterval(Duration.ofMillis(50))
                .until(() -> out().lines().filter(l -> l.contains(text)).count() >= count);
    }

    /**
     * The command runs in the tests' JVM, beside threads other tests left (a TCP reader of a stack
     * they stopped): Awaitility's default of failing on ANY thread's uncaught exception made this
     * test fail for that one. The command's own failures show in its exit code and output.
     */
    private static org.awaitility.core.ConditionFactory awaiting(Duration timeout) {
        return Awaitility.await().dontCatchUncaughtExceptions().atMost(timeout);
    }

    /** Ends standard input: a registrar or server stops and exits. */
    @Override
    public void close() {
        try {
            stdin.close();
        } catch (IOException e) {
            // already closed
        }
    }
}
