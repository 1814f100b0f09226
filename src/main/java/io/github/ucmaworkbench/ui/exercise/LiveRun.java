package io.github.ucmaworkbench.ui.exercise;

import io.github.ucmaworkbench.lessons.LessonEngine;
import io.github.ucmaworkbench.lessons.LessonSides;
import io.github.ucmaworkbench.lessons.LessonStep;
import io.github.ucmaworkbench.lessons.Side;
import io.github.ucmaworkbench.lessons.StepResult;
import io.github.ucmaworkbench.lessons.exercise.Exercise;
import io.github.ucmaworkbench.lessons.exercise.StudentCode;
import io.github.ucmaworkbench.tutorial.TutorialManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Run: the student's code replaces its region in the window's own client or server (a fresh
 * class loader per run), then the exercise's steps play on the window's endpoints, so the
 * progress logs and the ladder show what the code did. The code stays in place until the next
 * run, Reset, another exercise, or the window closes. Blocks: call it off the event thread.
 */
final class LiveRun implements AutoCloseable {
    /** What a run produced: the compiled code (with its errors) and the steps that ran. */
    record Result(StudentCode code, List<StepResult> steps) {
        boolean passed() {
            return code.runnable() && !steps.isEmpty() && steps.stream().allMatch(StepResult::passed);
        }
    }

    private final LessonSides sides;
    private StudentCode.Installed installed;

    LiveRun(LessonSides sides) {
        this.sides = sides;
    }

    synchronized Result run(Exercise exercise, String source, Consumer<StepResult> stepDone) throws InterruptedException {
        StudentCode code = StudentCode.prepare(exercise, source);
        if (!code.runnable()) {
            return new Result(code, List.of());
        }
        uninstall();
        TutorialManager manager = exercise.side() == Side.CLIENT ? sides.client() : sides.server();
        installed = code.install(manager, Duration.ofSeconds(3));
        List<StepResult> results = new ArrayList<>();
        if (!installed.started()) {
            return new Result(code, results);
        }
        try (LessonEngine engine = new LessonEngine(sides)) {
            for (LessonStep step : exercise.steps()) {
                StepResult result = engine.runAndWait(step);
                results.add(result);
                stepDone.accept(result);
                if (!result.passed()) {
                    break;
                }
            }
        }
        return new Result(code, results);
    }

    /** The tutorial's own code back in the window's endpoints. */
    synchronized void uninstall() {
        if (installed != null) {
            installed.close();
            installed = null;
        }
    }

    @Override
    public void close() {
        uninstall();
    }
}
