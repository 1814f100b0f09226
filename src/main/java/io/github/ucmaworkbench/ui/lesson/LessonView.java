package io.github.ucmaworkbench.ui.lesson;

import io.github.ucmaworkbench.ui.theme.KeyboardSupport;
import io.github.ucmaworkbench.lessons.Lesson;
import io.github.ucmaworkbench.lessons.LessonEngine;
import io.github.ucmaworkbench.lessons.LessonFormatException;
import io.github.ucmaworkbench.lessons.LessonLibrary;
import io.github.ucmaworkbench.lessons.LessonProgressStore;
import io.github.ucmaworkbench.lessons.LessonStep;
import io.github.ucmaworkbench.lessons.StepStatus;
import io.github.ucmaworkbench.ui.theme.ThemeColors;
import java.awt.Component;
import java.awt.Dimension;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.swing.DefaultComboBoxModel;
import javax.swing.DefaultListCellRenderer;
import javax.swing.DefaultListModel;
import javax.swing.JButton;
import javax.swing.JComboBox;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JSplitPane;
import javax.swing.JTextArea;
import javax.swing.ListSelectionModel;
import javax.swing.SwingUtilities;
import javax.swing.UIManager;
import net.miginfocom.swing.MigLayout;

/**
 * The lesson column: pick a part of the series, step through it, run a step. Shows the step's
 * text (Markdown), the tutorial code that runs it (cut from the real source, its region
 * highlighted) beside a short UCMA C# version, and whether the step worked (✔) or not (✗, and why).
 * Progress is remembered per lesson in the {@link LessonProgressStore}.
 *
 * <p>Parts: {@link LessonPresenter} (what to show, without Swing), {@link LessonTextPane} (the
 * step's text) and {@link LessonCodePane} (Java and C#). Build and use it on the event thread. Running a step never blocks that thread: the
 * {@link LessonEngine} works on its own threads and the result comes back through
 * {@code invokeLater}. Call {@link #close()} when the window closes.
 */
public final class LessonView extends JPanel implements AutoCloseable {
    private static final long serialVersionUID = 1L;

    public static final String NAME = "lesson.view";
    public static final String PICKER = "lesson.picker";
    public static final String PREVIOUS = "lesson.previous";
    public static final String NEXT = "lesson.next";
    public static final String RUN = "lesson.run";
    public static final String START_OVER = "lesson.startOver";
    public static final String STEPS = "lesson.steps";
    public static final String STEP_TITLE = "lesson.stepTitle";
    public static final String STATUS = "lesson.status";
    public static final String TEXT = "lesson.text";
    public static final String CODE_TABS = "lesson.codeTabs";
    public static final String JAVA_CODE = "lesson.javaCode";
    public static final String CSHARP_CODE = "lesson.csharpCode";
    public static final String PROBLEMS = "lesson.problems";
    public static final String CODE_CAPTION = "lesson.codeCaption";

    public static final int PREFERRED_WIDTH = 440;
    public static final int MINIMUM_WIDTH = 340;

    private final transient LessonPresenter presenter;

    private final JComboBox<Lesson> picker = new JComboBox<>();
    private final JButton previous = new JButton("\u25C0");
    private final JButton next = new JButton("\u25B6");
    private final JButton run = new JButton("Run step");
    private final JButton startOver = new JButton("Start over");
    private final DefaultListModel<LessonStep> stepModel = new DefaultListModel<>();
    private final JList<LessonStep> steps = new JList<>(stepModel);
    private final WrappedLabel stepTitle = new WrappedLabel();
    private final JTextArea status = new JTextArea(2, 20);
    private final LessonTextPane text = new LessonTextPane();
    private final LessonCodePane code = new LessonCodePane();
    private final JLabel problems = new JLabel();

    private final JPanel navigation;
    private boolean updating;

