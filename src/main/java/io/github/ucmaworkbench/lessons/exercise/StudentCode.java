package io.github.ucmaworkbench.lessons.exercise;

import io.github.ucmaworkbench.rtc.SignalingState;
import io.github.ucmaworkbench.tutorial.HomeworkSeams;
import io.github.ucmaworkbench.tutorial.TutorialManager;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A student's file, compiled, checked for forbidden calls and loaded into a class loader of
 * its own (a fresh one per run, so the next run sees the new code, and the class can be
 * collected once nothing runs it). {@link #prepare} never runs student code; {@link #install}
 * does, bounded by {@link StudentThreads}.
 */
public final class StudentCode {
    private final Exercise exercise;
    private final StudentCompiler.Result compiled;
    private final List<String> refused;
    private final String problem;
    private final Class<? extends Homework> type;

    private StudentCode(Exercise exercise, StudentCompiler.Result compiled, List<String> refused, String problem,
            Class<? extends Homework> type) {
        this.exercise = exercise;
        this.compiled = compiled;
        this.refused = refused;
        this.problem = problem;
        this.type = type;
    }

    /** Compiles, scans and loads {@code source}; see {@link #compileErrors()}, {@link #refused()}, {@link #problem()}. */
    public static StudentCode prepare(Exercise exercise, String source) {
        StudentCompiler.Result compiled = new StudentCompiler().compile(source);
        if (!compiled.compiled()) {
            return new StudentCode(exercise, compiled, List.of(), null, null);
        }
        List<String> refused = ForbiddenCalls.find(compiled.classes());
        if (!refused.isEmpty()) {
            return new StudentCode(exercise, compiled, refused, null, null);
        }
        ClassLoader loader = new StudentClassLoader(compiled.classes());
        try {
            Class<?> loaded = Class.forName(compiled.className(), false, loader);
            if (!exercise.base().isAssignableFrom(loaded)) {
                return new StudentCode(exercise, compiled, List.of(), "the class " + loaded.getSimpleName() + " must extend "
                        + exercise.base().getSimpleName(), null);
            }
            return new StudentCode(exercise, compiled, List.of(), null, loaded.asSubclass(Homework.class));
        } catch (ClassNotFoundException | LinkageError e) {
            return new StudentCode(exercise, compiled, List.of(), "the class could not be loaded: " + e, null);
        }
    }

    public List<StudentCompiler.Problem> compileErrors() {
        return compiled.problems();
    }

    /** The forbidden calls found (e.g. {@code System.exit}); the code was not run. */
    public List<String> refused() {
        return refused;
    }

    /** Why a compiled file cannot run (wrong base class...), or null. */
    public String problem() {
        return problem;
    }

    public String compiler() {
        return compiled.compiler();
    }

    public boolean runnable() {
        return type != null;
    }

    /**
     * Puts the student's code in {@code manager} (the exercise's side) in place of the
     * tutorial's; {@link Installed#close()} puts the tutorial's back and stops what still runs.
     */
    public Installed install(TutorialManager manager, Duration limit) {
        if (!runnable()) {
            throw new IllegalStateException("nothing to install: " + (problem != null ? problem : "does not compile"));
        }
        StudentThreads threads = new StudentThreads(limit, compiled.classes().keySet(), manager.progressSink());
        AtomicReference<Homework> instance = new AtomicReference<>();
        Thread constructing = threads.run("constructor", () -> {
            try {
                instance.set(type.getDeclaredConstructor().newInstance());
            } catch (ReflectiveOperationException e) {
                Throwable cause = e.getCause() != null ? e.getCause() : e;
                throw new IllegalStateException(e instanceof NoSuchMethodException
                        ? "the class needs a public constructor without parameters" : threads.describe(cause));
            }
        });
        try {
            constructing.join(limit.toMillis() + 500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Homework homework = instance.get();
        if (homework == null) {
            return new Installed(manager, threads, false);
        }
        homework.bind(manager.progressSink());
        threads.activate();
        manager.setHomeworkSeams(seams(homework, threads, manager));
        return new Installed(manager, threads, true);
    }

    private HomeworkSeams seams(Homework homework, StudentThreads threads, TutorialManager manager) {
        String method = exercise.seam().method();
        HomeworkSeams none = HomeworkSeams.NONE;
        return switch (exercise.seam()) {
            case SIGN_IN -> new HomeworkSeams(endpoint -> threads.run(method, () -> ((ClientHomework) homework).signIn(endpoint)),
                    null, null, null, null, null);
            case SEND_INVITE -> new HomeworkSeams(null, (session, headers) -> threads.run(method,
                    () -> ((ClientHomework) homework).sendInvite(session, headers)), null, null, null, null);
            case SESSION_RECEIVED -> new HomeworkSeams(null, null, (sender, e) -> threads.run(method, () -> {
                long started = System.nanoTime();
                ((ServerHomework) homework).sessionReceived(sender, e);
                SignalingState state = e.getSession().getState();
                // Part 6's point: the handler hands the work to a callback and returns at once.
                manager.progressSink().recordProgress("Your sessionReceived returned after %d ms; the session was %s.",
                        Duration.ofNanos(System.nanoTime() - started).toMillis(), state);
            }), null, null, null);
            case HANG_UP -> new HomeworkSeams(null, null, null, session -> threads.run(method,
                    () -> ((ClientHomework) homework).hangUp(session)), null, null);
            case STATE_CHANGED -> new HomeworkSeams(null, null, null, null, (sender, e) -> threads.run(method, () -> {
                if (homework instanceof ServerHomework server) {
                    server.sessionStateChanged(sender, e);
                } else {
                    ((ClientHomework) homework).sessionStateChanged(sender, e);
                }
            }), null);
            case SEND_MESSAGE -> new HomeworkSeams(null, null, null, null, null, (session, text) -> threads.run(method,
                    () -> ((ClientHomework) homework).sendMessage(session, text)));
            default -> none;
        };
    }

    /** The student's code in a live manager. */
    public static final class Installed implements AutoCloseable {
        private final TutorialManager manager;
        private final StudentThreads threads;
        private final boolean started;

        Installed(TutorialManager manager, StudentThreads threads, boolean started) {
            this.manager = manager;
            this.threads = threads;
            this.started = started;
        }

        /** False when the constructor threw or never returned (see {@link #problems()}). */
        public boolean started() {
            return started;
        }

        /** Exceptions and stopped loops so far. */
        public List<String> problems() {
            return threads.problems();
        }

        /** The tutorial's code again; student code still running is stopped. */
        @Override
        public void close() {
            manager.setHomeworkSeams(HomeworkSeams.NONE);
            threads.stopStragglers();
            threads.deactivate();
        }
    }

    private static final class StudentClassLoader extends ClassLoader {
        private final Map<String, byte[]> classes;

        StudentClassLoader(Map<String, byte[]> classes) {
            super("homework", Homework.class.getClassLoader());
            this.classes = Map.copyOf(classes);
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            byte[] bytes = classes.get(name);
            if (bytes == null) {
                throw new ClassNotFoundException(name);
            }
            return defineClass(name, bytes, 0, bytes.length);
        }
    }
}
