package io.github.ucmaworkbench.lessons.exercise;

import io.github.ucmaworkbench.rtc.SipEndpoint;
import io.github.ucmaworkbench.tutorial.ProgressSink;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

/**
 * Compiles one student file in memory. Uses the JDK's compiler when there is one, else the
 * bundled Eclipse compiler (ECJ), so a plain JRE can grade homework too; both through the same
 * {@code javax.tools} interface. System property {@value #COMPILER_PROPERTY} = {@code ecj} or
 * {@code javac} forces one.
 */
public final class StudentCompiler {
    public static final String COMPILER_PROPERTY = "ucma.workbench.compiler";
    private static final Pattern PUBLIC_CLASS = Pattern.compile("public\\s+(?:final\\s+|abstract\\s+)*class\\s+([A-Za-z_$][A-Za-z0-9_$]*)");
    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([A-Za-z0-9_.]+)\\s*;", Pattern.MULTILINE);

    /** One compile error, where the student's editor can put it. */
    public record Problem(long line, long column, String message) {
        @Override
        public String toString() {
            return line + ":" + column + ": " + message;
        }
    }

    /**
     * What came out.
     *
     * @param className the public class's binary name (with its package), or null
     * @param classes   binary name to class bytes; empty when it did not compile
     */
    public record Result(String compiler, String className, Map<String, byte[]> classes, List<Problem> problems) {
        public boolean compiled() {
            return problems.isEmpty() && !classes.isEmpty();
        }
    }

    public Result compile(String source) {
        String simpleName = publicClass(source);
        Matcher pkg = PACKAGE.matcher(source);
        String className = pkg.find() ? pkg.group(1) + "." + simpleName : simpleName;
        JavaCompiler compiler = compiler();
        String compilerName = compiler.getClass().getName().contains("eclipse") ? "ecj" : "javac";
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        Map<String, ByteArrayOutputStream> out = new LinkedHashMap<>();
        try (StandardJavaFileManager standard = compiler.getStandardFileManager(diagnostics, Locale.ROOT, null);
             MemoryFileManager files = new MemoryFileManager(standard, out)) {
            List<String> options = List.of("-classpath", classPath(), "-source", "17", "-target", "17", "-proc:none",
                    "-g", "-encoding", "UTF-8", "-nowarn");
            StringWriter ignored = new StringWriter();
            boolean ok;
            if (compilerName.equals("ecj")) {
                // ECJ's javax.tools front end only reads sources that exist as files.
                Path folder = Files.createTempDirectory("homework");
                Path file = folder.resolve(simpleName + ".java");
                try {
                    Files.writeString(file, source, StandardCharsets.UTF_8);
                    ok = compiler.getTask(ignored, files, diagnostics, options, null, standard.getJavaFileObjects(file.toFile())).call();
                } finally {
                    Files.deleteIfExists(file);
                    Files.deleteIfExists(folder);
                }
            } else {
                ok = compiler.getTask(ignored, files, diagnostics, options, null, List.of(new Source(simpleName, source))).call();
            }
            List<Problem> problems = new ArrayList<>();
            for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
                if (d.getKind() == Diagnostic.Kind.ERROR) {
                    problems.add(new Problem(Math.max(d.getLineNumber(), 1), Math.max(d.getColumnNumber(), 1),
                            d.getMessage(Locale.ROOT).lines().findFirst().orElse("error")));
                }
            }
            if (!ok && problems.isEmpty()) {
                problems.add(new Problem(1, 1, "the compiler failed without saying why: " + ignored.toString().strip()));
            }
            Map<String, byte[]> classes = new LinkedHashMap<>();
            if (problems.isEmpty()) {
                out.forEach((name, bytes) -> classes.put(name, bytes.toByteArray()));
            }
            return new Result(compilerName, className, classes, List.copyOf(problems));
        } catch (IOException | RuntimeException e) {
            return new Result(compilerName, className, Map.of(), List.of(new Problem(1, 1, "the compiler could not run: " + e)));
        }
    }

    static JavaCompiler compiler() {
        String wanted = System.getProperty(COMPILER_PROPERTY, "");
        JavaCompiler system = wanted.equals("ecj") ? null : ToolProvider.getSystemJavaCompiler();
        return system != null ? system : new org.eclipse.jdt.internal.compiler.tool.EclipseCompiler();
    }

    /** The file's public class, else {@code Homework}; javac wants the file named after it. */
    static String publicClass(String source) {
        Matcher m = PUBLIC_CLASS.matcher(source);
        return m.find() ? m.group(1) : "Homework";
    }

    /** Where rtc and the homework classes come from: a folder in a build, the jar when installed. */
    static String classPath() {
        Set<String> entries = new LinkedHashSet<>();
        for (Class<?> type : List.of(SipEndpoint.class, Homework.class, ProgressSink.class)) {
            CodeSource source = type.getProtectionDomain().getCodeSource();
            if (source != null && source.getLocation() != null) {
                try {
                    entries.add(Path.of(source.getLocation().toURI()).toString());
                } catch (URISyntaxException | IllegalArgumentException e) {
                    // Not a file (an unusual class loader): the compiler falls back to the system class path.
                }
            }
        }
        if (entries.isEmpty()) {
            entries.add(System.getProperty("java.class.path"));
        }
        return String.join(File.pathSeparator, entries);
    }

    private static final class Source extends SimpleJavaFileObject {
        private final String text;

        Source(String simpleName, String text) {
            super(URI.create("string:///" + simpleName + Kind.SOURCE.extension), Kind.SOURCE);
            this.text = text;
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return text;
        }
    }

    private static final class MemoryFileManager extends ForwardingJavaFileManager<StandardJavaFileManager> {
        private final Map<String, ByteArrayOutputStream> out;

        MemoryFileManager(StandardJavaFileManager standard, Map<String, ByteArrayOutputStream> out) {
            super(standard);
            this.out = out;
        }

        @Override
        public JavaFileObject getJavaFileForOutput(Location location, String className, JavaFileObject.Kind kind, FileObject sibling) {
            if (location != StandardLocation.CLASS_OUTPUT) {
                throw new IllegalArgumentException("only class output goes to memory");
            }
            String binary = className.replace('/', '.');
            return new SimpleJavaFileObject(URI.create("mem:///" + binary.replace('.', '/') + kind.extension), kind) {
                @Override
                public OutputStream openOutputStream() {
                    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                    out.put(binary, bytes);
                    return bytes;
                }
            };
        }
    }
}
