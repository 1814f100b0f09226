package io.github.ucmaworkbench.lessons;

import java.io.IOException;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.Map;

/** Reads a folder inside the application's jar through the jar's zip file system, one reader at a time. */
public final class JarFolders {
    /** What to do with the folder while the file system is open. */
    public interface Reader<T> {
        T read(Path folder) throws IOException;
    }

    private JarFolders() {
    }

    /**
     * There is one zip file system per jar and process: a second {@code newFileSystem} gets
     * {@link FileSystemAlreadyExistsException} and shares the first, which its opener then closes
     * under the second reader's feet ({@code ClosedFileSystemException}, whose message is null).
     * The window reads lessons and homework on two threads at once, and so started with "the
     * lessons could not be loaded: null" more often than not. Serialized, each reader opens and
     * closes its own.
     */
    public static synchronized <T> T read(URI jar, String first, String[] more, Reader<T> reader) throws IOException {
        FileSystem files;
        boolean opened = false;
        try {
            files = FileSystems.newFileSystem(jar, Map.of());
            opened = true;
        } catch (FileSystemAlreadyExistsException e) {
            files = FileSystems.getFileSystem(jar);
        }
        try {
            return reader.read(files.getPath(first, more));
        } finally {
            if (opened) {
                files.close();
            }
        }
    }
}
