package io.github.ucmaworkbench.lessons;

import java.time.Duration;

/**
 * How a step ended: PASSED with what was seen, or FAILED with why.
 *
 * @param reason one sentence for the student
 */
public record StepResult(LessonStep step, StepStatus status, String reason, Duration elapsed) {
    public boolean passed() {
        return status == StepStatus.PASSED;
    }

    @Override
    public String toString() {
        return status.symbol() + " " + step.title() + " (" + elapsed.toMillis() + " ms): " + reason;
    }
}
