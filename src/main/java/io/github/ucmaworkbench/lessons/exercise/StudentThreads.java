package io.github.ucmaworkbench.lessons.exercise;

import io.github.ucmaworkbench.common.DaemonThreads;
import io.github.ucmaworkbench.common.SuppressForbidden;
import io.github.ucmaworkbench.tutorial.ProgressSink;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs student code so it cannot hurt the class: each call on a daemon thread of its own (the
 * rtc worker that delivered the event returns at once, so SIP keeps flowing), its exceptions
 * reported in the progress log with the student's line, and a call still running after the
 * limit interrupted and then stopped. A runaway daemon thread cannot keep the next run or the
 * JVM's exit waiting.
 */
final class StudentThreads {
    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("homework-watchdog"));
    private static final AtomicInteger NUMBER = new AtomicInteger();
    /** Student code that is installed now: its callbacks' uncaught exceptions are reported to it. */
    private static final List<StudentThreads> ACTIVE = new CopyOnWriteArrayList<>();
    private static final Object HANDLER_LOCK = new Object();
    private static boolean handlerInstalled;

    private final Duration limit;
    private final Set<String> studentClasses;
    private final ProgressSink log;
    private final List<String> problems = new CopyOnWriteArrayList<>();

    StudentThreads(Duration limit, Set<String> studentClasses, ProgressSink log) {
        this.limit = limit;
        this.studentClasses = Set.copyOf(studentClasses);
        this.log = log;
    }

    /**
     * From now until {@link #deactivate()}, an exception that escapes a callback the student
     * passed to a Begin method (it runs on an rtc worker, outside {@link #run}) is reported in the
     * student's log with its line, instead of only on the terminal.
     */
    @SuppressForbidden("an error outside student code keeps the JVM's own report on System.err")
    void activate() {
        synchronized (HANDLER_LOCK) {
            if (!handlerInstalled) {
                Thread.UncaughtExceptionHandler previous = Thread.getDefaultUncaughtExceptionHandler();
                Thread.setDefaultUncaughtExceptionHandler((thread, e) -> {
                    for (StudentThreads active : ACTIVE) {
                        if (active.inStudentCode(e.getStackTrace())) {
                            active.report("Your callback threw %s.", active.describe(e));
                            return;
                        }
                    }
                    if (previous != null) {
                        previous.uncaughtException(thread, e);
                    } else if (!(e instanceof ThreadDeath)) {
                        System.err.print("Exception in thread \"" + thread.getName() + "\" ");
                        e.printStackTrace();
                    }
                });
                handlerInstalled = true;
            }
        }
        ACTIVE.add(this);
    }

    void deactivate() {
        ACTIVE.remove(this);
    }

    /** What went wrong in student code so far (exceptions, stopped loops), in order. */
    List<String> problems() {
        return List.copyOf(problems);
    }

    /** Runs {@code body} (the student's {@code what}) on its own thread; never waits for it. */
    Thread run(String what, Runnable body) {
        Thread thread = new Thread(() -> {
            try {
                body.run();
            } catch (ThreadDeath stopped) {
                // Stopped by the watchdog, which already reported it.
            } catch (Throwable t) {
                report("Your %s threw %s.", what, describe(t));
            }
        }, "homework-" + what + "-" + NUMBER.incrementAndGet());
        thread.setDaemon(true);
        thread.start();
        WATCHDOG.schedule(() -> {
            if (thread.isAlive()) {
                report("Your %s was still running after %d ms and was stopped (a loop that never ends?)%s.", what,
                        limit.toMillis(), where(thread.getStackTrace()));
                stop(thread);
            }
        }, limit.toMillis(), TimeUnit.MILLISECONDS);
        return thread;
    }

    /**
     * Stops every thread still running student code (a callback the student passed to a Begin
     * method runs on an rtc worker, outside {@link #run}); returns what it stopped.
     */
    List<String> stopStragglers() {
        List<String> stopped = new ArrayList<>();
        for (Map.Entry<Thread, StackTraceElement[]> entry : Thread.getAllStackTraces().entrySet()) {
            Thread thread = entry.getKey();
            if (thread == Thread.currentThread() || !inStudentCode(entry.getValue())) {
                continue;
            }
            String line = String.format(Locale.ROOT, "Your code was still running on thread %s%s and was stopped.", thread.getName(),
                    where(entry.getValue()));
            report("%s", line);
            stopped.add(line);
            stop(thread);
        }
        return stopped;
    }

    private boolean inStudentCode(StackTraceElement[] frames) {
        for (StackTraceElement frame : frames) {
            if (studentClasses.contains(frame.getClassName())) {
                return true;
            }
        }
        return false;
    }

    private void report(String format, Object... args) {
        String line = String.format(Locale.ROOT, format, args);
        problems.add(line);
        log.error("%s", line);
    }

    /** The exception's name and message, and the student's line it came from. */
    String describe(Throwable t) {
        String text = t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
        return text + where(t.getStackTrace());
    }

    private String where(StackTraceElement[] frames) {
        for (StackTraceElement frame : frames) {
            if (studentClasses.contains(frame.getClassName())) {
                return " at line " + frame.getLineNumber() + " (" + frame.getMethodName() + ")";
            }
        }
        return "";
    }

    /**
     * Interrupts, then (Java 17 still allows it) stops a thread that ignored the interrupt: a
     * {@code while (true) {}} never looks at its interrupt flag.
     */
    @SuppressWarnings({"removal", "deprecation"})
    @SuppressForbidden("the last resort against a runaway student callback; newer JDKs refuse it")
    static void stop(Thread thread) {
        thread.interrupt();
        try {
            thread.join(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        if (thread.isAlive()) {
            try {
                thread.stop();
            } catch (UnsupportedOperationException | SecurityException e) {
                // Newer JDKs refuse: the thread is a daemon, so it only costs a core until exit.
            }
        }
    }
}
