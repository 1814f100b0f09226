package io.github.ucmaworkbench.lessons;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.ucmaworkbench.lessons.exercise.ExerciseLibrary;
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
 * Folders of one jar read at once, as the window reads lessons and homework on two threads: both
 * get every file, every time, and the repository's real lessons and homework load from a jar as
 * they do from the folder.
 */
class JarFoldersTest {
    @TempDir
    Path temp;

    @Test
    void twoThreadsReadingFoldersOfOneJarAtOnceBothGetEveryFile() throws Exception {
        Path jar = temp.resolve("app.jar");
        try (OutputStream out = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (int i = 0; i < 200; i++) {
                put(zip, "lessons/" + i + ".md", "lesson " + i);
                put(zip, "lessons/exercises/" + i + ".md", "exercise " + i);
                put(zip, "other/" + i + ".md", "not a lesson");
            }
        }
        URI jarUri = URI.create("jar:" + jar.toUri());
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<List<String>>> reads = new ArrayList<>();
            for (int round = 0; round < 40; round++) {
                reads.add(pool.submit(reading(URI.create(jarUri + "!/lessons"))));
                reads.add(pool.submit(reading(URI.create(jarUri + "!/lessons/exercises/"))));
            }
            for (int i = 0; i < reads.size(); i++) {
                String kind = i % 2 == 0 ? "lesson " : "exercise ";
                assertThat(reads.get(i).get()).hasSize(200).allMatch(text -> text.startsWith(kind));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theRepositorysLessonsAndHomeworkLoadFromAJarAsFromTheFolder() throws Exception {
        Path lessons = Path.of("lessons");
        Path jar = temp.resolve("ucma workbench.jar"); // a space: the URI's escapes are decoded
        try (OutputStream out = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(out);
                Stream<Path> files = Files.walk(lessons)) {
            // the real jar's other ~13,000 entries: classes the lessons' walk must pass over
            for (int i = 0; i < 2_000; i++) {
                put(zip, "io/example/Filler" + i + ".class", "x");
            }
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                put(zip, "lessons/" + lessons.relativize(file).toString().replace('\\', '/'), Files.readString(file));
            }
        }
        URI folder = URI.create("jar:" + jar.toUri() + "!/lessons");
        LessonParser parser = new LessonParser(new CodeRegions()::exists);

        LessonLibrary fromJar = LessonLibrary.fromJar(folder, parser, "jar");
        LessonLibrary fromFolder = LessonLibrary.load(lessons);
        assertThat(fromJar.problems()).isEmpty();
        assertThat(fromJar.lessons()).hasSize(fromFolder.lessons().size()).hasSizeGreaterThanOrEqualTo(11);
        assertThat(fromJar.lessons()).extracting(Lesson::id)
                .containsExactlyElementsOf(fromFolder.lessons().stream().map(Lesson::id).toList());

        ExerciseLibrary homework = ExerciseLibrary.fromJar(URI.create(folder + "/exercises"));
        ExerciseLibrary homeworkFromFolder = ExerciseLibrary.load(lessons.resolve("exercises"));
        assertThat(homework.problems()).isEmpty();
        assertThat(homework.exercises()).isNotEmpty().hasSize(homeworkFromFolder.exercises().size());
        assertThat(homework.byId("require-student-id")).isPresent();
    }

    @Test
    void aUriThatIsNotInsideAJarIsAnIoProblem() {
        assertThatThrownBy(() -> JarFolders.files(temp.toUri())).isInstanceOf(IOException.class)
                .hasMessageContaining("not a folder inside a jar");
    }

    private static void put(ZipOutputStream zip, String name, String text) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(text.getBytes(StandardCharsets.UTF_8));
    }

    private static Callable<List<String>> reading(URI folder) {
        return () -> new ArrayList<>(JarFolders.files(folder).values());
    }
}
