package io.github.ucmaworkbench.lessons.exercise;

import io.github.ucmaworkbench.lessons.LessonProgressStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A student's work on each exercise, one file per exercise in {@code homework/} under the
 * config folder (beside the lesson progress), so it survives a restart. Written atomically: a
 * crash mid-save leaves the previous version, never half a file.
 */
public final class HomeworkStore {
    private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private final Path folder;

    public HomeworkStore(Path folder) {
        this.folder = folder;
    }

    /** {@code homework/} in the workbench's config folder. */
    public static HomeworkStore openDefault() {
        return new HomeworkStore(LessonProgressStore.configDirectory().resolve("homework"));
    }

    public Path folder() {
        return folder;
    }

    /** The saved work on {@code exerciseId}, if any. */
    public Optional<String> load(String exerciseId) throws IOException {
        Path file = file(exerciseId);
        return Files.isRegularFile(file) ? Optional.of(Files.readString(file, StandardCharsets.UTF_8)) : Optional.empty();
    }

    public synchronized void save(String exerciseId, String source) throws IOException {
        Path file = file(exerciseId);
        Files.createDirectories(folder);
        Path temp = Files.createTempFile(folder, exerciseId, ".tmp");
        try {
            Files.writeString(temp, source, StandardCharsets.UTF_8);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private Path file(String exerciseId) {
        if (!ID.matcher(exerciseId).matches()) {
            throw new IllegalArgumentException("not an exercise id: " + exerciseId);
        }
        return folder.resolve(exerciseId + ".java");
    }
}