    public LessonView(LessonHost host, LessonLibrary library, LessonProgressStore store) {
        super(new MigLayout("insets 6, fill, wrap 1, hidemode 3", "[grow,fill]", "[][][][][][grow,fill]"));
        LessonEngine engine = new LessonEngine(host);
        engine.setActionListener((side, call) -> {
            host.stepStarting(side, call.action());
            SwingUtilities.invokeLater(() -> host.highlightAction(side, call.action()));
        });
        this.presenter = new LessonPresenter(library, store, engine, SwingUtilities::invokeLater, this::refresh,
                step -> host.stepEnded(step.side(), step.action()));
        setName(NAME);

        picker.setName(PICKER);
        KeyboardSupport.label(picker, "Lesson", "Which lesson of the tutorial series to follow");
        // One model, one event: item by item, each addition told the combo box and its popup list again.
        picker.setModel(new DefaultComboBoxModel<>(library.lessons().toArray(new Lesson[0])));
        picker.setToolTipText("Which part of the series");
        picker.addActionListener(e -> {
            if (!updating && picker.getSelectedItem() instanceof Lesson chosen) {
                showLesson(chosen);
            }
        });
        previous.setName(PREVIOUS);
        previous.setToolTipText("Previous step");
        previous.addActionListener(e -> showStep(presenter.stepIndex() - 1));
        next.setName(NEXT);
        next.setToolTipText("Next step");
        next.addActionListener(e -> showStep(presenter.stepIndex() + 1));
        run.setName(RUN);
        run.setToolTipText("Run this step: the same call as the button it highlights. Once it passes, the next step is shown");
        run.addActionListener(e -> runCurrentStep());
        // Two rows: the lesson column is narrow beside the two side panels.
        startOver.setName(START_OVER);
        startOver.setToolTipText("Forget this lesson's \u2714 and \u2717 marks and go back to its first step (for the next class)");
        startOver.addActionListener(e -> startOver());
        navigation = new JPanel(new MigLayout("insets 0, gap 4, wrap 5", "[][][grow][][]", ""));
        navigation.add(picker, "span 5, growx, wmin 0");
        navigation.add(previous);
        navigation.add(next);
        navigation.add(startOver, "skip 1");
        navigation.add(run);
        add(navigation);

        problems.setName(PROBLEMS);
        problems.setForeground(ThemeColors.get("Lesson.failedColor"));
        showProblems(library.problems());
        add(problems, "wmin 0");

        steps.setName(STEPS);
        KeyboardSupport.label(steps, "Lesson steps", "The steps of the lesson, each marked passed or failed");
        steps.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
        steps.setVisibleRowCount(5);
        steps.setCellRenderer(new StepRenderer());
        steps.addListSelectionListener(e -> {
            if (!updating && !e.getValueIsAdjusting() && steps.getSelectedIndex() >= 0) {
                showStep(steps.getSelectedIndex());
            }
        });
        add(new JScrollPane(steps), "hmin 60");

        stepTitle.setName(STEP_TITLE);
        add(stepTitle, "wmin 0");

        status.setName(STATUS);
        status.setEditable(false);
        status.setLineWrap(true);
        status.setWrapStyleWord(true);
        status.setOpaque(false);
        status.setFocusable(false);
        status.setBorder(null);
        // A set colour outlives a theme change: pick it again from the new theme (✔ green of the
        // light theme on the dark one read at 2.1:1).
        status.addPropertyChangeListener("UI", e -> showStatusColour());
        add(status, "wmin 0");

        JSplitPane split = new JSplitPane(JSplitPane.VERTICAL_SPLIT, new JScrollPane(text), code);
        split.setResizeWeight(0.5);
        split.setName("lesson.split"); // the window remembers where its divider was
        split.setBorder(null);
        add(split, "grow, wmin 0, hmin 200");

        if (!library.lessons().isEmpty()) {
            showLesson(library.lessons().get(0));
        } else {
            refresh();
        }
    }

    /** {@value #MINIMUM_WIDTH} pixels, or what the step buttons need with the presentation font. */
    @Override
    public Dimension getMinimumSize() {
        if (isMinimumSizeSet()) {
            return super.getMinimumSize();
        }
        Dimension scaled = scaled(MINIMUM_WIDTH, 300);
        return new Dimension(Math.max(MINIMUM_WIDTH, navigation.getMinimumSize().width + 12), scaled.height);
    }

    @Override
    public Dimension getPreferredSize() {
        return isPreferredSizeSet() ? super.getPreferredSize() : scaled(PREFERRED_WIDTH, 700);
    }

    private Dimension scaled(int width, int height) {
        float scale = getFont() == null ? 1f : Math.max(1f, getFont().getSize2D() / 13f);
        return new Dimension(Math.round(width * scale), Math.round(height * scale));
    }

    private void showProblems(List<LessonFormatException> list) {
        problems.setVisible(!list.isEmpty());
        if (!list.isEmpty()) {
            problems.setText((list.size() == 1 ? "A lesson file could not be read: " : list.size() + " lesson files could not be read: ")
                    + list.get(0).getMessage());
            problems.setToolTipText("<html>" + list.stream().map(e -> MarkdownRenderer.escape(e.getMessage()))
                    .collect(Collectors.joining("<br>")) + "</html>");
        }
    }

