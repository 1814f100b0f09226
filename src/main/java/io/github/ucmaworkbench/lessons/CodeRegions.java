package io.github.ucmaworkbench.lessons;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cuts the marked regions out of the real tutorial sources, so the code a lesson shows is the
 * code that runs. The build copies {@code src/main/java/.../tutorial/*.java} to the classpath
 * folder {@code tutorial-sources/} (see the pom's resources).
 */
public final class CodeRegions {
    /** Where the build puts the tutorial sources on the classpath. */
    public static final String RESOURCE_FOLDER = "tutorial-sources/";
    private static final Pattern START = Pattern.compile("\\s*//\\s*region\\s+(\\S+)\\s*");
    private static final Pattern END = Pattern.compile("\\s*//\\s*endregion\\b.*");

    private final Function<String, String> sources;
    private final Map<String, Optional<Source>> cache = new ConcurrentHashMap<>();

    /** Regions from the classpath copy of the tutorial sources. */
    public CodeRegions() {
        this(CodeRegions::fromClasspath);
    }

    /** Regions from {@code sources}: file name ({@code ServerManager.java}) → text, or null when absent. */
    public CodeRegions(Function<String, String> sources) {
        this.sources = sources;
    }

    private static String fromClasspath(String fileName) {
        try (InputStream in = CodeRegions.class.getClassLoader().getResourceAsStream(RESOURCE_FOLDER + fileName)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether {@code reference} ({@code File#name}) names a non-empty region. */
    public boolean exists(String reference) {
        return find(reference).isPresent();
    }

    /** The region {@code File#name}, or empty when the file or the region is missing or empty. */
    public Optional<CodeRegion> find(String reference) {
        int hash = reference.indexOf('#');
        if (hash <= 0) {
            return Optional.empty();
        }
        String fileName = reference.substring(0, hash) + ".java";
        String name = reference.substring(hash + 1);
        Optional<Source> source = cache.computeIfAbsent(fileName, f -> Optional.ofNullable(sources.apply(f)).map(Source::new));
        return source.flatMap(file -> file.cut(reference, fileName, name));
    }

    /**
     * A source file split into lines once, with where each region starts: a lesson library checks
     * every step's references while it loads, and splitting the file again for each one took over
     * a third of the loaders' CPU in a cold start.
     */
    private static final class Source {
        private final String text;
        private final String[] lines;
        private final Map<String, Integer> starts = new HashMap<>(); // filled before the Source is shared

        Source(String text) {
            this.text = text;
            this.lines = text.replace("\r\n", "\n").split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                String name = startedRegion(lines[i]);
                if (name != null) {
                    starts.putIfAbsent(name, i); // the first region of a name is the one shown
                }
            }
        }

        Optional<CodeRegion> cut(String reference, String fileName, String name) {
            Integer i = starts.get(name);
            if (i == null) {
                return Optional.empty();
            }
            for (int j = i + 1; j < lines.length; j++) {
                if (lines[j].contains("endregion") && END.matcher(lines[j]).matches()) {
                    if (j == i + 1) {
                        return Optional.empty();
                    }
                    String code = dedent(lines, i + 1, j);
                    if (code.isBlank()) {
                        return Optional.empty();
                    }
                    return Optional.of(new CodeRegion(reference, fileName, text, i + 2, j, code));
                }
                if (startedRegion(lines[j]) != null) {
                    return Optional.empty(); // a region that never ends before the next starts
                }
            }
            return Optional.empty();
        }

        /**
         * The name of the region {@code line} starts, or null. Most lines hold no marker: the
         * substring test spares them the pattern.
         */
        private static String startedRegion(String line) {
            if (!line.contains("region")) {
                return null;
            }
            Matcher start = START.matcher(line);
            return start.matches() ? start.group(1) : null;
        }
    }

    private static String dedent(String[] lines, int from, int to) {
        int indent = Integer.MAX_VALUE;
        for (int k = from; k < to; k++) {
            if (!lines[k].isBlank()) {
                indent = Math.min(indent, lines[k].length() - lines[k].stripLeading().length());
            }
        }
        StringBuilder code = new StringBuilder();
        for (int k = from; k < to; k++) {
            code.append(lines[k].isBlank() ? "" : lines[k].substring(indent)).append('\n');
        }
        return code.toString();
    }
}
