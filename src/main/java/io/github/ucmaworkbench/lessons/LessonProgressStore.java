package io.github.ucmaworkbench.lessons;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.github.ucmaworkbench.common.ConfigFolder;
import io.github.ucmaworkbench.common.DaemonThreads;
import io.github.ucmaworkbench.common.OwnerOnlyFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Remembers each lesson's {@link LessonProgress} between runs in a small JSON file,
 * {@value #FILE_NAME} in the {@link ConfigFolder}.
 *
 * <p>Reads are from memory; writes go to the file on the store's own thread (a window may update
 * from its event thread), atomically, so a crash never leaves half a file. An unreadable file is
 * logged and treated as empty: losing progress marks must not stop the lessons.
 */
public final class LessonProgressStore implements AutoCloseable {
    public static final String CONFIG_DIR_PROPERTY = ConfigFolder.PROPERTY;
    public static final String FILE_NAME = "lesson-progress.json";
    private static final Logger LOG = LoggerFactory.getLogger(LessonProgressStore.class);

    /** Made on first use: Jackson's set-up need not be part of a first start, which has no file yet. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    }

    private final Path file;
    private final Map<String, LessonProgress> progress = new TreeMap<>();
    private final ExecutorService writer = Executors.newSingleThreadExecutor(DaemonThreads.named("lesson-progress"));

    public LessonProgressStore(Path file) {
        this.file = file;
        if (Files.exists(file)) {
            try {
                Map<String, Stored> stored = Json.MAPPER.readValue(file.toFile(), new TypeReference<Map<String, Stored>>() { });
                stored.forEach((id, s) -> progress.put(id, s.toProgress()));
            } catch (IOException | RuntimeException e) {
                LOG.warn("ignoring unreadable lesson progress in {}: {}", file, e.getMessage());
            }
        }
    }

    /** The store in the default config folder. */
    public static LessonProgressStore openDefault() {
        return new LessonProgressStore(configDirectory().resolve(FILE_NAME));
    }

    /** The workbench's config folder (not created here). */
    public static Path configDirectory() {
        return ConfigFolder.path();
    }

    public Path file() {
        return file;
    }

    public synchronized LessonProgress get(String lessonId) {
        return progress.getOrDefault(lessonId, LessonProgress.NONE);
    }

    /** Replaces a lesson's progress and writes the file in the background. */
    public synchronized void put(String lessonId, LessonProgress next) {
        progress.put(lessonId, next);
        Map<String, Stored> snapshot = new TreeMap<>();
        progress.forEach((id, p) -> snapshot.put(id, Stored.of(p)));
        writer.execute(() -> write(snapshot));
    }

    /** Waits until every write asked for so far is on disk (tests, shutdown). */
    public void flush() throws InterruptedException {
        Future<?> done = writer.submit(() -> { });
        try {
            done.get(5, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("lesson progress not flushed: {}", e.toString());
        }
    }

    private void write(Map<String, Stored> snapshot) {
        try {
            OwnerOnlyFiles.replace(file, out -> Json.MAPPER.writeValue(out, snapshot));
        } catch (IOException e) {
            LOG.warn("could not save lesson progress to {}: {}", file, e.getMessage());
        }
    }

    /** Writes what is pending, then stops the writer thread. */
    @Override
    public void close() {
        try {
            flush();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        writer.shutdown();
    }

    /** The JSON shape: {@code {"step": 2, "steps": {"listen": "PASSED"}}}. */
    record Stored(int step, Map<String, StepStatus> steps) {
        static Stored of(LessonProgress p) {
            return new Stored(p.currentStep(), new LinkedHashMap<>(p.statuses()));
        }

        LessonProgress toProgress() {
            Map<String, StepStatus> statuses = new LinkedHashMap<>();
            if (steps != null) {
                steps.forEach((id, status) -> {
                    if (status == StepStatus.PASSED || status == StepStatus.FAILED) {
                        statuses.put(id, status);
                    }
                });
            }
            return new LessonProgress(Math.max(0, step), statuses);
        }
    }
}
