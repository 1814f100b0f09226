package io.github.ucmaworkbench.lessons;

import java.time.Duration;
import java.util.List;

/**
 * The result of running a whole lesson headless. A run stops at the first failed step (the
 * steps after it build on it); {@link #notRun()} lists the rest.
 */
public record LessonRunReport(Lesson lesson, List<StepResult> results, List<LessonStep> notRun, Duration elapsed) {
    public LessonRunReport {
        results = List.copyOf(results);
        notRun = List.copyOf(notRun);
    }

    /** Every step ran and passed. */
    public boolean passed() {
        return notRun.isEmpty() && results.stream().allMatch(StepResult::passed);
    }
}
