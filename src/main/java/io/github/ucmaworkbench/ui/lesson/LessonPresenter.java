package io.github.ucmaworkbench.ui.lesson;

import io.github.ucmaworkbench.lessons.Expectation;
import io.github.ucmaworkbench.lessons.Lesson;
import io.github.ucmaworkbench.lessons.LessonEngine;
import io.github.ucmaworkbench.lessons.LessonLibrary;
import io.github.ucmaworkbench.lessons.LessonProgress;
import io.github.ucmaworkbench.lessons.LessonProgressStore;
import io.github.ucmaworkbench.lessons.LessonStep;
import io.github.ucmaworkbench.lessons.StepResult;
import io.github.ucmaworkbench.lessons.StepStatus;
import io.github.ucmaworkbench.tutorial.ProgressLevel;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * What the lesson view shows, without Swing: the lesson and step on screen, each step's mark and
 * the reason behind it, navigation, running a step through the {@link LessonEngine}, and the
 * words and HTML for the step. The view draws it and calls back in; every method runs on the thread
 * the view gives as {@code ui} (the event thread), and an engine result is handed over there.
 */
final class LessonPresenter implements AutoCloseable {
    /** The status line: what kind of news, and its words. */
    record StatusLine(StepStatus kind, String text) {
    }

    private final LessonLibrary library;
    private final LessonProgressStore store;
    private final LessonEngine engine;
    private final Executor ui;
    private final Runnable changed;
    private final MarkdownRenderer markdown = new MarkdownRenderer();
    private final Map<String, String> reasons = new HashMap<>();
    private Lesson lesson;
    private int stepIndex;
    private LessonProgress progress = LessonProgress.NONE;
    private LessonStep running;
    /** The step Run step just passed and moved on from, so the next step's status line can say so; null otherwise. */
    private LessonStep justPassed;
    private final Consumer<LessonStep> ended;

    LessonPresenter(LessonLibrary library, LessonProgressStore store, LessonEngine engine, Executor ui, Runnable changed) {
        this(library, store, engine, ui, changed, step -> { });
    }

    /** Like the other; {@code ended} hears (on {@code ui}) that a step finished, before {@code changed}. */
    LessonPresenter(LessonLibrary library, LessonProgressStore store, LessonEngine engine, Executor ui, Runnable changed,
            Consumer<LessonStep> ended) {
        this.library = library;
        this.store = store;
        this.engine = engine;
        this.ui = ui;
        this.changed = changed;
        this.ended = ended;
    }

    LessonLibrary library() {
        return library;
    }

    Lesson lesson() {
        return lesson;
    }

    int stepIndex() {
        return stepIndex;
    }

    /** The step on screen; only when {@link #lesson()} is not null. */
    LessonStep step() {
        return lesson.steps().get(stepIndex);
    }

    boolean isRunning(LessonStep step) {
        return running == step;
    }

    boolean canRun() {
        return lesson != null && running == null;
    }

    StepStatus statusOf(String stepId) {
        if (running != null && lesson != null && lesson.step(stepId) == running) {
            return StepStatus.RUNNING;
        }
        return progress.status(stepId);
    }

    /** Why {@code step} passed or failed in this run, or null. */
    String reason(LessonStep step) {
        return lesson == null ? null : reasons.get(key(lesson, step));
    }

    Optional<Lesson> byPart(int part) {
        return library.byPart(part);
    }

    /** Shows {@code chosen} at the step the student was on last time. */
    void showLesson(Lesson chosen) {
        lesson = chosen;
        justPassed = null;
        progress = store.get(chosen.id());
        stepIndex = Math.max(0, Math.min(progress.currentStep(), chosen.steps().size() - 1));
    }

    /** Moves to step {@code index} and remembers it; false when out of range. */
    boolean showStep(int index) {
        if (lesson == null || index < 0 || index >= lesson.steps().size()) {
            return false;
        }
        stepIndex = index;
        justPassed = null;
        progress = progress.withCurrentStep(index);
        store.put(lesson.id(), progress);
        return true;
    }

    /** Forgets the lesson's marks and goes back to its first step; false while a step runs. */
    boolean startOver() {
        if (!canRun()) {
            return false;
        }
        progress = LessonProgress.NONE;
        lesson.steps().forEach(step -> reasons.remove(key(lesson, step)));
        stepIndex = 0;
        justPassed = null;
        store.put(lesson.id(), progress);
        return true;
    }

