package io.github.ucmaworkbench.ui.lesson;

import io.github.ucmaworkbench.lessons.CSharpEquivalents;
import io.github.ucmaworkbench.lessons.CodeRegion;
import io.github.ucmaworkbench.lessons.CodeRegions;
import io.github.ucmaworkbench.lessons.Expectation;
import io.github.ucmaworkbench.lessons.Lesson;
import io.github.ucmaworkbench.lessons.LessonEngine;
import io.github.ucmaworkbench.lessons.LessonFormatException;
import io.github.ucmaworkbench.lessons.LessonLibrary;
import io.github.ucmaworkbench.lessons.LessonProgress;
import io.github.ucmaworkbench.lessons.LessonProgressStore;
import io.github.ucmaworkbench.lessons.LessonStep;
import io.github.ucmaworkbench.lessons.StepResult;
import io.github.ucmaworkbench.lessons.StepStatus;
import java.awt.Color;
import java.awt.Component;
import java.awt.Font;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.swing.DefaultListCellRenderer;
import javax.swing.DefaultListModel;
import javax.swing.JButton;
import javax.swing.JComboBox;
import javax.swing.JEditorPane;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JSplitPane;
import javax.swing.JTabbedPane;
import javax.swing.JTextArea;
import javax.swing.JViewport;
import javax.swing.ListSelectionModel;
import javax.swing.SwingUtilities;
import javax.swing.UIManager;
import javax.swing.text.BadLocationException;
import javax.swing.text.html.HTMLEditorKit;
import javax.swing.text.html.StyleSheet;
import net.miginfocom.swing.MigLayout;
import org.fife.ui.rsyntaxtextarea.RSyntaxTextArea;
import org.fife.ui.rsyntaxtextarea.SyntaxConstants;
import org.fife.ui.rtextarea.RTextScrollPane;

