package io.github.ucmaworkbench.lessons;

import io.github.ucmaworkbench.tutorial.ClientManager;
import io.github.ucmaworkbench.tutorial.ServerManager;

/**
 * The two tutorial managers a lesson drives. Asked again before every step, so a window that
 * rebuilds a manager (new settings) keeps working with its lessons.
 */
public interface LessonSides {
    ClientManager client();

    ServerManager server();
}
