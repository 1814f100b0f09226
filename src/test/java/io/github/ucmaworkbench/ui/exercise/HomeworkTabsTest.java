package io.github.ucmaworkbench.ui.exercise;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ucmaworkbench.lessons.LessonSides;
import io.github.ucmaworkbench.lessons.exercise.ExerciseLibrary;
import io.github.ucmaworkbench.lessons.exercise.HomeworkStore;
import io.github.ucmaworkbench.tutorial.ClientManager;
import io.github.ucmaworkbench.tutorial.ServerManager;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import javax.swing.JLabel;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A lesson column whose Homework and Console are made later (the window's cold start): both tabs
 * are there from the start, each content is made once, when its tab is chosen or when the window
 * asks for the rest, whichever comes first.
 */
class HomeworkTabsTest {
    @TempDir
    Path temp;

    private final AtomicInteger homeworkMade = new AtomicInteger();
    private final AtomicInteger consoleMade = new AtomicInteger();
    private HomeworkTabs tabs;

    @Test
    void theTabsAreThereAtOnceTheirContentsOnlyWhenNeeded() throws Exception {
        ExerciseLibrary library = ExerciseLibrary.load(Path.of("lessons", "exercises"));
        HomeworkStore store = new HomeworkStore(temp.resolve("homework"));
        LessonSides sides = new LessonSides() {
            @Override
            public ClientManager client() {
                return null;
            }

            @Override
            public ServerManager server() {
                return null;
            }
        };
        SwingUtilities.invokeAndWait(() -> {
            tabs = HomeworkTabs.deferred(new JLabel("lesson"), () -> {
                homeworkMade.incrementAndGet();
                return new ExercisePanel(sides, library, store);
            });
            tabs.addConsole(() -> {
                consoleMade.incrementAndGet();
                return new ConsolePanel(() -> null, () -> null);
            });
        });
        SwingUtilities.invokeAndWait(() -> {
            assertThat(tabs.getTabCount()).isEqualTo(3);
            assertThat(tabs.getTitleAt(1)).isEqualTo("Homework");
            assertThat(tabs.getTitleAt(2)).isEqualTo("Console");
            assertThat(homeworkMade).hasValue(0);
            assertThat(consoleMade).hasValue(0);

            tabs.setSelectedIndex(1);
            assertThat(homeworkMade).hasValue(1);
            assertThat(tabs.homework().getParent()).isSameAs(tabs.getComponentAt(1));
            assertThat(consoleMade).hasValue(0);

            tabs.buildDeferred();
            tabs.buildDeferred();
            tabs.setSelectedIndex(2);
            assertThat(homeworkMade).hasValue(1);
            assertThat(consoleMade).hasValue(1);
            tabs.close();
        });
    }
}
