package io.github.ucmaworkbench.app;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.github.ucmaworkbench.common.ConfigFolder;
import io.github.ucmaworkbench.common.OwnerOnlyFiles;
import io.github.ucmaworkbench.settings.SettingsSaver;
import io.github.ucmaworkbench.settings.WorkbenchSettings;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads and writes {@code settings.json} in the user's config directory. Writing goes to a
 * temporary file in the same directory which then replaces the old file in one move, so a crash
 * mid-write leaves the previous settings intact. Reading never throws: a missing file gives the
 * defaults, a broken one gives the defaults and one sentence saying what happened.
 */
public final class SettingsStore implements SettingsSaver {
    /** System property naming the directory to use instead of the user's config directory. */
    public static final String DIRECTORY_PROPERTY = ConfigFolder.PROPERTY;
    public static final String FILE_NAME = "settings.json";

    private final Path directory;

    /**
     * Made on first use: setting up Jackson is some 370 classes, which a first start (no
     * settings.json yet) need not load before its window (BENCHMARKS.md, cold start).
     */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper()
                .enable(SerializationFeature.INDENT_OUTPUT)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /** What {@link #load()} found. */
    public record Loaded(WorkbenchSettings settings, String problem) {
        /** True when the file could not be used and the defaults stand in (then {@code problem} says why). */
        public boolean usedDefaultsBecauseOfProblem() {
            return problem != null;
        }
    }

    public SettingsStore(Path directory) {
        this.directory = directory;
    }

    /** The store in {@link #defaultDirectory()}. */
    public static SettingsStore inDefaultDirectory() {
        return new SettingsStore(defaultDirectory());
    }

    /** The workbench's {@link ConfigFolder}. */
    public static Path defaultDirectory() {
        return ConfigFolder.path();
    }

    @Override
    public String location() {
        return file().toString();
    }

    public Path file() {
        return directory.resolve(FILE_NAME);
    }

    /** The saved settings, or the defaults (with the reason when the file was there but unusable). */
    public Loaded load() {
        Path file = file();
        WorkbenchSettings read;
        try {
            byte[] json = Files.readAllBytes(file);
            read = Json.MAPPER.readValue(json, WorkbenchSettings.class);
        } catch (NoSuchFileException e) {
            return new Loaded(WorkbenchSettings.defaults(), null);
        } catch (JacksonException e) {
            return unusable(file, "it is not valid settings JSON (" + firstLine(e.getOriginalMessage()) + ")");
        } catch (IOException e) {
            return unusable(file, "it could not be read (" + describe(e) + ")");
        }
        if (read == null) {
            return unusable(file, "it is empty");
        }
        if (read.version() > WorkbenchSettings.CURRENT_VERSION) {
            return unusable(file, "it was written by a newer version (format " + read.version() + ")");
        }
        WorkbenchSettings completed = read.withMissingFromDefaults();
        String problem = completed.firstProblem();
        if (problem != null) {
            return unusable(file, "it holds a value that cannot be used: " + problem);
        }
        return new Loaded(completed, null);
    }

    /** Writes the settings atomically and owner-only (the file may hold a digest password); the directory is created when missing. */
    @Override
    public void save(WorkbenchSettings settings) throws IOException {
        OwnerOnlyFiles.replace(file(), Json.MAPPER.writeValueAsBytes(settings));
    }

    private static Loaded unusable(Path file, String why) {
        return new Loaded(WorkbenchSettings.defaults(),
                "Settings file " + file + " was not used because " + why + "; starting with the default settings.");
    }

    private static String describe(IOException e) {
        if (e instanceof FileSystemException fse && fse.getReason() != null) {
            return fse.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "unknown error";
        }
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}
