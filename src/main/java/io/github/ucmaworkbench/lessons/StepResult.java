package io.github.ucmaworkbench.lessons;

import java.time.Duration;
import java.util.List;

/**
 * How a step ended: PASSED with what was seen, or FAILED with why.
 *
 * @param reason one sentence for the student
 * @param checks each {@code expect:} line of the step, held or not, when the step got as far as checking
 */
public record StepResult(LessonStep step, StepStatus status, String reason, Duration elapsed, List<Check> checks) {
    public StepResult {
        checks = checks == null ? List.of() : List.copyOf(checks);
    }

    public StepResult(LessonStep step, StepStatus status, String reason, Duration elapsed) {
        this(step, status, reason, elapsed, List.of());
    }

    /**
     * One {@code expect:} line and whether it held.
     *
     * @param detail what was seen when it held, or what was looked for when not
     */
    public record Check(String expectation, boolean held, String detail) {
    }

    public boolean passed() {
        return status == StepStatus.PASSED;
    }

    @Override
    public String toString() {
        return status.symbol() + " " + step.title() + " (" + elapsed.toMillis() + " ms): " + reason;
    }
}
