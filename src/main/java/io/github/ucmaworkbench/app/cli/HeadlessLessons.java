package io.github.ucmaworkbench.app.cli;

import io.github.ucmaworkbench.lessons.Lesson;
import io.github.ucmaworkbench.lessons.LessonRegistrar;
import io.github.ucmaworkbench.lessons.LessonRunListener;
import io.github.ucmaworkbench.lessons.LessonRunReport;
import io.github.ucmaworkbench.lessons.LessonRunner;
import io.github.ucmaworkbench.registrar.RegistrarConfig;
import io.github.ucmaworkbench.registrar.RegistrarService;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Map;

/**
 * A lesson run without a window, on its own embedded registrar on a free loopback port: the
 * wiring {@code run-lesson N} and the lesson tests use. Composition lives here, in app, so the
 * lessons layer only sees a {@link LessonRegistrar}.
 */
public final class HeadlessLessons {

    private HeadlessLessons() {
    }

    /** Runs part {@code part} with {@link LessonRunner.Options#defaults()}. */
    public static LessonRunReport runHeadless(int part, LessonRunListener listener) throws IOException, InterruptedException {
        return runHeadless(part, LessonRunner.Options.defaults(), listener);
    }

    /**
     * Runs part {@code part} of the series from the lessons {@code LessonLibrary.load()} finds.
     *
     * @throws IllegalArgumentException when no lesson has that part (the message lists the problems of files that did not load)
     * @throws IOException              when the lessons cannot be found or the registrar cannot bind
     */
    public static LessonRunReport runHeadless(int part, LessonRunner.Options options, LessonRunListener listener)
            throws IOException, InterruptedException {
        return runHeadless(LessonRunner.lesson(part), options, listener);
    }

    /** Runs {@code lesson} on a fresh embedded registrar. */
    public static LessonRunReport runHeadless(Lesson lesson, LessonRunner.Options options, LessonRunListener listener)
            throws IOException, InterruptedException {
        return LessonRunner.runHeadless(lesson, embeddedRegistrar(LessonRunner.USERS), options, listener);
    }

    /** The embedded registrar for lessons and exercises, registered in {@code META-INF/services}. */
    public static final class EmbeddedRegistrarFactory implements LessonRegistrar.Factory {
        @Override
        public LessonRegistrar create(Map<String, String> users) {
            return embeddedRegistrar(users);
        }
    }

    /** The embedded registrar on loopback, any free port, as a {@link LessonRegistrar}. */
    static LessonRegistrar embeddedRegistrar(Map<String, String> users) {
        RegistrarService registrar = new RegistrarService(RegistrarConfig.builder().port(0).users(users).build());
        return new LessonRegistrar() {
            @Override
            public InetSocketAddress start() throws IOException {
                return registrar.start();
            }

            @Override
            public String domain() {
                return registrar.getDomain();
            }

            @Override
            public void close() {
                registrar.close();
            }
        };
    }
}
