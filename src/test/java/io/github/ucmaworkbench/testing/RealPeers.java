package io.github.ucmaworkbench.testing;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds real peer programs (SIPp, Kamailio, softphones) for tests that talk to them. A missing peer skips
 * the test loudly on a developer machine, and fails it in CI ({@code CI=true}), where {@code .ci/run}
 * installs every peer: a silently skipped interop test is worse than none.
 */
public final class RealPeers {
    private static final Logger LOG = LoggerFactory.getLogger(RealPeers.class);

    private RealPeers() {
    }

    /** True when the environment says we run in CI. */
    public static boolean inCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    /**
     * The path of an executable on {@code PATH} (or in /usr/sbin, /usr/bin); when absent, skips the
     * calling test (locally) or fails it (CI).
     */
    public static Path requireBinary(String name) {
        Path found = findBinary(name);
        if (found != null) {
            return found;
        }
        String message = "real peer '" + name + "' is not installed (Debian: "
                + debianPackageOf(name) + "); " + (inCi() ? "CI=true, so this is a failure"
                : "skipping this test — install it to run it");
        if (inCi()) {
            Assertions.fail(message);
        }
        LOG.warn("!!! {}", message);
        Assumptions.abort(message);
        return null; // unreachable
    }

    /** The executable's path, or null. */
    public static Path findBinary(String name) {
        String path = System.getenv().getOrDefault("PATH", "") + File.pathSeparator + "/usr/sbin" + File.pathSeparator + "/usr/bin";
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private static String debianPackageOf(String name) {
        return switch (name) {
            case "sipp" -> "sip-tester";
            case "kamailio" -> "kamailio";
            case "linphonec" -> "linphone-cli";
            case "baresip" -> "baresip-core";
            default -> name;
        };
    }
}
