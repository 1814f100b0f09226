package io.github.ucmaworkbench.app.cli;

import io.github.ucmaworkbench.tutorial.ProgressEventArgs;
import io.github.ucmaworkbench.tutorial.ProgressLevel;
import io.github.ucmaworkbench.tutorial.TutorialManager;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Prints a manager's progress lines as the panels show them (news to stdout, failures to
 * stderr) and lets the command's main thread wait for the line that ends a step.
 *
 * <p>A line is printed before it is queued, so a command that saw its outcome and exits never
 * loses the line that told it. Lines are queued only while a command may still wait for one: a
 * daemon that serves until stopped ({@link #idle()}) would otherwise keep every line of every
 * call (the {@code server} held hundreds of thousands after a load test).
 */
final class ProgressPrinter {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS", Locale.ROOT);

    /** How a step ended. */
    enum Outcome { SUCCEEDED, FAILED, TIMED_OUT }

    private final String side;
    private final CliIo io;
    private final boolean quiet;
    private final BlockingQueue<ProgressEventArgs> lines = new LinkedBlockingQueue<>();
    private volatile boolean queuing = true;

    ProgressPrinter(String side, CliIo io, boolean quiet) {
        this.side = side;
        this.io = io;
        this.quiet = quiet;
    }

    /** Prints and queues every progress line of {@code manager}. */
    ProgressPrinter attach(TutorialManager manager) {
        manager.progress().add((sender, e) -> {
            print(e);
            if (queuing) {
                lines.add(e);
            }
        });
        return this;
    }

    private void print(ProgressEventArgs e) {
        boolean error = e.level() == ProgressLevel.ERROR;
        if (quiet && !error) {
            return;
        }
        PrintStream stream = error ? io.err() : io.out();
        String time = LocalTime.ofInstant(e.time(), ZoneId.systemDefault()).format(TIME);
        stream.println(time + " " + side + (error ? " ERROR " : " ") + e.message());
        stream.flush();
    }

    /** A note of the command's own, formatted as a progress line. */
    void note(String message) {
        print(new ProgressEventArgs(Instant.now(), ProgressLevel.INFO, message));
    }

    /**
     * Consumes lines until one is news matching {@code success} (SUCCEEDED), or any failure line
     * (FAILED), or {@code timeout} passes (TIMED_OUT).
     */
    Outcome await(Predicate<String> success, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            ProgressEventArgs line = left <= 0 ? null : lines.poll(left, TimeUnit.NANOSECONDS);
            if (line == null) {
                return Outcome.TIMED_OUT;
            }
            if (line.level() == ProgressLevel.ERROR) {
                return Outcome.FAILED;
            }
            if (success.test(line.message())) {
                return Outcome.SUCCEEDED;
            }
        }
    }

    /**
     * Forgets the lines queued so far: what was printed before a step (an error a caller caused,
     * say) is not that step's outcome. Call it before starting the step.
     */
    void forget() {
        lines.clear();
        queuing = true;
    }

    /**
     * Nobody waits for a line until the next {@link #forget()}: lines are printed, not queued.
     * A daemon calls it once it serves.
     */
    void idle() {
        queuing = false;
        lines.clear();
    }

    /**
     * Waits for the line that ends a step whichever way it went, news or failure, starting with
     * {@code prefix}; other lines, errors included, do not end the wait.
     */
    Outcome awaitEnd(String prefix, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            ProgressEventArgs line = left <= 0 ? null : lines.poll(left, TimeUnit.NANOSECONDS);
            if (line == null) {
                return Outcome.TIMED_OUT;
            }
            if (line.message().startsWith(prefix)) {
                return line.level() == ProgressLevel.ERROR ? Outcome.FAILED : Outcome.SUCCEEDED;
            }
        }
    }

    /** Waits for a news line starting with {@code prefix}. */
    Outcome awaitStart(String prefix, Duration timeout) throws InterruptedException {
        return await(message -> message.startsWith(prefix), timeout);
    }
}
