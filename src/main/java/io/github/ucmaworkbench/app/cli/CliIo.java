package io.github.ucmaworkbench.app.cli;

import io.github.ucmaworkbench.common.SuppressForbidden;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.Objects;

/**
 * Where a command reads and writes. The real launcher passes System's streams; tests pass
 * their own, so every sub-command runs in-process and its output can be checked.
 *
 * @param endOfInputStops whether the end of {@code in} stops a long-running command (registrar,
 *                        server): true for a terminal in the foreground (Ctrl+D) and for streams
 *                        a caller hands in; false for a daemon's /dev/null, pipe or closed stdin
 */
public record CliIo(PrintStream out, PrintStream err, InputStream in, boolean endOfInputStops) {
    public CliIo {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(err, "err");
        Objects.requireNonNull(in, "in");
    }

    /** Streams of a caller's own (tests, an embedding program): the end of {@code in} stops a server. */
    public CliIo(PrintStream out, PrintStream err, InputStream in) {
        this(out, err, in, true);
    }

    /** The process's own streams; its input's end counts only when it is an interactive terminal. */
    @SuppressForbidden("the command line prints to the console by design")
    public static CliIo system() {
        return new CliIo(System.out, System.err, System.in, InteractiveInput.isInteractive());
    }
}
