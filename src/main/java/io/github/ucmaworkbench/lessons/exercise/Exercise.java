package io.github.ucmaworkbench.lessons.exercise;

import io.github.ucmaworkbench.lessons.LessonStep;
import io.github.ucmaworkbench.lessons.Side;
import java.util.List;

/**
 * One piece of homework: a task, the starter file the student edits, hints, and the check: steps
 * in the lessons' own format (an action, then expectations on the logs and on the wire), run
 * with the student's {@link #seam()} in place of the tutorial's code.
 *
 * @param side    whose code the student writes
 * @param task    what to do (Markdown)
 * @param starter the starter file, a whole Java class extending {@link ClientHomework} or {@link ServerHomework}
 * @param file    the file it was read from (name only)
 */
public record Exercise(String id, String title, int part, Side side, Seam seam, String task, List<String> hints,
        String starter, List<LessonStep> steps, String file) {
    public Exercise {
        hints = List.copyOf(hints);
        steps = List.copyOf(steps);
    }

    /** The class the student's file must extend. */
    public Class<? extends Homework> base() {
        return side == Side.CLIENT ? ClientHomework.class : ServerHomework.class;
    }

    @Override
    public String toString() {
        return part + ": " + title;
    }
}
