package io.github.ucmaworkbench.lessons;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two folders of one jar read at once, as the window reads lessons and homework on two threads:
 * neither may find the jar's file system closed under it by the other.
 */
class JarFoldersTest {
    @TempDir
    Path temp;

    @Test
    void twoThreadsReadingFoldersOfOneJarAtOnceBothSucceedEveryTime() throws Exception {
        Path jar = temp.resolve("app.jar");
        try (OutputStream out = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (int i = 0; i < 200; i++) {
                zip.putNextEntry(new ZipEntry("lessons/" + i + ".md"));
                zip.write(("lesson " + i).getBytes(StandardCharsets.UTF_8));
                zip.putNextEntry(new ZipEntry("lessons/exercises/" + i + ".md"));
                zip.write(("exercise " + i).getBytes(StandardCharsets.UTF_8));
            }
        }
        URI uri = URI.create("jar:" + jar.toUri());
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> reads = new ArrayList<>();
            for (int round = 0; round < 40; round++) {
                reads.add(pool.submit(reading(uri, "/lessons", new String[0])));
                reads.add(pool.submit(reading(uri, "/lessons", new String[] {"exercises"})));
            }
            for (Future<Integer> read : reads) {
                assertThat(read.get()).isEqualTo(200); // a closed file system would throw here
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static Callable<Integer> reading(URI uri, String first, String[] more) {
        return () -> JarFolders.read(uri, first, more, folder -> {
            int read = 0;
            try (Stream<Path> files = Files.list(folder)) {
                for (Path file : files.filter(p -> p.toString().endsWith(".md")).toList()) {
                    if (!Files.readString(file, StandardCharsets.UTF_8).isEmpty()) {
                        read++;
                    }
                }
            }
            return read;
        });
    }
}