    /** The lesson on screen, or null when none loaded. */
    public Lesson currentLesson() {
        return presenter.lesson();
    }

    /** Index of the step on screen. */
    public int currentStepIndex() {
        return presenter.stepIndex();
    }

    /** How step {@code stepId} of the lesson on screen stands. */
    public StepStatus statusOf(String stepId) {
        return presenter.statusOf(stepId);
    }

    /** Shows part {@code part} at the step the student was on; false when there is no such lesson. */
    public boolean showLesson(int part) {
        Optional<Lesson> found = presenter.byPart(part);
        found.ifPresent(this::showLesson);
        return found.isPresent();
    }

    /** Shows {@code chosen} at the step the student was on last time. */
    public void showLesson(Lesson chosen) {
        presenter.showLesson(chosen);
        updating = true;
        try {
            // Lesson is a record: the combo box's equals() would spin its method handles on the
            // event thread while the window is built, to find the lesson it already shows.
            if (picker.getSelectedItem() != chosen) {
                picker.setSelectedItem(chosen);
            }
            stepModel.clear();
            stepModel.addAll(chosen.steps());
        } finally {
            updating = false;
        }
        refresh();
    }

    /** Moves to step {@code index} (ignored when out of range) and remembers it. */
    public void showStep(int index) {
        if (presenter.showStep(index)) {
            refresh();
        }
    }

    /** Forgets the lesson's marks and shows its first step, as the Start over button does. */
    public void startOver() {
        if (presenter.startOver()) {
            refresh();
        }
    }

    /** Runs the step on screen, as the Run button does. */
    public void runCurrentStep() {
        if (presenter.run()) {
            refresh();
        }
    }

    private void refresh() {
        Lesson lesson = presenter.lesson();
        boolean any = lesson != null;
        previous.setEnabled(any && presenter.stepIndex() > 0);
        next.setEnabled(any && presenter.stepIndex() < lesson.steps().size() - 1);
        run.setEnabled(presenter.canRun());
        startOver.setEnabled(presenter.canRun());
        picker.setEnabled(!presenter.library().lessons().isEmpty());
        if (!any) {
            stepTitle.setText("No lessons");
            status.setText("No lesson could be loaded from " + presenter.library().origin() + ".");
            text.setText("");
            code.clear();
            return;
        }
        LessonStep step = presenter.step();
        updating = true;
        try {
            steps.setSelectedIndex(presenter.stepIndex());
            steps.ensureIndexIsVisible(presenter.stepIndex());
        } finally {
            updating = false;
        }
        steps.repaint();
        stepTitle.setText(presenter.stepTitle());
        LessonPresenter.StatusLine line = presenter.statusLine();
        statusKind = line.kind();
        showStatusColour();
        status.setText(line.text());
        text.show(presenter.html());
        code.show(step, presenter.isRunning(step));
    }

    private StepStatus statusKind;

    private void showStatusColour() {
        status.setForeground(statusKind == StepStatus.PASSED ? ThemeColors.get("Lesson.passedColor")
                : statusKind == StepStatus.FAILED ? ThemeColors.get("Lesson.failedColor") : UIManager.getColor("Label.foreground"));
    }

    /** The outcome in words: {@code the server's log says "…"; the client is CONNECTED}. */
    static String describe(LessonStep step) {
        return LessonPresenter.describe(step);
    }

    /** The highlighted line range of the Java pane (1-based, inclusive), for tests; null when none. */
    int[] highlightedLines() {
        return code.highlightedLines();
    }

    /** The Java pane's text, for tests. */
    String javaText() {
        return code.javaText();
    }

    @Override
    public void close() {
        presenter.close();
    }

    private final class StepRenderer extends DefaultListCellRenderer {
        private static final long serialVersionUID = 1L;

        @Override
        public Component getListCellRendererComponent(JList<?> list, Object value, int index, boolean selected, boolean focus) {
            LessonStep step = (LessonStep) value;
            StepStatus state = presenter.statusOf(step.id());
            super.getListCellRendererComponent(list, state.symbol() + " " + (index + 1) + ". " + step.title(), index, selected, focus);
            if (!selected) {
                if (state == StepStatus.PASSED) {
                    setForeground(ThemeColors.get("Lesson.passedColor"));
                } else if (state == StepStatus.FAILED) {
                    setForeground(ThemeColors.get("Lesson.failedColor"));
                }
            }
            setToolTipText(presenter.reason(step));
            return this;
        }
    }
}
