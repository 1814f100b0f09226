package io.github.ucmaworkbench.app.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether the process's standard input is a terminal someone types into. A server started with
 * {@code &}, nohup, systemd or in a container without a terminal has /dev/null, a pipe or a
 * closed stdin whose end means nothing; and reading the terminal from a background job would
 * stop the whole JVM with SIGTTIN. So only a terminal in the foreground counts.
 */
final class InteractiveInput {
    private static final Path STDIN = Path.of("/proc/self/fd/0");
    private static final Path STAT = Path.of("/proc/self/stat");

    private InteractiveInput() {
    }

    static boolean isInteractive() {
        if (!Files.isReadable(STAT)) {
            // Not Linux: the JDK's own test (stdin and stdout are terminals) is the best we have.
            return System.console() != null;
        }
        try {
            return isTerminalDevice(Files.readSymbolicLink(STDIN).toString()) && inForeground(Files.readString(STAT));
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    static boolean isTerminalDevice(String path) {
        return path.startsWith("/dev/pts/") || path.startsWith("/dev/tty") || path.equals("/dev/console");
    }

    /**
     * From a proc(5) stat line: our process group is the terminal's foreground group. The command
     * name (in parentheses) may hold spaces, so fields are counted after its closing parenthesis:
     * state, ppid, pgrp, session, tty_nr, tpgid.
     */
    static boolean inForeground(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
        int pgrp = Integer.parseInt(fields[2]);
        int tpgid = Integer.parseInt(fields[5]);
        return tpgid > 0 && pgrp == tpgid;
    }
}
