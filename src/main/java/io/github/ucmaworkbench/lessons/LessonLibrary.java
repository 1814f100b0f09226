package io.github.ucmaworkbench.lessons;

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
 * Every lesson in the lessons folder, and every file that could not be read. One bad file does not
 * stop the others: its {@link LessonFormatException} (file and line) lands in {@link #problems()}.
 *
 * <p>{@link #load()} looks in the folder named by the system property {@value #DIRECTORY_PROPERTY},
 * else {@code ./lessons} under the working directory (running from the repository), else the copy
 * the build puts on the classpath (running from the jar).
 */
public final class LessonLibrary {
    /** System property naming the lessons folder (tests, authors trying a draft). */
    public static final String DIRECTORY_PROPERTY = "ucma.workbench.lessons.dir";
    /** The classpath folder the build copies {@code lessons/} into. */
    public static final String RESOURCE_FOLDER = "lessons";

    private final List<Lesson> lessons;
    private final List<LessonFormatException> problems;
    private final String origin;

    private LessonLibrary(List<Lesson> lessons, List<LessonFormatException> problems, String origin) {
        this.lessons = List.copyOf(lessons);
        this.problems = List.copyOf(problems);
        this.origin = origin;
    }

    /** Lessons from the property's folder, {@code ./lessons}, or the classpath, in that order. */
    public static LessonLibrary load() throws IOException {
        String property = System.getProperty(DIRECTORY_PROPERTY);
        if (property != null && !property.isBlank()) {
            return load(Path.of(property));
        }
        Path local = Path.of("lessons");
        if (Files.isDirectory(local) && hasLessons(local)) {
            return load(local);
        }
        return fromClasspath();
    }

    /**
     * Like {@link #load()}, but never throws: a window opens anyway and shows why there are no
     * lessons in {@link #problems()}.
     */
    public static LessonLibrary loadOrReport() {
        try {
            return load();
        } catch (IOException | RuntimeException e) {
            return new LessonLibrary(List.of(), List.of(new LessonFormatException(RESOURCE_FOLDER, 1,
                    "the lessons could not be loaded: " + e.getMessage())), "nowhere");
        }
    }

    /** Lessons from {@code folder}, checking regions against the tutorial sources on the classpath. */
    public static LessonLibrary load(Path folder) throws IOException {
        return load(folder, new LessonParser(new CodeRegions()::exists), folder.toAbsolutePath().normalize().toString());
    }

    /** The copy of the lessons the build puts on the classpath. */
    public static LessonLibrary fromClasspath() throws IOException {
        URL url = LessonLibrary.class.getClassLoader().getResource(RESOURCE_FOLDER);
        if (url == null) {
            throw new IOException("no lessons folder: neither ./lessons nor '" + RESOURCE_FOLDER + "' on the classpath");
        }
        URI uri;
        try {
            uri = url.toURI();
        } catch (URISyntaxException e) {
            throw new IOException("bad lessons location " + url, e);
        }
        LessonParser parser = new LessonParser(new CodeRegions()::exists);
        if ("jar".equals(uri.getScheme())) {
            return fromJar(uri, parser, url.toString());
        }
        return load(Path.of(uri), parser, url.toString());
    }

    /** Lessons from {@code folder}, a folder inside a jar ({@code jar:file:...!/lessons}). */
    static LessonLibrary fromJar(URI folder, LessonParser parser, String origin) throws IOException {
        Map<String, String> texts = new TreeMap<>(JarFolders.files(folder));
        texts.keySet().removeIf(name -> !isLessonFile(name));
        return parse(texts, new ArrayList<>(), parser, origin);
    }

    static LessonLibrary load(Path folder, LessonParser parser, String origin) throws IOException {
        Map<String, String> texts = new TreeMap<>();
        List<LessonFormatException> problems = new ArrayList<>();
        for (Path file : lessonFiles(folder)) {
            String name = String.valueOf(file.getFileName());
            try {
                texts.put(name, Files.readString(file, StandardCharsets.UTF_8));
            } catch (IOException e) {
                problems.add(new LessonFormatException(name, 1, "cannot be read: " + e.getMessage()));
            }
        }
        return parse(texts, problems, parser, origin);
    }

    private static LessonLibrary parse(Map<String, String> texts, List<LessonFormatException> problems,
            LessonParser parser, String origin) {
        List<Lesson> lessons = new ArrayList<>();
        for (Map.Entry<String, String> file : texts.entrySet()) {
            try {
                lessons.add(parser.parse(file.getKey(), file.getValue()));
            } catch (LessonFormatException e) {
                problems.add(e);
            }
        }
        lessons.sort(Comparator.comparingInt(Lesson::part).thenComparing(Lesson::file));
        return new LessonLibrary(lessons, problems, origin);
    }

    private static boolean isLessonFile(String name) {
        return name.endsWith(".md") && !name.equalsIgnoreCase("README.md");
    }

    private static boolean hasLessons(Path folder) throws IOException {
        return !lessonFiles(folder).isEmpty();
    }

    private static List<Path> lessonFiles(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> isLessonFile(p.getFileName().toString()))
                    .sorted(Comparator.comparing(p -> p.getFileName().toString()))
                    .toList();
        }
    }

    /** The lessons that loaded, by part. */
    public List<Lesson> lessons() {
        return lessons;
    }

    /** The files that did not load, each with its file and line. */
    public List<LessonFormatException> problems() {
        return problems;
    }

    /** Where the lessons came from (a folder or a classpath URL), for messages. */
    public String origin() {
        return origin;
    }

    public Optional<Lesson> byPart(int part) {
        return lessons.stream().filter(l -> l.part() == part).findFirst();
    }

    public Optional<Lesson> byId(String id) {
        return lessons.stream().filter(l -> l.id().equals(id)).findFirst();
    }
}
