package io.github.ucmaworkbench.settings;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The registrar's users file: one {@code name=password} per line; blank lines and lines starting
 * with {@code #} are ignored; spaces around the name are trimmed, the password is taken as written
 * (to the end of the line). Shared by the CLI ({@code registrar --users FILE}) and the GUI's
 * settings, so both accept exactly the same files and report problems the same way, as
 * {@code file:line: reason}. Error messages never quote a password.
 */
public final class UsersFile {
    private UsersFile() {
    }

    /** A users file that cannot be used; the message names the file and, where it applies, the line. */
    public static final class Problem extends Exception {
        public Problem(String message) {
            super(message);
        }
    }

    /**
     * Reads {@code file}.
     *
     * @return user name to password, in file order, never empty
     * @throws Problem when the file cannot be read, a line is not {@code name=password}, a name is
     *                 repeated, or it names no user
     */
    public static Map<String, String> load(Path file) throws Problem {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            throw new Problem(file + ": not a UTF-8 text file");
        } catch (NoSuchFileException e) {
            throw new Problem(file + ": no such file");
        } catch (AccessDeniedException e) {
            throw new Problem(file + ": not readable (permission denied)");
        } catch (IOException e) {
            throw new Problem(file + ": cannot be read (" + e.getMessage() + ")");
        }
        return parse(file.toString(), lines);
    }

    /** Parses the lines of a users file; {@code source} names it in messages. */
    public static Map<String, String> parse(String source, List<String> lines) throws Problem {
        Map<String, String> users = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            String where = source + ":" + (i + 1) + ": ";
            int eq = line.indexOf('=');
            if (eq < 0) {
                throw new Problem(where + "expected name=password");
            }
            String name = line.substring(0, eq).strip();
            String password = line.substring(eq + 1);
            if (name.isEmpty()) {
                throw new Problem(where + "the user name is empty");
            }
            if (name.chars().anyMatch(c -> Character.isWhitespace(c) || c == '@' || c == ':')) {
                throw new Problem(where + "user name '" + name + "' must not contain spaces, '@' or ':'");
            }
            if (password.isEmpty()) {
                throw new Problem(where + "user " + name + " has an empty password");
            }
            if (users.putIfAbsent(name, password) != null) {
                throw new Problem(where + "user " + name + " is listed twice");
            }
        }
        if (users.isEmpty()) {
            throw new Problem(source + ": names no users (expected lines of name=password)");
        }
        return users;
    }
}
