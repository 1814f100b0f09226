package io.github.ucmaworkbench.lessons;

/** Where a step stands. */
public enum StepStatus {
    NOT_RUN, RUNNING, PASSED, FAILED;

    /** ✔ / ✗ / … / blank, for views. */
    public String symbol() {
        return switch (this) {
            case PASSED -> "\u2714";
            case FAILED -> "\u2717";
            case RUNNING -> "\u2026";
            case NOT_RUN -> " ";
        };
    }
}
