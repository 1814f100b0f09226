package io.github.ucmaworkbench.ui.exercise;

import io.github.ucmaworkbench.ui.lesson.LessonView;
import javax.swing.JComponent;
import javax.swing.JTabbedPane;

/**
 * The lesson column with two tabs: the lesson, and its homework beside it. Closing it closes the
 * homework; the lesson view is closed by whoever placed it first.
 */
public final class HomeworkTabs extends JTabbedPane implements AutoCloseable {
    public static final String NAME = "lesson.tabs";
    private final JComponent lesson;
    private final ExercisePanel homework;
    private ConsolePanel console;

    public HomeworkTabs(JComponent lesson, ExercisePanel homework) {
        this.lesson = lesson;
        this.homework = homework;
        setName(NAME);
        addTab("Lesson", lesson);
        addTab("Homework", homework);
        // Opening the Homework tab shows the homework of the lesson on screen.
        addChangeListener(e -> {
            if (getSelectedComponent() == homework && lesson instanceof LessonView view && view.currentLesson() != null) {
                homework.showPart(view.currentLesson().part());
            }
        });
    }

    /** Adds the API console as a third tab; it closes with this. */
    public void addConsole(ConsolePanel panel) {
        console = panel;
        addTab("Console", panel);
    }

    public ExercisePanel homework() {
        return homework;
    }

    @Override
    public void close() {
        homework.close();
        if (console != null) {
            console.close();
        }
    }

    public JComponent lesson() {
        return lesson;
    }
}
