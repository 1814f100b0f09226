package io.github.ucmaworkbench.lessons;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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
    private final Map<String, Optional<String>> cache = new ConcurrentHashMap<>();

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
        Optional<String> source = cache.computeIfAbsent(fileName, f -> Optional.ofNullable(sources.apply(f)));
        return source.flatMap(text -> cut(reference, fileName, text, name));
    }

    static Optional<CodeRegion> cut(String reference, String fileName, String text, String name) {
        String[] lines = text.replace("\r\n", "\n").split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher start = START.matcher(lines[i]);
            if (!start.matches() || !start.group(1).equals(name)) {
                continue;
            }
            for (int j = i + 1; j < lines.length; j++) {
                if (END.matcher(lines[j]).matches()) {
                    if (j == i + 1) {
                        return Optional.empty();
                    }
                    String code = dedent(lines, i + 1, j);
                    if (code.isBlank()) {
                        return Optional.empty();
                    }
                    return Optional.of(new CodeRegion(reference, fileName, text, i + 2, j, code));
                }
                if (START.matcher(lines[j]).matches()) {
                    return Optional.empty(); // a region that never ends before the next starts
                }
            }
            return Optional.empty();
        }
        return Optional.empty();
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