/**
 * The lesson column: pick a part of the series, step through it, run a step. Shows the step's
 * text (Markdown), the tutorial code that runs it (cut from the real source, its region
 * highlighted) beside a short UCMA C# version, and whether the step worked (✔) or not (✗, and why).
 * Progress is remembered per lesson in the {@link LessonProgressStore}.
 *
 * <p>Build and use it on the event thread. Running a step never blocks that thread: the
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
    /** Wide enough for a step's text and a readable slice of code beside the two side panels. */
    public static final int PREFERRED_WIDTH = 440;
    public static final int MINIMUM_WIDTH = 340;

    private static final Color PASSED = new Color(0x2E7D32);
    private static final Color FAILED = new Color(0xC62828);
    private static final Color REGION_SHOWN = new Color(74, 144, 226, 60);
    private static final Color REGION_RUNNING = new Color(255, 179, 0, 110);

    private final transient LessonHost host;
    private final transient LessonLibrary library;
    private final transient LessonProgressStore store;
    private final transient LessonEngine engine;
    private final transient CodeRegions regions = new CodeRegions();
    private final transient MarkdownRenderer markdown = new MarkdownRenderer();

    private final JComboBox<Lesson> picker = new JComboBox<>();
    private final JButton previous = new JButton("\u25C0");
    private final JButton next = new JButton("\u25B6");
    private final JButton run = new JButton("Run step");
    private final JButton startOver = new JButton("Start over");
    private final DefaultListModel<LessonStep> stepModel = new DefaultListModel<>();
    private final JList<LessonStep> steps = new JList<>(stepModel);
    private final JLabel stepTitle = new JLabel();
    private final JTextArea status = new JTextArea(2, 20);
    private final JEditorPane text = new JEditorPane();
    private final RSyntaxTextArea java = codeArea(SyntaxConstants.SYNTAX_STYLE_JAVA);
    private final RSyntaxTextArea csharp = codeArea(SyntaxConstants.SYNTAX_STYLE_CSHARP);
    private final JTabbedPane codeTabs = new JTabbedPane();
    private final JLabel problems = new JLabel();
    private final JLabel codeCaption = new JLabel();

    private transient Lesson lesson;
    private int stepIndex;
    private transient LessonProgress progress = LessonProgress.NONE;
    /** Why each step of each lesson last passed or failed, this session ("lessonId/stepId"). */
    private final Map<String, String> reasons = new HashMap<>();
    private transient LessonStep running;
    private boolean updating;

    public LessonView(LessonHost host, LessonLibrary library, LessonProgressStore store) {
        super(new MigLayout("insets 6, fill, wrap 1, hidemode 3", "[grow,fill]", "[][][][][][grow,fill]"));
        this.host = host;
        this.library = library;
        this.store = store;
        this.engine = new LessonEngine(host);
        engine.setActionListener((side, call) -> SwingUtilities.invokeLater(() -> host.highlightAction(side, call.action())));
        setName(NAME);

        picker.setName(PICKER);
        library.lessons().forEach(picker::addItem);
        picker.setToolTipText("Which part of the series");
        picker.addActionListener(e -> {
            if (!updating && picker.getSelectedItem() instanceof Lesson chosen) {
                showLesson(chosen);
            }
        });
        previous.setName(PREVIOUS);
        previous.setToolTipText("Previous step");
        previous.addActionListener(e -> showStep(stepIndex - 1));
        next.setName(NEXT);
        next.setToolTipText("Next step");
        next.addActionListener(e -> showStep(stepIndex + 1));
        run.setName(RUN);
        run.setToolTipText("Run this step: the same call as the button it highlights");
        run.addActionListener(e -> runPerformed());
        // Two rows: the lesson column is narrow beside the two side panels.
        startOver.setName(START_OVER);
        startOver.setToolTipText("Forget this lesson's \u2714 and \u2717 marks and go back to its first step (for the next class)");
        startOver.addActionListener(e -> startOverPerformed());
        JPanel navigation = new JPanel(new MigLayout("insets 0, gap 4, wrap 5", "[][][grow][][]", ""));
        navigation.add(picker, "span 5, growx, wmin 0");
        navigation.add(previous);
        navigation.add(next);
        navigation.add(startOver, "skip 1");
        navigation.add(run);
        add(navigation);

        problems.setName(PROBLEMS);
        problems.setForeground(FAILED);
        showProblems(library.problems());
        add(problems, "wmin 0");

        steps.setName(STEPS);
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
        stepTitle.setFont(stepTitle.getFont().deriveFont(Font.BOLD));
        add(stepTitle, "wmin 0");

        status.setName(STATUS);
        status.setEditable(false);
        status.setLineWrap(true);
        status.setWrapStyleWord(true);
        status.setOpaque(false);
        status.setFocusable(false);
        status.setBorder(null);
        add(status, "wmin 0");

        text.setName(TEXT);
        text.setEditable(false);
        text.putClientProperty(JEditorPane.HONOR_DISPLAY_PROPERTIES, Boolean.TRUE);
        HTMLEditorKit kit = new HTMLEditorKit();
        StyleSheet css = new StyleSheet();
        css.addStyleSheet(kit.getStyleSheet()); // keep the defaults (headings, lists), add ours on top
        css.addRule("body { margin: 4px; }");
        css.addRule("code { font-family: monospaced; }");
        css.addRule("pre { font-family: monospaced; margin-left: 8px; }");
        css.addRule("blockquote { margin-left: 8px; padding-left: 6px; border-left: 3px solid #d08000; }");
        css.addRule("td, th { border: 1px solid #999999; padding: 2px 4px; }");
        css.addRule("th { font-weight: bold; }");
        css.addRule(".step { color: #4a78b0; }");
        kit.setStyleSheet(css);
        text.setEditorKit(kit);

        java.setName(JAVA_CODE);
        csharp.setName(CSHARP_CODE);
        codeTabs.setName(CODE_TABS);
        codeTabs.setTabLayoutPolicy(JTabbedPane.SCROLL_TAB_LAYOUT);
        codeTabs.addTab("Java", new RTextScrollPane(java));
        codeTabs.addTab("UCMA C#", new RTextScrollPane(csharp));
        codeCaption.setName(CODE_CAPTION);
        JPanel code = new JPanel(new MigLayout("insets 0, fill, wrap 1", "[grow,fill]", "[][grow,fill]"));
        code.add(codeCaption, "wmin 0");
        code.add(codeTabs, "grow, wmin 0");

        JSplitPane split = new JSplitPane(JSplitPane.VERTICAL_SPLIT, new JScrollPane(text), code);
        split.setResizeWeight(0.5);
        split.setBorder(null);
        add(split, "grow, wmin 0, hmin 200");

        applyCodeTheme();
        setMinimumSize(new java.awt.Dimension(MINIMUM_WIDTH, 300));
        setPreferredSize(new java.awt.Dimension(PREFERRED_WIDTH, 700));
        if (!library.lessons().isEmpty()) {
            showLesson(library.lessons().get(0));
        } else {
            refresh();
        }
    }

    /**
     * Follows the window's theme and presentation font: FlatLaf calls this on every component when
     * either changes. The code panes get a syntax theme that matches light or dark and a font as
     * large as the rest of the text, so code stays readable on the projector.
     */
    @Override
    public void updateUI() {
        super.updateUI();
        if (java != null) { // null when JPanel's constructor calls this, before the panes exist
            applyCodeTheme();
        }
    }

    private void applyCodeTheme() {
        boolean dark = com.formdev.flatlaf.FlatLaf.isLafDark();
        String themeFile = dark ? "/org/fife/ui/rsyntaxtextarea/themes/dark.xml" : "/org/fife/ui/rsyntaxtextarea/themes/idea.xml";
        Font base = UIManager.getFont("Label.font");
        for (RSyntaxTextArea area : new RSyntaxTextArea[] {java, csharp}) {
            try (java.io.InputStream in = getClass().getResourceAsStream(themeFile)) {
                if (in != null) {
                    org.fife.ui.rsyntaxtextarea.Theme.load(in).apply(area);
                }
            } catch (java.io.IOException e) {
                // The theme ships inside RSyntaxTextArea's jar; without it the default colours stay.
            }
            if (base != null) {
                area.setFont(new Font(Font.MONOSPACED, Font.PLAIN, base.getSize()));
            }
        }
        if (lesson != null) {
            showCode(lesson.steps().get(stepIndex)); // the theme reset the line highlights
        }
    }

    private static RSyntaxTextArea codeArea(String style) {
        RSyntaxTextArea area = new RSyntaxTextArea(16, 50);
        area.setSyntaxEditingStyle(style);
        area.setEditable(false);
        area.setCodeFoldingEnabled(false);
        area.setHighlightCurrentLine(false);
        area.setAntiAliasingEnabled(true);
        return area;
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
        return lesson;
    }

    /** Index of the step on screen. */
    public int currentStepIndex() {
        return stepIndex;
    }

    /** How step {@code stepId} of the lesson on screen stands. */
    public StepStatus statusOf(String stepId) {
        if (running != null && lesson != null && lesson.step(stepId) == running) {
            return StepStatus.RUNNING;
        }
        return progress.status(stepId);
    }

    /** Shows part {@code part} at the step the student was on; false when there is no such lesson. */
    public boolean showLesson(int part) {
        Optional<Lesson> found = library.byPart(part);
        found.ifPresent(this::showLesson);
        return found.isPresent();
    }

    /** Shows {@code chosen} at the step the student was on last time. */
    public void showLesson(Lesson chosen) {
        lesson = chosen;
        progress = store.get(chosen.id());
        stepIndex = Math.max(0, Math.min(progress.currentStep(), chosen.steps().size() - 1));
        updating = true;
        try {
            picker.setSelectedItem(chosen);
            stepModel.clear();
            chosen.steps().forEach(stepModel::addElement);
        } finally {
            updating = false;
        }
        refresh();
    }

    /** Moves to step {@code index} (ignored when out of range) and remembers it. */
    public void showStep(int index) {
        if (lesson == null || index < 0 || index >= lesson.steps().size()) {
            return;
        }
        stepIndex = index;
        progress = progress.withCurrentStep(index);
        store.put(lesson.id(), progress);
        refresh();
    }

    /** Forgets the lesson's marks and shows its first step, as the Start over button does. */
    public void startOver() {
        startOverPerformed();
    }

    private void startOverPerformed() {
        if (lesson == null || running != null) {
            return;
        }
        progress = LessonProgress.NONE;
        lesson.steps().forEach(step -> reasons.remove(key(lesson, step)));
        stepIndex = 0;
        store.put(lesson.id(), progress);
        refresh();
    }

    /** Runs the step on screen, as the Run button does. */
    public void runCurrentStep() {
        runPerformed();
    }

    private void runPerformed() {
        if (lesson == null || running != null) {
            return;
        }
        Lesson owner = lesson;
        LessonStep step = lesson.steps().get(stepIndex);
        running = step;
        reasons.remove(key(owner, step));
        refresh();
        engine.run(step).whenComplete((result, error) -> SwingUtilities.invokeLater(() -> stepFinished(owner, step, result, error)));
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
        refresh();
    }

    private static String key(Lesson lesson, LessonStep step) {
        return lesson.id() + "/" + step.id();
    }

    private void refresh() {
        boolean any = lesson != null;
        previous.setEnabled(any && stepIndex > 0);
        next.setEnabled(any && stepIndex < lesson.steps().size() - 1);
        run.setEnabled(any && running == null);
        startOver.setEnabled(any && running == null);
        picker.setEnabled(!library.lessons().isEmpty());
        if (!any) {
            stepTitle.setText("No lessons");
            status.setText("No lesson could be loaded from " + library.origin() + ".");
            text.setText("");
            java.setText("");
            csharp.setText("");
            return;
        }
        LessonStep step = lesson.steps().get(stepIndex);
        updating = true;
        try {
            steps.setSelectedIndex(stepIndex);
            steps.ensureIndexIsVisible(stepIndex);
        } finally {
            updating = false;
        }
        steps.repaint();
        stepTitle.setText("Step " + (stepIndex + 1) + " of " + lesson.steps().size() + " \u00B7 " + step.side().id() + ": " + step.title());
        showStatus(step);
        showText(step);
        showCode(step);
    }

    private void showStatus(LessonStep step) {
        StepStatus current = statusOf(step.id());
        String reason = reasons.get(key(lesson, step));
        switch (current) {
            case RUNNING -> {
                status.setForeground(UIManager.getColor("Label.foreground"));
                status.setText("\u2026 Running: " + step.call().describe(step.side()));
            }
            case PASSED -> {
                status.setForeground(PASSED);
                status.setText("\u2714 " + (reason != null ? reason : "Done (in an earlier run)."));
            }
            case FAILED -> {
                status.setForeground(FAILED);
                status.setText("\u2717 " + (reason != null ? reason : "Failed in an earlier run; run it again."));
            }
            case NOT_RUN -> {
                status.setForeground(UIManager.getColor("Label.foreground"));
                status.setText(step.call().describe(step.side()) + " Press Run step.");
            }
            default -> throw new IllegalStateException(current.name());
        }
    }

    private void showText(LessonStep step) {
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
        text.setText(html.toString());
        text.setCaretPosition(0);
    }

    /** The outcome in words: {@code the server's log says "…"; the client is CONNECTED}. */
    static String describe(LessonStep step) {
        return step.outcome().clauses().stream()
                .map(clause -> clause.stream().map(LessonView::describe).collect(Collectors.joining(", or ")))
                .collect(Collectors.joining("; ")) + ".";
    }

    private static String describe(Expectation expectation) {
        String who = "the " + expectation.side().id();
        if (expectation instanceof Expectation.Line line) {
            String kind = line.level() == null ? "log" : line.level().name().equals("ERROR") ? "log shows an error" : "log";
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

    private void showCode(LessonStep step) {
        Optional<CodeRegion> found = regions.find(step.region());
        java.removeAllLineHighlights();
        if (found.isEmpty()) {
            java.setText("// The region " + step.region() + " was not found in the tutorial sources.");
            codeCaption.setText(step.region() + ": not found");
        } else {
            CodeRegion region = found.get();
            if (!region.source().equals(java.getText())) {
                java.setText(region.source());
            }
            codeCaption.setText("Runs: " + region.fileName() + ", lines " + region.firstLine() + "\u2013" + region.lastLine());
            Color color = running == step ? REGION_RUNNING : REGION_SHOWN;
            try {
                for (int line = region.firstLine(); line <= region.lastLine(); line++) {
                    java.addLineHighlight(line - 1, color);
                }
                int top = Math.max(0, region.firstLine() - 2);
                // After layout: the pane may not have its final size yet.
                SwingUtilities.invokeLater(() -> scrollToLine(top));
            } catch (BadLocationException e) {
                // The source is the one just shown: every line exists.
                throw new IllegalStateException(e);
            }
        }
        String cs = CSharpEquivalents.forRegion(step.region()).orElse("// No C# version of this region yet.");
        if (!cs.equals(csharp.getText())) {
            csharp.setText(cs);
            csharp.setCaretPosition(0);
        }
    }

    /** Puts line {@code line} (0-based) at the top of the Java pane, so the region reads from its start. */
    private void scrollToLine(int line) {
        JViewport viewport = (JViewport) SwingUtilities.getAncestorOfClass(JViewport.class, java);
        if (viewport == null || line >= java.getLineCount()) {
            return;
        }
        try {
            java.awt.geom.Rectangle2D at = java.modelToView2D(java.getLineStartOffset(line));
            if (at == null) {
                return;
            }
            int maxY = Math.max(0, java.getHeight() - viewport.getExtentSize().height);
            viewport.setViewPosition(new java.awt.Point(0, Math.min((int) at.getY(), maxY)));
        } catch (BadLocationException e) {
            // The line exists (checked above); nothing to scroll to otherwise.
        }
    }

    /** The highlighted line range of the Java pane (1-based, inclusive), for tests; null when none. */
    int[] highlightedLines() {
        Optional<CodeRegion> found = lesson == null ? Optional.empty() : regions.find(lesson.steps().get(stepIndex).region());
        return found.map(r -> new int[] {r.firstLine(), r.lastLine()}).orElse(null);
    }

    /** The Java pane's text, for tests. */
    String javaText() {
        return java.getText();
    }

    @Override
    public void close() {
        engine.close();
    }

    private final class StepRenderer extends DefaultListCellRenderer {
        private static final long serialVersionUID = 1L;

        @Override
        public Component getListCellRendererComponent(JList<?> list, Object value, int index, boolean selected, boolean focus) {
            LessonStep step = (LessonStep) value;
            StepStatus state = statusOf(step.id());
            super.getListCellRendererComponent(list, state.symbol() + " " + (index + 1) + ". " + step.title(), index, selected, focus);
            if (!selected) {
                if (state == StepStatus.PASSED) {
                    setForeground(PASSED);
                } else if (state == StepStatus.FAILED) {
                    setForeground(FAILED);
                }
            }
            String reason = lesson == null ? null : reasons.get(key(lesson, step));
            setToolTipText(reason);
            return this;
        }
    }
}
