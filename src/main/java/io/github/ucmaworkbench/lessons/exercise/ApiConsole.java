package io.github.ucmaworkbench.lessons.exercise;

import io.github.ucmaworkbench.common.DaemonThreads;
import io.github.ucmaworkbench.common.SuppressForbidden;
import io.github.ucmaworkbench.tutorial.ClientManager;
import io.github.ucmaworkbench.tutorial.ServerManager;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;

/**
 * A JShell bound to the live endpoints, for trying the API by hand: {@code client} and
 * {@code server} are the window's tutorial managers ({@code client.getEndpoint()} is the rtc
 * {@code SipEndpoint}), and the rtc and tutorial packages are imported. Snippets run on the
 * console's own thread, never the caller's; a snippet still running after the limit is stopped.
 * Values, errors and what the snippet prints go to {@link Output}. Needs a JDK (module
 * {@code jdk.jshell}).
 */
public final class ApiConsole implements AutoCloseable {
    /** Where the console writes; called on the console's thread. */
    @FunctionalInterface
    public interface Output {
        void write(String text, boolean error);
    }

    private static final String BIND = "client = io.github.ucmaworkbench.lessons.exercise.ConsoleBindings.client();"
            + " server = io.github.ucmaworkbench.lessons.exercise.ConsoleBindings.server();";
    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("api-console-watchdog"));

    private final Output output;
    private final Duration limit;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(DaemonThreads.named("api-console"));
    private volatile Thread evalThread;
    private final ThreadLocal<Boolean> inOutput = ThreadLocal.withInitial(() -> false);
    private JShell shell;
    private PrintStream originalOut;
    private PrintStream originalErr;

    public ApiConsole(Supplier<ClientManager> client, Supplier<ServerManager> server, Output output, Duration limit) {
        this.output = output;
        this.limit = limit;
        ConsoleBindings.bind(client, server);
    }

    /** Whether this JVM has JShell (a JDK, not a bare JRE). */
    public static boolean available() {
        return ModuleLayer.boot().findModule("jdk.jshell").isPresent();
    }

    /** Runs {@code source} (one or more snippets); completes when it has run. */
    public CompletableFuture<Void> eval(String source) {
        return CompletableFuture.runAsync(() -> run(source), thread);
    }

    /** Stops the snippet that is running now, if any. */
    public void stop() {
        JShell current = shell;
        if (current != null && evalThread != null) {
            current.stop();
        }
    }

    private void run(String source) {
        try {
            JShell js = shell();
            js.eval(BIND);
            String rest = source;
            while (!rest.isBlank()) {
                SourceCodeAnalysis.CompletionInfo info = js.sourceCodeAnalysis().analyzeCompletion(rest);
                String snippet = info.completeness().isComplete() ? info.source() : rest;
                rest = info.completeness().isComplete() ? info.remaining() : "";
                evalOne(js, snippet);
            }
        } catch (RuntimeException | LinkageError e) {
            output.write("The console failed: " + e + "\n", true);
        }
    }

    private void evalOne(JShell js, String snippet) {
        ScheduledFuture<?> watchdog = WATCHDOG.schedule(() -> {
            output.write("Still running after " + limit.toSeconds() + " s: stopped.\n", true);
            js.stop();
        }, limit.toMillis(), TimeUnit.MILLISECONDS);
        evalThread = Thread.currentThread();
        try {
            for (SnippetEvent event : js.eval(snippet)) {
                report(js, event);
            }
        } finally {
            evalThread = null;
            watchdog.cancel(false);
        }
    }

    private void report(JShell js, SnippetEvent event) {
        if (event.causeSnippet() != null) {
            return;
        }
        if (event.exception() != null) {
            Throwable e = event.exception();
            String name = e instanceof EvalException ee ? ee.getExceptionClassName() : e.getClass().getName();
            output.write(name.substring(name.lastIndexOf('.') + 1) + (e.getMessage() == null ? "" : ": " + e.getMessage()) + "\n", true);
            return;
        }
        if (event.status() == Snippet.Status.REJECTED) {
            js.diagnostics(event.snippet()).forEach(d -> output.write(describe(d, event.snippet()), true));
            return;
        }
        Snippet snippet = event.snippet();
        if (event.value() != null && (snippet.kind() == Snippet.Kind.EXPRESSION || snippet.kind() == Snippet.Kind.VAR)) {
            if (!event.value().isEmpty() || snippet.kind() == Snippet.Kind.EXPRESSION) {
                output.write("⇒ " + event.value() + "\n", false);
            }
        }
    }

    private static String describe(Diag d, Snippet snippet) {
        String source = snippet.source();
        long at = Math.max(0, d.getStartPosition());
        long line = 1;
        long column = 1;
        for (int i = 0; i < Math.min(at, source.length()); i++) {
            if (source.charAt(i) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return line + ":" + column + ": " + d.getMessage(java.util.Locale.ROOT) + "\n";
    }

    private JShell shell() {
        if (shell == null) {
            routeOutput();
            shell = JShell.builder().executionEngine(SnippetLoader.provider(), java.util.Map.of()).build();
            for (String path : StudentCompiler.classPath().split(java.io.File.pathSeparator)) {
                shell.addToClasspath(path);
            }
            shell.eval("import io.github.ucmaworkbench.rtc.*;");
            shell.eval("import io.github.ucmaworkbench.tutorial.*;");
            shell.eval("import java.util.*;");
            shell.eval("ClientManager client;");
            shell.eval("ServerManager server;");
        }
        return shell;
    }

    /**
     * Local execution prints to this JVM's System.out: lines printed on the console's thread go to
     * the console, everybody else's still go where they went.
     */
    @SuppressForbidden("a student's snippet prints to System.out; the console routes it by design")
    private synchronized void routeOutput() {
        originalOut = System.out;
        originalErr = System.err;
        System.setOut(new PrintStream(new Routed(originalOut, false), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new Routed(originalErr, true), true, StandardCharsets.UTF_8));
    }

    /**
     * JShell's local execution runs each snippet on a thread of its own, in a thread group named
     * after JShell (so that it can stop it): those, and the console's thread, are the snippet's.
     */
    private boolean fromSnippet(Thread thread) {
        if (thread == evalThread) {
            return true;
        }
        ThreadGroup group = thread.getThreadGroup();
        return group != null && group.getName().contains("JShell");
    }

    private final class Routed extends OutputStream {
        private final PrintStream other;
        private final boolean error;

        Routed(PrintStream other, boolean error) {
            this.other = other;
            this.error = error;
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            if (evalThread != null && !inOutput.get() && fromSnippet(Thread.currentThread())) {
                // An Output that itself prints must not come back here.
                inOutput.set(true);
                try {
                    output.write(new String(b, off, len, StandardCharsets.UTF_8), error);
                } finally {
                    inOutput.set(false);
                }
            } else {
                other.write(b, off, len);
            }
        }
    }

    @Override
    public synchronized void close() {
        stop();
        thread.execute(() -> {
            if (shell != null) {
                shell.close();
            }
        });
        thread.shutdown();
        if (originalOut != null) {
            System.setOut(originalOut);
            System.setErr(originalErr);
        }
    }
}
