package io.github.ucmaworkbench.app.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Where the digest password comes from, so it need not sit on the command line where {@code ps}
 * shows it to every user: {@code --password}, else {@code --password-file}, else the
 * {@value #ENV} environment variable. Messages name the file or the variable, never the password.
 */
final class PasswordSource {
    static final String ENV = "UCMA_PASSWORD";
    static final String PRECEDENCE = "--password, else --password-file, else $" + ENV;

    /** A password, or why there is none (a usage problem), plus an optional warning for stderr. */
    record Resolved(String password, String problem, String warning) {
        static Resolved problem(String problem) {
            return new Resolved(null, problem, null);
        }
    }

    private PasswordSource() {
    }

    /**
     * @param user   the --user name, or null (then no password may be given on the command line,
     *               and the environment's is ignored: it may be set for other tools)
     * @param env    the environment ({@code System::getenv} outside tests)
     */
    static Resolved resolve(String user, String option, Path file, UnaryOperator<String> env) {
        if (option != null && file != null) {
            return Resolved.problem("--password and --password-file: give one of them");
        }
        if (user == null) {
            return option != null || file != null
                    ? Resolved.problem((option != null ? "--password" : "--password-file") + " goes with --user")
                    : new Resolved(null, null, null);
        }
        if (option != null) {
            return new Resolved(option, null, null);
        }
        if (file != null) {
            return fromFile(file);
        }
        String fromEnv = env.apply(ENV);
        if (fromEnv != null && !fromEnv.isEmpty()) {
            return new Resolved(fromEnv, null, null);
        }
        return Resolved.problem("--user needs a password: --password-file FILE, $" + ENV + " or --password");
    }

    private static Resolved fromFile(Path file) {
        String line;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            line = reader.readLine(); // the line ends (LF or CRLF) are not part of the password
        } catch (IOException | SecurityException e) {
            return Resolved.problem("--password-file " + file + ": cannot read it (" + why(e) + ")");
        }
        if (line == null || line.isEmpty()) {
            return Resolved.problem("--password-file " + file + " is empty: put the password on its first line");
        }
        String warning = othersCanRead(file)
                ? "WARNING: --password-file " + file + " can be read by other users; chmod 600 it" : null;
        return new Resolved(line, null, warning);
    }

    private static String why(Exception e) {
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.charset.CharacterCodingException) {
            return "not UTF-8 text";
        }
        return e.getClass().getSimpleName();
    }

    static boolean othersCanRead(Path file) {
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            return permissions.contains(PosixFilePermission.GROUP_READ) || permissions.contains(PosixFilePermission.OTHERS_READ);
        } catch (IOException | UnsupportedOperationException e) {
            return false; // not POSIX (Windows ACLs): nothing we can say simply
        }
    }
}
