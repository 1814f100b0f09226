package io.github.ucmaworkbench.app.cli;

/** How the long-running commands stop, in the words their --help uses (one rule, one text). */
final class StopRule {
    static final String TEXT = "Ctrl+D (end of input) also stops it, but only when stdin is a terminal in the foreground:"
            + " started with &, nohup, systemd or in a container, it runs until a signal.";
    static final String IGNORE_STDIN = "Never stop at end of input, even on a terminal; only Ctrl+C or SIGTERM stop it";

    private StopRule() {
    }
}