    /**
     * Runs the step on screen; {@code changed} is called on {@code ui} when it ends. A step that
     * passes moves the lesson on to the next one, so Run step walks the lesson; a failed one stays
     * on screen with its reason, to be run again. False while one runs.
     */
    boolean run() {
        if (!canRun()) {
            return false;
        }
        Lesson owner = lesson;
        LessonStep step = step();
        running = step;
        justPassed = null;
        reasons.remove(key(owner, step));
        engine.run(step).whenComplete((result, error) -> ui.execute(() -> stepFinished(owner, step, result, error)));
        return true;
    }

    private void stepFinished(Lesson owner, LessonStep step, StepResult result, Throwable error) {
        running = null;
        StepStatus outcome = result != null ? result.status() : StepStatus.FAILED;
        String reason = result != null ? result.reason() : "The lesson engine failed: " + error;
        reasons.put(key(owner, step), reason);
        LessonProgress updated = (owner == lesson ? progress : store.get(owner.id())).withStatus(step.id(), outcome);
        store.put(owner.id(), updated);
        if (owner == lesson) {
            progress = updated;
        }
        ended.accept(step);
        // Only when the student still looks at that step: one who moved away meanwhile chose where to be.
        if (outcome == StepStatus.PASSED && owner == lesson && step() == step && stepIndex < lesson.steps().size() - 1) {
            showStep(stepIndex + 1);
            justPassed = step;
        }
        changed.run();
    }

    private static String key(Lesson lesson, LessonStep step) {
        return lesson.id() + "/" + step.id();
    }

    String stepTitle() {
        LessonStep step = step();
        return "Step " + (stepIndex + 1) + " of " + lesson.steps().size() + " \u00B7 " + step.side().id() + ": " + step.title();
    }

    StatusLine statusLine() {
        LessonStep step = step();
        StepStatus current = statusOf(step.id());
        String reason = reason(step);
        String text = switch (current) {
            case RUNNING -> "\u2026 Running: " + step.call().describe(step.side());
            case PASSED -> "\u2714 " + (reason != null ? reason : "Done (in an earlier run).");
            case FAILED -> "\u2717 " + (reason != null ? reason : "Failed in an earlier run; run it again.");
            case NOT_RUN -> previousPassed() + step.call().describe(step.side()) + " Press Run step.";
        };
        return new StatusLine(current, text);
    }

    /** "✔ Step 2 passed. " after Run step moved on from it, so the class sees it worked; else "". */
    private String previousPassed() {
        return justPassed == null ? "" : "\u2714 Step " + stepIndex + " passed. Next: ";
    }

    /** The step Run step just passed and moved on from, or null. */
    LessonStep justPassed() {
        return justPassed;
    }

    /** The lesson text for the step on screen (the introduction too on the first step). */
    String html() {
        LessonStep step = step();
        StringBuilder html = new StringBuilder("<html><body>");
        html.append("<h2>Part ").append(lesson.part()).append(": ").append(MarkdownRenderer.escape(lesson.title())).append("</h2>");
        if (stepIndex == 0) {
            html.append(markdown.toHtml(lesson.introduction())).append("<hr>");
        }
        html.append("<h3 class=\"step\">").append(MarkdownRenderer.escape(step.title())).append("</h3>");
        html.append("<p><i>").append(MarkdownRenderer.escape(step.call().describe(step.side()))).append("</i></p>");
        html.append(markdown.toHtml(step.markdown()));
        html.append("<p><b>Proves it worked:</b> ").append(MarkdownRenderer.escape(describe(step))).append("</p>");
        html.append("</body></html>");
        return html.toString();
    }

    /** The outcome in words: {@code the server's log says "…"; the client is CONNECTED}. */
    static String describe(LessonStep step) {
        return step.outcome().clauses().stream()
                .map(clause -> clause.stream().map(LessonPresenter::describe).collect(Collectors.joining(", or ")))
                .collect(Collectors.joining("; ")) + ".";
    }

    private static String describe(Expectation expectation) {
        String who = "the " + expectation.side().id();
        if (expectation instanceof Expectation.Line line) {
            String kind = line.level() == ProgressLevel.ERROR ? "log shows an error" : "log";
            return who + "'s " + kind + " says \u201C" + line.text() + "\u201D";
        }
        if (expectation instanceof Expectation.Not not) {
            return "not: " + describe(not.expectation());
        }
        if (expectation instanceof Expectation.Wire wire) {
            return "on the wire, " + wire;
        }
        Expectation.State state = (Expectation.State) expectation;
        return switch (state.kind()) {
            case REGISTRATION -> who + "'s registration is " + state.value();
            case SESSION -> who + "'s session is " + state.value();
            case LISTENING -> who + (state.value().equals("true") ? " is listening" : " is not listening");
            case TIMEOUT -> who + "'s operation timeout is " + state.value();
            case RING_TIMEOUT -> who + "'s ring timeout is " + state.value();
        };
    }

    @Override
    public void close() {
        engine.close();
    }
}
