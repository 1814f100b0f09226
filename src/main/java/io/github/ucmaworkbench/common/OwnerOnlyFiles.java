package io.github.ucmaworkbench.common;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Replaces a file in one move, readable by its owner only from the first byte: a crash mid-write
 * leaves the previous file, and a password or private key is never readable by others, not even
 * for a moment. Used for settings, lesson progress and the TLS keystore.
 */
public final class OwnerOnlyFiles {

    /** What goes into the file; may throw its own checked exception (a keystore's, say). */
    @FunctionalInterface
    public interface Content<E extends Exception> {
        void writeTo(OutputStream out) throws IOException, E;
    }

    private OwnerOnlyFiles() {
    }

    /** Writes {@code content} to a temporary file beside {@code target}, then moves it over {@code target}. */
    public static <E extends Exception> void replace(Path target, Content<E> content) throws IOException, E {
        Path absolute = target.toAbsolutePath();
        Path folder = absolute.getParent();
        if (folder == null) {
            throw new IOException(target + " is not a file in a folder");
        }
        Files.createDirectories(folder);
        Path temp = Files.createTempFile(folder, String.valueOf(absolute.getFileName()), ".tmp");
        try {
            ownerOnly(temp);
            try (OutputStream out = Files.newOutputStream(temp)) {
                content.writeTo(out);
            }
            try {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** {@link #replace} for bytes already in hand. */
    public static void replace(Path target, byte[] bytes) throws IOException {
        replace(target, out -> out.write(bytes));
    }

    private static void ownerOnly(Path path) {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException | IOException e) {
            // Not a POSIX file system (Windows): the user's profile folder is private already.
        }
    }
}
