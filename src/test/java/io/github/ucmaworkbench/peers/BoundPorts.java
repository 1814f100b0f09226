package io.github.ucmaworkbench.peers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.locks.LockSupport;

/**
 * Tells when a peer process has bound its port, by reading the kernel's socket tables
 * ({@code /proc/net/udp}, {@code /proc/net/tcp}). A probe that binds or connects would disturb
 * the peer (it could steal the port, or SIPp's single-socket TCP mode could take a probe
 * connection for its caller); reading the table cannot.
 */
final class BoundPorts {
    private static final Path PROC_NET = Path.of("/proc/net");

    private BoundPorts() {
    }

    /** True when the kernel tables are readable here (Linux); elsewhere callers fall back to retries. */
    static boolean supported() {
        return Files.isReadable(PROC_NET.resolve("udp"));
    }

    /**
     * Waits until {@code port} is bound for {@code transport} ("udp": any socket; "tcp": a
     * listening socket), polling every 20 ms, or until {@code process} dies or {@code limit} passes.
     *
     * @return true when bound; false on timeout or when the process ended
     */
    static boolean awaitBound(int port, String transport, Process process, Duration limit) {
        if (!supported()) {
            return process.isAlive();
        }
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (isBound(port, transport)) {
                return true;
            }
            if (process != null && !process.isAlive()) {
                return false;
            }
            // A short park between two reads of a kernel table: polling, not waiting for an outcome.
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
        return false;
    }

    static boolean isBound(int port, String transport) {
        boolean tcp = "tcp".equals(transport.toLowerCase(Locale.ROOT));
        String base = tcp ? "tcp" : "udp";
        for (String table : List.of(base, base + "6")) {
            if (tableHasPort(PROC_NET.resolve(table), port, tcp)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Lines look like {@code "  0: 0100007F:13C4 00000000:0000 0A ..."}: local address:port in
     * hex, remote, then the state (0A = LISTEN for TCP).
     */
    private static boolean tableHasPort(Path table, int port, boolean mustListen) {
        List<String> lines;
        try {
            lines = Files.readAllLines(table);
        } catch (IOException e) {
            return false;
        }
        String wanted = String.format(Locale.ROOT, ":%04X", port);
        for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
            String[] fields = line.trim().split("\\s+");
            if (fields.length < 4 || !fields[1].endsWith(wanted)) {
                continue;
            }
            if (!mustListen || "0A".equals(fields[3])) {
                return true;
            }
        }
        return false;
    }
}
