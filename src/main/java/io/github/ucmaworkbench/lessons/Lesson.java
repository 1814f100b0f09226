package io.github.ucmaworkbench.lessons;

import java.util.List;

/**
 * One part of the series: its header, the introduction (Markdown before the first step) and
 * the steps in order.
 *
 * @param file the file it was read from (name only)
 */
public record Lesson(String id, String title, int part, String introduction, List<LessonStep> steps, String file) {
    public Lesson {
        steps = List.copyOf(steps);
    }

    /** The step with {@code id}, or null. */
    public LessonStep step(String stepId) {
        return steps.stream().filter(s -> s.id().equals(stepId)).findFirst().orElse(null);
    }

    @Override
    public String toString() {
        return part + ". " + title;
    }
}
