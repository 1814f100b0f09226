package io.github.ucmaworkbench.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import com.sun.tools.attach.VirtualMachine;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code mvn -Pdist package} made, run for real: the app image's launcher on its own
 * jlink-trimmed runtime answers {@code --version} and opens the window (so no module the code
 * needs was trimmed away), its launcher options and notices are in place, the start scripts
 * beside the launchers give the JVM the launchers' options without asking dpkg or rpm, and the
 * .deb holds the launchers, the scripts, the menu entry and the PATH command. Runs only when asked ({@code -Ducma.dist.test=true},
 * as .ci/run does after building the packages): a normal test run has no packages to look at.
 */
@EnabledIfSystemProperty(named = "ucma.dist.test", matches = "true")
class DistPackageTest {
    static final Path DIST = Path.of("target", "dist");
    static final Path IMAGE = DIST.resolve("ucma-workbench");
    static final Path LAUNCHER = IMAGE.resolve("bin").resolve("ucma-workbench");
    /** The menu entry's launcher: the window's own JIT options (pom.xml's dist.windowOptions). */
    static final Path WINDOW_LAUNCHER = IMAGE.resolve("bin").resolve("ucma-workbench-window");
    /** What users start (menu, /usr/bin): each launcher's .cfg, without its package query. */
    static final Path START = IMAGE.resolve("bin").resolve("ucma-workbench.sh");
    static final Path WINDOW_START = IMAGE.resolve("bin").resolve("ucma-workbench-window.sh");
    static final long TIMEOUT_SECONDS = 120;

    @TempDir
    Path configDir;

    @Test
    void theLauncherPrintsTheVersionFromItsOwnRuntime() throws Exception {
        assertThat(LAUNCHER).as("the app image's launcher (run mvn -Pdist package first)").isExecutable();
        Result run = run(List.of(LAUNCHER.toString(), "--version"), null);
        assertThat(run.exit).isZero();
        assertThat(run.output).matches("(?s)UCMA Workbench \\d+\\.\\d+\\.\\d+\\S*\\R?");
    }

    @Test
    void theStartScriptsStartTheAppWithoutAskingDpkgOrRpm() throws Exception {
        // BENCHMARKS.md, "jpackage's launcher asks dpkg": JDK 17's ELF launcher runs rpm -qf and
        // dpkg -S before the JVM exists, ~0.3 s a start. Stubs first on the PATH note each call;
        // the ELF launcher, run the same way, shows they would catch one.
        Path stubs = Files.createDirectories(configDir.resolve("package-tools"));
        Path asked = stubs.resolve("asked");
        for (String tool : List.of("dpkg", "rpm")) {
            Path stub = Files.writeString(stubs.resolve(tool), "#!/bin/sh\necho \"" + tool + " $*\" >> '" + asked + "'\nexit 1\n");
            assertThat(stub.toFile().setExecutable(true)).isTrue();
        }
        // JDK_JAVA_OPTIONS: read by `java`, not by jpackage's launcher, so not by the scripts either.
        Map<String, String> path = Map.of("PATH", stubs + File.pathSeparator + System.getenv("PATH"),
                "JDK_JAVA_OPTIONS", "-Dset.for.another.jdk=true");
        for (Path start : List.of(START, WINDOW_START)) {
            assertThat(start).as("the start script beside the launcher").isExecutable();
            Result run = run(List.of(start.toString(), "--version"), null, null, path, null);
            assertThat(run.exit).as(run.output).isZero();
            assertThat(run.output).matches("(?s)UCMA Workbench \\d+\\.\\d+\\.\\d+\\S*\\R?");
        }
        assertThat(asked).as("a start script asked dpkg or rpm").doesNotExist();
        assertThat(run(List.of(LAUNCHER.toString(), "--version"), null, null, path, null).exit).isZero();
        assertThat(Files.readString(asked)).contains("dpkg -S ", "rpm ");
    }

    @Test
    void theStartScriptsGiveTheJvmWhatTheirLaunchersGiveIt() throws Exception {
        // The same options (read from the launcher's .cfg, $APPDIR expanded), class path and main
        // class, in the same order, as jpackage's launcher of the same name; only
        // jpackage.app-path names the script. The script must exec the JVM: it is attached to by
        // the pid the test started.
        for (Path launcher : List.of(LAUNCHER, WINDOW_LAUNCHER)) {
            String elfPath = launcher.toRealPath().toString();
            Path start = launcher.resolveSibling(launcher.getFileName() + ".sh");
            Jvm elf = jvmOf(launcher);
            Jvm script = jvmOf(start);
            assertThat(elf.args).contains("-XX:SharedArchiveFile=" + IMAGE.toRealPath().resolve("lib/app/ucma-workbench.jsa"));
            assertThat(script.args).isEqualTo(elf.args.replace("-Djpackage.app-path=" + elfPath,
                    "-Djpackage.app-path=" + elfPath + ".sh"));
            assertThat(script.classPath).isEqualTo(elf.classPath);
            assertThat(script.mainClass).isEqualTo(elf.mainClass).isEqualTo("io.github.ucmaworkbench.app.Main");
        }
    }

