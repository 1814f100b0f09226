package io.github.ucmaworkbench.app.cli;

import io.github.ucmaworkbench.lessons.exercise.Exercise;
import io.github.ucmaworkbench.lessons.exercise.ExerciseChecker;
import io.github.ucmaworkbench.lessons.exercise.ExerciseLibrary;
import io.github.ucmaworkbench.lessons.exercise.ExerciseReport;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code exercise list | starter ID | check ID FILE|DIR}: the teacher's side of the homework,
 * through the same checker as the window's Check button.
 */
@Command(name = "exercise", mixinStandardHelpOptions = true, versionProvider = WorkbenchCommand.Version.class,
        description = {"Homework: list the exercises, print a starter, check a student's file or grade a folder."},
        subcommands = {ExerciseCommand.ListCommand.class, ExerciseCommand.StarterCommand.class, ExerciseCommand.CheckCommand.class})
final class ExerciseCommand implements Callable<Integer> {
    @ParentCommand
    private WorkbenchCommand parent;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "missing a command: list, starter or check");
    }

    CliIo io() {
        return parent.io();
    }

    static ExerciseLibrary library(CliIo io) throws IOException {
        ExerciseLibrary library = ExerciseLibrary.load();
        library.problems().forEach(p -> io.err().println("exercise: " + p.getMessage()));
        return library;
    }

    static Exercise find(ExerciseLibrary library, String id, CommandSpec spec) {
        return library.byId(id).orElseThrow(() -> new ParameterException(spec.commandLine(), "no exercise '" + id
                + "' (see 'ucma-workbench exercise list')"));
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "One exercise a line: id, then title.")
    static final class ListCommand implements Callable<Integer> {
        @ParentCommand
        private ExerciseCommand parent;

        @Override
        public Integer call() throws IOException {
            for (Exercise e : library(parent.io()).exercises()) {
                parent.io().out().printf(Locale.ROOT, "%-24s %s (part %d)%n", e.id(), e.title(), e.part());
            }
            return 0;
        }
    }

    @Command(name = "starter", mixinStandardHelpOptions = true, description = "Prints the starter file of exercise ID.")
    static final class StarterCommand implements Callable<Integer> {
        @ParentCommand
        private ExerciseCommand parent;

        @Spec
        private CommandSpec spec;

        @Parameters(index = "0", paramLabel = "ID")
        private String id;

        @Override
        public Integer call() throws IOException {
            parent.io().out().print(find(library(parent.io()), id, spec).starter());
            return 0;
        }
    }

    @Command(name = "check", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Checks FILE against exercise ID: exit 0 passed, 1 failed (with the reasons),",
                    "2 does not compile (with line:column) or calls what homework may not.",
                    "With a folder, grades every *.java in it into a table (and --csv FILE); exit 0 when all passed."})
    static final class CheckCommand implements Callable<Integer> {
        @ParentCommand
        private ExerciseCommand parent;

        @Spec
        private CommandSpec spec;

        @Parameters(index = "0", paramLabel = "ID")
        private String id;

        @Parameters(index = "1", paramLabel = "FILE|DIR")
        private Path target;

        @Option(names = "--csv", paramLabel = "FILE", description = "With a folder: also write the grades as CSV here")
        private Path csv;

        @Option(names = "--step-timeout", paramLabel = "SECONDS", defaultValue = "8",
                description = "How long a check waits for its expectations (default: ${DEFAULT-VALUE})")
        private int stepTimeoutSeconds;

        @Option(names = "--code-limit", paramLabel = "SECONDS", defaultValue = "3",
                description = "How long one call into the student's code may run before it is stopped (default: ${DEFAULT-VALUE})")
        private int codeLimitSeconds;

        @Override
        public Integer call() throws Exception {
            CliIo io = parent.io();
            if (stepTimeoutSeconds < 1 || stepTimeoutSeconds > 120 || codeLimitSeconds < 1 || codeLimitSeconds > 60) {
                throw new ParameterException(spec.commandLine(), "--step-timeout must be 1-120 and --code-limit 1-60 seconds");
            }
            Exercise exercise = find(library(io), id, spec);
            ExerciseChecker.Options options = new ExerciseChecker.Options(Duration.ofSeconds(codeLimitSeconds),
                    Duration.ofSeconds(stepTimeoutSeconds), ExerciseChecker.Options.defaults().transport());
            if (Files.isDirectory(target)) {
                return grade(io, exercise, options);
            }
            if (!Files.isRegularFile(target)) {
                throw new ParameterException(spec.commandLine(), "no such file or folder: " + target);
            }
            if (csv != null) {
                throw new ParameterException(spec.commandLine(), "--csv is for grading a folder");
            }
            ExerciseReport report = ExerciseChecker.check(exercise, read(target), options);
            (report.passed() ? io.out() : io.err()).print(report.describe());
            return report.verdict().exitCode();
        }

        private int grade(CliIo io, Exercise exercise, ExerciseChecker.Options options) throws Exception {
            List<Path> files;
            try (Stream<Path> list = Files.list(target)) {
                files = list.filter(p -> p.getFileName().toString().endsWith(".java")).sorted().toList();
            }
            if (files.isEmpty()) {
                io.err().println("exercise check: no *.java files in " + target);
                return 1;
            }
            List<String[]> rows = new ArrayList<>();
            int width = files.stream().mapToInt(p -> p.getFileName().toString().length()).max().orElse(4);
            io.out().printf(Locale.ROOT, "%-" + width + "s  %-16s  %s%n", "file", "result", "reason");
            boolean all = true;
            for (Path file : files) {
                ExerciseReport report;
                try {
                    report = ExerciseChecker.check(exercise, read(file), options);
                } catch (IOException e) {
                    rows.add(new String[] {String.valueOf(file.getFileName()), "unreadable", WorkbenchCommand.oneLine(e)});
                    io.out().printf(Locale.ROOT, "%-" + width + "s  %-16s  %s%n", file.getFileName(), "unreadable", e.getMessage());
                    all = false;
                    continue;
                }
                all &= report.passed();
                String result = report.verdict().name().toLowerCase(Locale.ROOT).replace('_', ' ');
                String reason = report.passed() ? "" : report.summary().replace('\n', ' ');
                rows.add(new String[] {String.valueOf(file.getFileName()), result, reason});
                io.out().printf(Locale.ROOT, "%-" + width + "s  %-16s  %s%n", file.getFileName(), result, reason);
            }
            long passed = rows.stream().filter(r -> r[1].equals("passed")).count();
            io.out().printf(Locale.ROOT, "%d of %d passed.%n", passed, rows.size());
            if (csv != null) {
                StringBuilder text = new StringBuilder("file,exercise,result,reason\n");
                for (String[] row : rows) {
                    text.append(cell(row[0])).append(',').append(cell(exercise.id())).append(',').append(cell(row[1]))
                            .append(',').append(cell(row[2])).append('\n');
                }
                Files.writeString(csv, text, StandardCharsets.UTF_8);
                io.out().println("Grades written to " + csv);
            }
            return all ? 0 : 1;
        }

        /** RFC 4180: quote a cell that holds a comma, a quote or a line break. */
        private static String cell(String value) {
            if (value.contains(",") || value.contains("\"") || value.contains("\n")) {
                return '"' + value.replace("\"", "\"\"") + '"';
            }
            return value;
        }

        private static String read(Path file) throws IOException {
            try {
                return Files.readString(file, StandardCharsets.UTF_8);
            } catch (MalformedInputException e) {
                return Files.readString(file, StandardCharsets.ISO_8859_1);
            }
        }
    }
}
