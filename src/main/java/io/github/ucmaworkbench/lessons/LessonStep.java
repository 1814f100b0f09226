package io.github.ucmaworkbench.lessons;

import java.time.Duration;

/**
 * One step of a lesson: who acts, what it runs, which code it shows, and what proves it worked.
 *
 * @param region   {@code File#region}, e.g. {@code ServerManager#accept}
 * @param timeout  how long the outcome may take; null = the engine's default
 * @param markdown the step's text (Markdown), from the lesson body
 * @param line     the line of the step's header in the lesson file
 */
public record LessonStep(String id, String title, Side side, StepCall call, String region, Outcome outcome,
        Duration timeout, String markdown, int line) {

    public LessonAction action() {
        return call.action();
    }

    @Override
    public String toString() {
        return title;
    }
}
