package io.github.ucmaworkbench.lessons;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How far a student got in one lesson: the step they were on and how each step that ran ended.
 *
 * @param currentStep index into the lesson's steps
 * @param statuses    step id → PASSED or FAILED (steps never run are absent)
 */
public record LessonProgress(int currentStep, Map<String, StepStatus> statuses) {
    public static final LessonProgress NONE = new LessonProgress(0, Map.of());

    public LessonProgress {
        statuses = Map.copyOf(statuses);
    }

    public StepStatus status(String stepId) {
        return statuses.getOrDefault(stepId, StepStatus.NOT_RUN);
    }

    public LessonProgress withCurrentStep(int index) {
        return new LessonProgress(index, statuses);
    }

    public LessonProgress withStatus(String stepId, StepStatus status) {
        Map<String, StepStatus> next = new LinkedHashMap<>(statuses);
        next.put(stepId, status);
        return new LessonProgress(currentStep, next);
    }

    /** Whether every step of {@code lesson} passed. */
    public boolean completes(Lesson lesson) {
        return lesson.steps().stream().allMatch(s -> status(s.id()) == StepStatus.PASSED);
    }
}
