package io.github.ucmaworkbench.ui.exercise;

import io.github.ucmaworkbench.ui.lesson.LessonView;
import java.awt.BorderLayout;
import java.util.function.Supplier;
import javax.swing.JComponent;
import javax.swing.JPanel;
import javax.swing.JTabbedPane;

/**
 * The lesson column with two tabs: the lesson, and its homework beside it (and the API console,
 * when added). Closing it closes the homework; the lesson view is closed by whoever placed it first.
 *
 * <p>The Homework and Console tabs may be made later than the lesson ({@link #deferred}): their
 * tabs are there at once, so the column's layout does not change, but the editor with its
 * completions and the JShell console are built by {@link #buildDeferred} (the window calls it just
 * after its startup is whole) or when their tab is chosen, whichever comes first. Event thread only.
 */
public final class HomeworkTabs extends JTabbedPane implements AutoCloseable {
    public static final String NAME = "lesson.tabs";
    private final JComponent lesson;
    private final JPanel homeworkTab = new JPanel(new BorderLayout());
    private final JPanel consoleTab = new JPanel(new BorderLayout());
    private transient Supplier<ExercisePanel> homeworkMaker;
    private transient Supplier<ConsolePanel> consoleMaker;
    private ExercisePanel homework;
    private ConsolePanel console;

    public HomeworkTabs(JComponent lesson, ExercisePanel homework) {
        this(lesson, () -> homework);
        homework();
    }

    private HomeworkTabs(JComponent lesson, Supplier<ExercisePanel> homework) {
        this.lesson = lesson;
        this.homeworkMaker = homework;
        setName(NAME);
        addTab("Lesson", lesson);
        addTab("Homework", homeworkTab);
        // Opening a tab builds what it shows; the Homework tab shows the homework of the lesson on screen.
        addChangeListener(e -> {
            if (getSelectedComponent() == homeworkTab) {
                ExercisePanel panel = homework();
                if (lesson instanceof LessonView view && view.currentLesson() != null) {
                    panel.showPart(view.currentLesson().part());
                }
            } else if (getSelectedComponent() == consoleTab) {
                console();
            }
        });
    }

    /** The lesson column whose homework (and console, if added) is made on first need. */
    public static HomeworkTabs deferred(JComponent lesson, Supplier<ExercisePanel> homework) {
        return new HomeworkTabs(lesson, homework);
    }

    /** Adds the API console as a third tab; it closes with this. */
    public void addConsole(ConsolePanel panel) {
        addConsole(() -> panel);
        console();
    }

    /** Adds the API console as a third tab, made on first need; it closes with this. */
    public void addConsole(Supplier<ConsolePanel> panel) {
        consoleMaker = panel;
        addTab("Console", consoleTab);
    }

    /** Makes the homework and console now if they are not yet. */
    public void buildDeferred() {
        homework();
        console();
    }

    /** The homework panel, made now if it was not yet. */
    public ExercisePanel homework() {
        if (homework == null) {
            homework = homeworkMaker.get();
            homeworkMaker = null;
            homeworkTab.add(homework, BorderLayout.CENTER);
            homeworkTab.revalidate();
        }
        return homework;
    }

    private void console() {
        if (console == null && consoleMaker != null) {
            console = consoleMaker.get();
            consoleMaker = null;
            consoleTab.add(console, BorderLayout.CENTER);
            consoleTab.revalidate();
        }
    }

    @Override
    public void close() {
        if (homework != null) {
            homework.close();
        }
        if (console != null) {
            console.close();
        }
    }

    public JComponent lesson() {
        return lesson;
    }
}
