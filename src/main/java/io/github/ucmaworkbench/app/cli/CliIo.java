package io.github.ucmaworkbench.app.cli;

import io.github.ucmaworkbench.common.SuppressForbidden;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.Objects;

/**
 * Where a command reads and writes. The real launcher passes System's streams; tests pass
 * their own, so every sub-command runs in-process and its output can be checked.
 */
public record CliIo(PrintStream out, PrintStream err, InputStream in) {
    public CliIo {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(err, "err");
        Objects.requireNonNull(in, "in");
    }

    /** The process's own streams. */
    @SuppressForbidden("the command line prints to the console by design")
    public static CliIo system() {
        return new CliIo(System.out, System.err, System.in);
    }
}
