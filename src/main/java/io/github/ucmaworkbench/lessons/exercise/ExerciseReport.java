package io.github.ucmaworkbench.lessons.exercise;

import io.github.ucmaworkbench.lessons.LessonStep;
import io.github.ucmaworkbench.lessons.StepResult;
import java.time.Duration;
import java.util.List;

/**
 * How one student file did on one exercise.
 *
 * @param compileErrors   when it did not compile, each with line:column
 * @param refused         forbidden calls found before running (System.exit...)
 * @param problem         why compiled code could not run (wrong base class, constructor failed), or null
 * @param steps           the checks that ran, in order (the first failure ends the run)
 * @param notRun          the checks after a failure
 * @param runtimeProblems exceptions and stopped loops of the student's code
 */
public record ExerciseReport(Exercise exercise, Verdict verdict, List<StudentCompiler.Problem> compileErrors,
        List<String> refused, String problem, List<StepResult> steps, List<LessonStep> notRun,
        List<String> runtimeProblems, Duration elapsed) {

    /** The outcome, and the command line's exit code for it. */
    public enum Verdict {
        PASSED(0), FAILED(1), DOES_NOT_COMPILE(2), REFUSED(2);

        private final int exitCode;

        Verdict(int exitCode) {
            this.exitCode = exitCode;
        }

        public int exitCode() {
            return exitCode;
        }
    }

    public ExerciseReport {
        compileErrors = List.copyOf(compileErrors);
        refused = List.copyOf(refused);
        steps = List.copyOf(steps);
        notRun = List.copyOf(notRun);
        runtimeProblems = List.copyOf(runtimeProblems);
    }

    public boolean passed() {
        return verdict == Verdict.PASSED;
    }

    /** One line for a table: the first reason it did not pass, or "passed". */
    public String summary() {
        return switch (verdict) {
            case PASSED -> "passed";
            case DOES_NOT_COMPILE -> "line " + compileErrors.get(0);
            case REFUSED -> "calls " + String.join(", ", refused) + ", which homework may not";
            case FAILED -> {
                if (problem != null) {
                    yield problem;
                }
                StepResult failed = steps.stream().filter(s -> !s.passed()).findFirst().orElse(null);
                yield failed == null ? "failed" : failed.step().title() + ": " + failed.reason();
            }
        };
    }

    /** The whole report, one line per check and expectation, with ✔ and ✗. */
    public String describe() {
        StringBuilder text = new StringBuilder();
        text.append(exercise.id()).append(": ").append(verdict.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '))
                .append('\n');
        for (StudentCompiler.Problem p : compileErrors) {
            text.append("  line ").append(p).append('\n');
        }
        for (String call : refused) {
            text.append("  ✗ ").append(call).append(" is not allowed in homework\n");
        }
        if (problem != null) {
            text.append("  ✗ ").append(problem).append('\n');
        }
        for (StepResult step : steps) {
            text.append("  ").append(step.passed() ? "✔ " : "✗ ").append(step.step().title());
            text.append(step.passed() ? "" : ": " + step.reason()).append('\n');
            for (StepResult.Check check : step.checks()) {
                text.append("      ").append(check.held() ? "✔ " : "✗ ").append(check.expectation());
                text.append(check.held() ? "" : " (" + check.detail() + ")").append('\n');
            }
        }
        for (LessonStep step : notRun) {
            text.append("  - ").append(step.title()).append(" (not run)\n");
        }
        for (String p : runtimeProblems) {
            text.append("  ! ").append(p).append('\n');
        }
        return text.toString();
    }
}
