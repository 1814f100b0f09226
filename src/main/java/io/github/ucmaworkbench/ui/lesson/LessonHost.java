package io.github.ucmaworkbench.ui.lesson;

import io.github.ucmaworkbench.lessons.LessonAction;
import io.github.ucmaworkbench.lessons.LessonSides;
import io.github.ucmaworkbench.lessons.Side;

/**
 * What the window gives the {@link LessonView}: the two tutorial managers (and, optionally, its
 * own way of applying a step's settings, see {@link LessonSides}) plus a way to point at the
 * button a step stands for.
 *
 * <pre>{@code
 * LessonView lessons = new LessonView(new LessonHost() {
 *     public ClientManager client() { return workbench.clientManager(); }
 *     public ServerManager server() { return workbench.serverManager(); }
 *     public void highlightAction(Side side, LessonAction action) { flash(buttonFor(side, action)); }
 * }, LessonLibrary.load(), LessonProgressStore.openDefault());
 * }</pre>
 */
public interface LessonHost extends LessonSides {
    /**
     * A step is about to call the manager method behind this side's button for {@code action}:
     * highlight that button (or, for {@code set-policy}, show the new policy). Called on the event
     * thread. The default does nothing.
     */
    default void highlightAction(Side side, LessonAction action) {
    }

    /**
     * A step is about to call the manager method behind {@code action} on {@code side}: called on
     * the lesson engine's thread, before {@link #highlightAction} reaches the event thread, so a
     * host can note what was already traced before the step's first message. Must return at once
     * and touch no Swing component. The default does nothing.
     */
    default void stepStarting(Side side, LessonAction action) {
    }

    /**
     * The step that called {@code action} on {@code side} has ended, passed or failed: stop
     * pointing at what it did (the ladder stops highlighting new messages). Called on the event
     * thread, for every step, also one that found its outcome already so and pressed nothing.
     * The default does nothing.
     */
    default void stepEnded(Side side, LessonAction action) {
    }
}
