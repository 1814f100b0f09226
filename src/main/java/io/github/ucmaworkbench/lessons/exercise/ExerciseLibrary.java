package io.github.ucmaworkbench.lessons.exercise;

import io.github.ucmaworkbench.lessons.JarFolders;
import io.github.ucmaworkbench.lessons.LessonFormatException;
import io.github.ucmaworkbench.lessons.LessonLibrary;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Every exercise in {@code lessons/exercises/}, found the way lessons are: the folder named by
 * {@value #DIRECTORY_PROPERTY}, else {@code ./lessons/exercises}, else the copy in the jar. A file
 * that does not load is in {@link #problems()}; the others still load.
 */
public final class ExerciseLibrary {
    public static final String DIRECTORY_PROPERTY = "ucma.workbench.exercises.dir";
    static final String FOLDER = "exercises";

    private final List<Exercise> exercises;
    private final List<LessonFormatException> problems;

    private ExerciseLibrary(List<Exercise> exercises, List<LessonFormatException> problems) {
        this.exercises = List.copyOf(exercises);
        this.problems = List.copyOf(problems);
    }

    public static ExerciseLibrary load() throws IOException {
        String property = System.getProperty(DIRECTORY_PROPERTY);
        if (property != null && !property.isBlank()) {
            return load(Path.of(property));
        }
        String lessons = System.getProperty(LessonLibrary.DIRECTORY_PROPERTY);
        Path local = lessons != null && !lessons.isBlank() ? Path.of(lessons, FOLDER) : Path.of("lessons", FOLDER);
        if (Files.isDirectory(local)) {
            return load(local);
        }
        URL url = ExerciseLibrary.class.getClassLoader().getResource(LessonLibrary.RESOURCE_FOLDER + "/" + FOLDER);
        if (url == null) {
            throw new IOException("no exercises: neither ./lessons/exercises nor the copy in the jar");
        }
        URI uri;
        try {
            uri = url.toURI();
        } catch (URISyntaxException e) {
            throw new IOException("bad exercises location " + url, e);
        }
        if (!"jar".equals(uri.getScheme())) {
            return load(Path.of(uri));
        }
        return fromJar(uri);
    }

    /** Exercises from {@code folder}, a folder inside a jar ({@code jar:file:...!/lessons/exercises}). */
    public static ExerciseLibrary fromJar(URI folder) throws IOException {
        Map<String, String> texts = new TreeMap<>(JarFolders.files(folder));
        texts.keySet().removeIf(name -> !name.endsWith(".md"));
        return parse(texts);
    }

    /** Never throws: the window opens anyway, showing why there is no homework. */
    public static ExerciseLibrary loadOrReport() {
        try {
            return load();
        } catch (IOException | RuntimeException e) {
            return new ExerciseLibrary(List.of(), List.of(new LessonFormatException(FOLDER, 1, "could not be loaded: " + e.getMessage())));
        }
    }

    public static ExerciseLibrary load(Path folder) throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(folder)) {
            files = list.filter(p -> p.getFileName().toString().endsWith(".md")).toList();
        }
        Map<String, String> texts = new TreeMap<>();
        for (Path file : files) {
            texts.put(String.valueOf(file.getFileName()), Files.readString(file, StandardCharsets.UTF_8));
        }
        return parse(texts);
    }

    private static ExerciseLibrary parse(Map<String, String> texts) {
        ExerciseParser parser = new ExerciseParser();
        List<Exercise> exercises = new ArrayList<>();
        List<LessonFormatException> problems = new ArrayList<>();
        for (Map.Entry<String, String> file : texts.entrySet()) {
            String name = file.getKey();
            try {
                Exercise exercise = parser.parse(name, file.getValue());
                if (exercises.stream().anyMatch(e -> e.id().equals(exercise.id()))) {
                    problems.add(new LessonFormatException(name, 2, "a second exercise with id '" + exercise.id() + "'"));
                } else {
                    exercises.add(exercise);
                }
            } catch (LessonFormatException e) {
                problems.add(e);
            }
        }
        exercises.sort(Comparator.comparingInt(Exercise::part).thenComparing(Exercise::file));
        return new ExerciseLibrary(exercises, problems);
    }

    public List<Exercise> exercises() {
        return exercises;
    }

    public List<LessonFormatException> problems() {
        return problems;
    }

    public Optional<Exercise> byId(String id) {
        return exercises.stream().filter(e -> e.id().equals(id)).findFirst();
    }

    /** The exercises of one part of the series, for its lesson. */
    public List<Exercise> forPart(int part) {
        return exercises.stream().filter(e -> e.part() == part).toList();
    }
}
