package io.github.ucmaworkbench.lessons;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Reads the files of a folder inside the application's jar. The window needs two folders of one
 * tree at start (lessons, and homework under them, on two threads); the whole tree is read once
 * per process and kept, as the jar does not change while the process runs.
 *
 * <p>Why not the jar's zip file system: opening one indexes all of the jar's ~13,000 entries
 * again and loads the zipfs module's classes, once per reader (issue 14's cold start); and a
 * second {@code newFileSystem} on the same jar shares the first, which its opener then closes
 * under the other reader ("the lessons could not be loaded: null"). A {@link JarFile} on the same
 * file shares the directory the class loader already parsed ({@code ZipFile}'s sources are kept
 * per file), so listing costs a walk over that directory and nothing is opened twice.
 */
public final class JarFolders {
    /** Tree (jar and top folder) → entry name → text. */
    private static final Map<String, Map<String, String>> TREES = new HashMap<>();

    private JarFolders() {
    }

    /**
     * The files directly in {@code folder}, a {@code jar:file:...!/top/sub} URI as the class
     * loader gives for a folder resource: file name → UTF-8 text, by name.
     */
    public static SortedMap<String, String> files(URI folder) throws IOException {
        String raw = folder.getRawSchemeSpecificPart();
        int bang = raw.indexOf("!/");
        if (!"jar".equals(folder.getScheme()) || bang < 0) {
            throw new IOException("not a folder inside a jar: " + folder);
        }
        Path jar;
        try {
            jar = Path.of(URI.create(raw.substring(0, bang)));
        } catch (IllegalArgumentException e) {
            throw new IOException("not a jar on this machine: " + folder, e);
        }
        String inside = URI.create(raw.substring(bang + 1)).getPath().substring(1); // "top/sub", decoded
        String prefix = inside.endsWith("/") ? inside : inside + "/";
        String top = prefix.substring(0, prefix.indexOf('/') + 1);
        SortedMap<String, String> files = new TreeMap<>();
        for (Map.Entry<String, String> entry : tree(jar, top).entrySet()) {
            String name = entry.getKey();
            if (name.startsWith(prefix) && name.indexOf('/', prefix.length()) < 0) {
                files.put(name.substring(prefix.length()), entry.getValue());
            }
        }
        return files;
    }

    /** Every file under {@code top} (ending in '/'), read on the first call; a second reader waits for the first. */
    private static synchronized Map<String, String> tree(Path jar, String top) throws IOException {
        String key = jar.toAbsolutePath().normalize() + "!/" + top;
        Map<String, String> tree = TREES.get(key);
        if (tree != null) {
            return tree;
        }
        tree = new HashMap<>();
        // Not verified: the workbench's jar is not signed, and lessons are data, not code.
        try (JarFile file = new JarFile(jar.toFile(), false)) {
            for (Enumeration<JarEntry> entries = file.entries(); entries.hasMoreElements();) {
                JarEntry entry = entries.nextElement();
                if (!entry.isDirectory() && entry.getName().startsWith(top)) {
                    try (InputStream in = file.getInputStream(entry)) {
                        tree.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
                    }
                }
            }
        }
        tree = Collections.unmodifiableMap(tree);
        TREES.put(key, tree);
        return tree;
    }
}
