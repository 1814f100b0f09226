package io.github.ucmaworkbench.lessons.exercise;

import io.github.ucmaworkbench.rtc.SipTransportType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

/** The reference solutions and broken files: they live only in the test tree. */
final class Solutions {
    /** Short enough that a failing starter does not keep the build waiting long. */
    static final ExerciseChecker.Options FAST =
            new ExerciseChecker.Options(Duration.ofSeconds(2), Duration.ofSeconds(5), SipTransportType.TCP);

    private Solutions() {
    }

    static ExerciseLibrary library() {
        try {
            return ExerciseLibrary.load(Path.of("lessons", "exercises"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Exercise exercise(String id) {
        return library().byId(id).orElseThrow(() -> new AssertionError("no exercise " + id));
    }

    static Stream<String> ids() {
        return library().exercises().stream().map(Exercise::id);
    }

    static String reference(String id) {
        return resource("/exercises/solutions/" + id + ".java");
    }

    static String broken(String name) {
        return resource("/exercises/broken/" + name + ".java");
    }

    private static String resource(String path) {
        try (InputStream in = Solutions.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new AssertionError("missing test resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