    record Jvm(String args, String classPath, String mainClass) {
    }

    /** What the JVM a headless registrar started by {@code launcher} was given. */
    private static Jvm jvmOf(Path launcher) throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Jvm[] seen = new Jvm[1];
        run(List.of(launcher.toString(), "registrar", "--port", Integer.toString(port), "--ignore-stdin"), "Ready",
                null, Map.of(), process -> {
                    VirtualMachine vm = VirtualMachine.attach(Long.toString(process.pid()));
                    try {
                        Properties system = vm.getSystemProperties();
                        seen[0] = new Jvm(vm.getAgentProperties().getProperty("sun.jvm.args"),
                                system.getProperty("java.class.path"),
                                system.getProperty("sun.java.command").split(" ")[0]);
                    } finally {
                        vm.detach();
                    }
                });
        assertThat(seen[0]).as("attached to " + launcher).isNotNull();
        return seen[0];
    }

    @Test
    void homeworkCompilesAndRunsOnTheTrimmedRuntime() throws Exception {
        // The checker compiles with the runtime's javac or ECJ against the runtime's own modules:
        // a starter file compiles, runs and fails its check (exit 1), where a missing compiler is 2.
        Result starter = run(List.of(LAUNCHER.toString(), "exercise", "starter", "require-student-id"), null);
        assertThat(starter.exit).isZero();
        Path file = Files.writeString(configDir.resolve("Starter.java"), starter.output);
        Result check = run(List.of(LAUNCHER.toString(), "exercise", "check", "require-student-id", file.toString()), null);
        assertThat(check.exit).as(check.output).isEqualTo(1);
        assertThat(check.output).contains("\u2717");
    }

    @Test
    void theImageCarriesItsOptionsArchiveAndNotices() throws IOException {
        String cfg = Files.readString(IMAGE.resolve("lib/app/ucma-workbench.cfg"));
        assertThat(cfg).contains("java-options=-Xmx").contains("app.mainclass=io.github.ucmaworkbench.app.Main");
        assertThat(IMAGE.resolve("lib/runtime/lib/server/classes.jsa")).as("CDS archive of the runtime").isRegularFile();
        assertThat(Files.readString(IMAGE.resolve("lib/app/THIRD-PARTY-NOTICES.txt"))).contains("FlatLaf", "JAIN-SIP");
        // jlink's trimmed image: no jmods or headers to build on, no module the code does not reach
        assertThat(IMAGE.resolve("lib/runtime/jmods")).as("a trimmed runtime, not a JDK").doesNotExist();
        assertThat(IMAGE.resolve("lib/runtime/include")).doesNotExist();
        // The ELF launchers put lib/app on LD_LIBRARY_PATH, the start scripts do not: right only
        // while it holds no native library (src/main/packaging/linux/launcher.sh).
        try (var app = Files.list(IMAGE.resolve("lib/app"))) {
            assertThat(app.map(Path::toString)).noneMatch(name -> name.endsWith(".so"));
        }
        assertThat(Files.readString(IMAGE.resolve("lib/runtime/release"))).contains("java.desktop")
                .doesNotContain("java.xml.crypto", "jdk.httpserver");
    }

    @Test
    void theLauncherLoadsTheWorkbenchsClassesFromItsCdsArchive() throws Exception {
        // Issue 14: a training run during the build listed the classes a start loads; the archive
        // dumped from that list sits beside the jar and the launcher names it.
        assertThat(Files.readString(IMAGE.resolve("lib/app/ucma-workbench.cfg")))
                .contains("java-options=-XX:SharedArchiveFile=$APPDIR/ucma-workbench.jsa");
        assertThat(Files.readAllLines(IMAGE.resolve("lib/app/ucma-workbench.classlist")))
                .as("the training run reached the lesson column and the registrar")
                .contains("io/github/ucmaworkbench/ui/lesson/LessonView", "io/github/ucmaworkbench/registrar/RegistrarService");
        // -Xshare:on: the JVM refuses to start when the archive cannot be used (e.g. another class path).
        // The start script too: JDK 17 uses the archive only with the class path it was dumped for.
        for (Path start : List.of(LAUNCHER, START)) {
            Result run = run(List.of(start.toString(), "--version"), null, "-Xshare:on -Xlog:class+load=info");
            assertThat(run.exit).as(run.output).isZero();
            assertThat(run.output).contains("io.github.ucmaworkbench.app.Main source: shared objects file");
        }
    }

    @Test
    void withoutArgumentsTheLauncherOpensTheWindow() throws Exception {
        assumeTrue(System.getenv("DISPLAY") != null, "no display: run under xvfb-run");
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        // JAVA_TOOL_OPTIONS reaches the JVM the native launcher creates, like any JNI-made JVM.
        Result run = run(List.of(LAUNCHER.toString(), "--config-dir", configDir.toString(),
                "--registrar-port", Integer.toString(port)), "Workbench ready");
        // The installed app reads its lessons from the jar: a start that offers none is the
        // jar-read race JarFolders fixed, which tests reading target/classes cannot see.
        assertThat(run.output).containsPattern(
                "Workbench ready: window whole \\(lesson, code and ladder painted\\), [1-9][0-9]* lessons, registrar listening on");
    }

    @Test
    void theMenusStartScriptOpensTheWindowWithC1AloneAndTheCommandsKeepC2() throws Exception {
        // Issue 14: C2 was most of a cold start's CPU; the headless server and registrar keep it.
        assertThat(Files.readString(IMAGE.resolve("lib/app/ucma-workbench-window.cfg")))
                .contains("java-options=-XX:TieredStopAtLevel=1", "java-options=-XX:CICompilerCount=1", "java-options=-Xmx512m",
                        "java-options=-XX:SharedArchiveFile=$APPDIR/ucma-workbench.jsa");
        assertThat(Files.readString(IMAGE.resolve("lib/app/ucma-workbench.cfg"))).doesNotContain("TieredStopAtLevel")
                .contains("java-options=-XX:-G1PeriodicGCInvokesConcurrent");
        assumeTrue(System.getenv("DISPLAY") != null, "no display: run under xvfb-run");
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        // Through what the menu entry starts: the window launcher's start script.
        Result run = run(List.of(WINDOW_START.toString(), "--config-dir", configDir.toString(),
                "--registrar-port", Integer.toString(port)), "Workbench ready", "-Ducma.startup.mark=true -XX:+PrintFlagsFinal");
        // The daemons' idle collection is a full one; the window's stays concurrent (the later option wins).
        assertThat(run.output).containsPattern("TieredStopAtLevel\\s*=\\s*1\\s")
                .containsPattern("CICompilerCount\\s*=\\s*1\\s")
                .containsPattern("G1PeriodicGCInvokesConcurrent\\s*=\\s*true\\s")
                .containsPattern("Workbench ready: window whole \\(lesson, code and ladder painted\\), [1-9][0-9]* lessons, registrar listening on");
    }

    @Test
    void theDebHoldsTheLauncherTheMenuEntryAndThePathCommand() throws Exception {
        List<Path> debs;
        try (var files = Files.list(DIST)) {
            debs = files.filter(p -> p.toString().endsWith(".deb")).toList();
        }
        assumeTrue(!debs.isEmpty(), "no .deb built (-Ddist.type=app-image)");
        Result contents = run(List.of("dpkg-deb", "-c", debs.get(0).toString()), null);
        assertThat(contents.output).contains("./opt/ucma-workbench/bin/ucma-workbench",
                "./opt/ucma-workbench/bin/ucma-workbench-window",
                "./opt/ucma-workbench/lib/ucma-workbench-ucma-workbench.desktop",
                "./opt/ucma-workbench/lib/ucma-workbench.png");
        assertThat(contents.output.lines().filter(l -> l.endsWith(".sh")))
                .as("the start scripts, executable").hasSize(2).allMatch(l -> l.startsWith("-rwxr-xr-x"))
                .anyMatch(l -> l.endsWith(" ./opt/ucma-workbench/bin/ucma-workbench.sh"))
                .anyMatch(l -> l.endsWith(" ./opt/ucma-workbench/bin/ucma-workbench-window.sh"));
        // The menu starts the window's launcher, through its start script; the second launcher's
        // own entry stays out of the menu.
        Path unpacked = configDir.resolve("deb");
        assertThat(run(List.of("dpkg-deb", "-x", debs.get(0).toString(), unpacked.toString()), null).exit).isZero();
        Path lib = unpacked.resolve("opt/ucma-workbench/lib");
        assertThat(Files.readString(lib.resolve("ucma-workbench-ucma-workbench.desktop")))
                .contains("Exec=/opt/ucma-workbench/bin/ucma-workbench-window.sh\n").doesNotContain("NoDisplay");
        assertThat(Files.readString(lib.resolve("ucma-workbench-ucma-workbench-window.desktop")))
                .contains("NoDisplay=true", "Exec=/opt/ucma-workbench/bin/ucma-workbench-window.sh\n");
        Result postinst = run(List.of("dpkg-deb", "-I", debs.get(0).toString(), "postinst"), null);
        assertThat(contents.output).contains("./opt/ucma-workbench/lib/app/ucma-workbench.classlist");
        assertThat(postinst.output).contains("xdg-desktop-menu install")
                .contains("-Xshare:dump", "ucma-workbench.jsa")
                .contains("cat > /usr/bin/ucma-workbench <<'COMMAND'");
        theCommandOnThePathStartsTheRightLauncher(postinst.output);
    }

    /**
     * Runs the command postinst writes to /usr/bin, with its two start scripts replaced by stubs
     * that say which one ran: the window (no arguments, or only options) through the window
     * launcher's script, a headless command through the command line's.
     */
    private void theCommandOnThePathStartsTheRightLauncher(String postinst) throws Exception {
        int from = postinst.indexOf("<<'COMMAND'\n");
        int to = postinst.indexOf("\nCOMMAND\n", from);
        assertThat(from).as("postinst writes the command with a here-document").isPositive();
        assertThat(to).isPositive();
        Path bin = Files.createDirectories(configDir.resolve("stub-bin"));
        for (String launcher : List.of("ucma-workbench.sh", "ucma-workbench-window.sh")) {
            Path stub = Files.writeString(bin.resolve(launcher), "#!/bin/sh\necho \"" + launcher + ":$*\"\n");
            assertThat(stub.toFile().setExecutable(true)).isTrue();
        }
        String command = postinst.substring(from + "<<'COMMAND'\n".length(), to + 1)
                .replace("/opt/ucma-workbench/bin/", bin + "/");
        Path script = Files.writeString(configDir.resolve("ucma-workbench-command"), command);
        assertThat(run(List.of("sh", script.toString()), null).output.strip()).isEqualTo("ucma-workbench-window.sh:");
        assertThat(run(List.of("sh", script.toString(), "--config-dir", "/tmp/class"), null).output.strip())
                .isEqualTo("ucma-workbench-window.sh:--config-dir /tmp/class");
        assertThat(run(List.of("sh", script.toString(), "registrar", "--port", "5070"), null).output.strip())
                .isEqualTo("ucma-workbench.sh:registrar --port 5070");
    }

    record Result(int exit, String output) {
    }

    /** Runs to the end, or until a line contains {@code until} (then the process is stopped). */
    private static Result run(List<String> command, String until) throws Exception {
        return run(command, until, until != null ? "-Ducma.startup.mark=true" : null);
    }

    /** Like the other, with {@code javaToolOptions} (may be null) for the JVM the launcher starts. */
    private static Result run(List<String> command, String until, String javaToolOptions) throws Exception {
        return run(command, until, javaToolOptions, Map.of(), null);
    }

    /** What to do with the process once its {@code until} line came, before it is stopped. */
    interface AtLine {
        void accept(Process process) throws Exception;
    }

    /** Like the others, with more environment and {@code atLine} (may be null). */
    private static Result run(List<String> command, String until, String javaToolOptions, Map<String, String> env,
            AtLine atLine) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        if (javaToolOptions != null) {
            builder.environment().put("JAVA_TOOL_OPTIONS", javaToolOptions);
        }
        builder.environment().putAll(env);
        Process process = builder.start();
        List<String> lines = new ArrayList<>();
        CompletableFuture<Boolean> seen = CompletableFuture.supplyAsync(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    synchronized (lines) {
                        lines.add(line);
                    }
                    if (until != null && line.contains(until)) {
                        return true;
                    }
                }
                return false;
            } catch (IOException e) {
                return false;
            }
        });
        try {
            boolean found = seen.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            if (until == null) {
                assertThat(process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)).as("ended").isTrue();
            } else {
                assertThat(found).as("saw \"" + until + "\" in: " + lines).isTrue();
                if (atLine != null) {
                    atLine.accept(process);
                }
            }
        } finally {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
        String output;
        synchronized (lines) {
            output = String.join("\n", lines.stream()
                    .filter(l -> !l.startsWith("Picked up JAVA_TOOL_OPTIONS")).toList()) + "\n";
        }
        return new Result(until == null ? process.exitValue() : 0, output);
    }
}
