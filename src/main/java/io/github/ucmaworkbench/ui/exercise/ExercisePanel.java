package io.github.ucmaworkbench.ui.exercise;

import io.github.ucmaworkbench.ui.theme.KeyboardSupport;
import io.github.ucmaworkbench.common.DaemonThreads;
import io.github.ucmaworkbench.lessons.LessonSides;
import io.github.ucmaworkbench.lessons.StepResult;
import io.github.ucmaworkbench.lessons.exercise.Exercise;
import io.github.ucmaworkbench.lessons.exercise.ExerciseChecker;
import io.github.ucmaworkbench.lessons.exercise.ExerciseLibrary;
import io.github.ucmaworkbench.lessons.exercise.ExerciseReport;
import io.github.ucmaworkbench.lessons.exercise.HomeworkStore;
import io.github.ucmaworkbench.lessons.exercise.StudentCompiler;
import java.awt.Font;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.swing.DefaultListModel;
import javax.swing.JButton;
import javax.swing.JComboBox;
import javax.swing.JEditorPane;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.SwingUtilities;
import javax.swing.Timer;
import javax.swing.event.DocumentEvent;
import javax.swing.event.DocumentListener;
import net.miginfocom.swing.MigLayout;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.fife.ui.autocomplete.AutoCompletion;
import org.fife.ui.rsyntaxtextarea.RSyntaxTextArea;
import org.fife.ui.rsyntaxtextarea.SyntaxConstants;
import org.fife.ui.rtextarea.RTextScrollPane;

/**
 * The homework tab: pick an exercise, read the task and hints, edit the starter, then
 * <b>Run</b> (compile; errors underlined at line:column; the code runs in the window's own
 * client or server and the exercise's steps play, so the logs and ladder show it), <b>Check</b>
 * (the grader the command line uses, on endpoints of its own: ✔ or ✗ per expectation with the
 * reason) and <b>Reset</b> (the starter back). Work is saved under the config folder as you type.
 * Compiling, running and saving happen on a worker thread; results come back with invokeLater.
 */
public final class ExercisePanel extends JPanel implements AutoCloseable {
    public static final String PICKER = "exercise.picker";
    public static final String EDITOR = "exercise.editor";
    public static final String RUN = "exercise.run";
    public static final String CHECK = "exercise.check";
    public static final String RESET = "exercise.reset";
    public static final String RESULTS = "exercise.results";
    public static final String STATUS = "exercise.status";

    private final ExerciseLibrary library;
    private final HomeworkStore store;
    private final LiveRun live;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(DaemonThreads.named("homework-panel"));
    private final JComboBox<Exercise> picker;
    private final JEditorPane task = new JEditorPane("text/html", "");
    private final RSyntaxTextArea editor = new RSyntaxTextArea(20, 60);
    private final CompileErrorParser errors = new CompileErrorParser();
    private final AutoCompletion completion;
    private final JButton run = new JButton("Run");
    private final JButton check = new JButton("Check");
    private final JButton reset = new JButton("Reset");
    private final JLabel status = new JLabel(" ");
    private final DefaultListModel<String> results = new DefaultListModel<>();
    private final JList<String> resultList;
    private final Timer saveLater = new Timer(700, e -> saveNow());
    private Exercise current;
    private boolean loading;

    public ExercisePanel(LessonSides sides, ExerciseLibrary library, HomeworkStore store) {
        // Every row may shrink below its preferred width: the lesson column is often narrow.
        super(new MigLayout("insets 6, fill", "[0::,grow,fill]", "[][120!,fill][grow,fill][][160!,fill]"));
        this.library = library;
        this.store = store;
        this.live = new LiveRun(sides);
        picker = new JComboBox<>(library.exercises().toArray(new Exercise[0]));
        picker.setName(PICKER);
        KeyboardSupport.label(picker, "Exercise", "Which homework exercise to work on");
        KeyboardSupport.label(editor, "Your code", "The exercise's code region; Ctrl+Tab leaves the editor");
        KeyboardSupport.label(task, "Exercise task", "What the exercise asks for");
        editor.setName(EDITOR);
        editor.setSyntaxEditingStyle(SyntaxConstants.SYNTAX_STYLE_JAVA);
        editor.setCodeFoldingEnabled(true);
        editor.addParser(errors);
        completion = RtcCompletions.install(editor);
        task.setEditable(false);
        run.setName(RUN);
        check.setName(CHECK);
        reset.setName(RESET);
        status.setName(STATUS);
        JList<String> list = new JList<>(results);
        list.setName(RESULTS);
        KeyboardSupport.label(list, "Check results", "One line per expectation: passed or failed");
        list.setFont(new Font(Font.MONOSPACED, Font.PLAIN, list.getFont().getSize()));
        run.setToolTipText("Compile, put your code in the live " + "client or server, and play the exercise's steps");
        check.setToolTipText("Grade your code on a fresh call: ✔ or ✗ for every expectation");
        reset.setToolTipText("Throw your changes away: the starter code again");

        add(picker, "wrap, wmin 0");
        add(new JScrollPane(task), "wrap, wmin 0");
        add(new RTextScrollPane(editor), "wrap, wmin 0");
        JPanel buttons = new JPanel(new MigLayout("insets 0", "[][][][0::,grow,fill]"));
        buttons.add(run);
        buttons.add(check);
        buttons.add(reset);
        buttons.add(status, "wmin 0");
        add(buttons, "wrap, wmin 0");
        add(new JScrollPane(list), "wmin 0");
        resultList = list;

        picker.addActionListener(e -> show((Exercise) picker.getSelectedItem()));
        run.addActionListener(e -> runPerformed());
        check.addActionListener(e -> checkPerformed());
        reset.addActionListener(e -> resetPerformed());
        editor.getDocument().addDocumentListener(new DocumentListener() {
            @Override
            public void insertUpdate(DocumentEvent e) {
                edited();
            }

            @Override
            public void removeUpdate(DocumentEvent e) {
                edited();
            }

            @Override
            public void changedUpdate(DocumentEvent e) {
            }
        });
        saveLater.setRepeats(false);
        if (library.exercises().isEmpty()) {
            status.setText(library.problems().isEmpty() ? "No exercises." : library.problems().get(0).getMessage());
            setBusy(true);
        } else {
            show(library.exercises().get(0));
        }
    }

    /** Shows the exercise with {@code id} (from a lesson's link, or a test). */
    public void select(String id) {
        library.byId(id).ifPresent(picker::setSelectedItem);
    }

    /** Shows the first exercise of {@code part}, unless one of that part is shown already. */
    public void showPart(int part) {
        if (current != null && current.part() == part) {
            return;
        }
        library.forPart(part).stream().findFirst().ifPresent(picker::setSelectedItem);
    }

    public Exercise current() {
        return current;
    }

    private void show(Exercise exercise) {
        if (exercise == null || exercise == current) {
            return;
        }
        saveNow();
        live.uninstall();
        current = exercise;
        task.setText(html(exercise));
        task.setCaretPosition(0);
        results.clear();
        status.setText(" ");
        setBusy(true);
        worker.execute(() -> {
            String text;
            try {
                text = store.load(exercise.id()).orElse(exercise.starter());
            } catch (IOException e) {
                text = exercise.starter();
            }
            String loaded = text;
            SwingUtilities.invokeLater(() -> {
                if (current == exercise) {
                    setSource(loaded);
                    setBusy(false);
                }
            });
        });
    }

    private void setSource(String text) {
        loading = true;
        editor.setText(text);
        editor.setCaretPosition(0);
        editor.discardAllEdits();
        loading = false;
        errors.setProblems(List.of());
        editor.forceReparsing(errors);
    }

    private void edited() {
        if (!loading) {
            saveLater.restart();
        }
    }

    private void saveNow() {
        saveLater.stop();
        if (current == null) {
            return;
        }
        Exercise exercise = current;
        String text = editor.getText();
        worker.execute(() -> {
            try {
                store.save(exercise.id(), text);
            } catch (IOException e) {
                SwingUtilities.invokeLater(() -> status.setText("Could not save your work: " + e.getMessage()));
            }
        });
    }

    private void runPerformed() {
        Exercise exercise = current;
        String source = editor.getText();
        saveNow();
        start("Running in the live " + exercise.side().id() + "…");
        worker.execute(() -> {
            try {
                LiveRun.Result result = live.run(exercise, source, step -> SwingUtilities.invokeLater(() -> addStep(step)));
                SwingUtilities.invokeLater(() -> {
                    showCompiled(result.code().compileErrors(), result.code().refused(), result.code().problem());
                    if (result.code().runnable()) {
                        finish(result.passed() ? "Ran: every step did what it should ✔" : "Ran: a step failed ✗ (see below)");
                    }
                });
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                SwingUtilities.invokeLater(() -> finish("The run failed: " + e.getMessage()));
            }
        });
    }

    private void checkPerformed() {
        Exercise exercise = current;
        String source = editor.getText();
        saveNow();
        start("Checking on a fresh call…");
        worker.execute(() -> {
            try {
                ExerciseReport report = ExerciseChecker.check(exercise, source, ExerciseChecker.Options.defaults(),
                        step -> SwingUtilities.invokeLater(() -> addStep(step)));
                SwingUtilities.invokeLater(() -> {
                    showCompiled(report.compileErrors(), report.refused(), report.problem());
                    report.runtimeProblems().forEach(p -> results.addElement("! " + p));
                    finish(report.passed() ? "Passed ✔" : report.verdict() == ExerciseReport.Verdict.FAILED
                            ? "Failed ✗: " + report.summary() : status.getText());
                });
            } catch (IOException | RuntimeException e) {
                SwingUtilities.invokeLater(() -> finish("Could not check: " + e.getMessage()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    private void resetPerformed() {
        if (current != null) {
            live.uninstall();
            setSource(current.starter());
            saveNow();
            results.clear();
            status.setText("The starter is back.");
        }
    }

    private void start(String what) {
        results.clear();
        status.setText(what);
        setBusy(true);
    }

    private void finish(String what) {
        status.setText(what);
        status.setToolTipText(what);
        setBusy(false);
        // The first ✗ is what the student needs to read; else the end of the list.
        int at = results.size() - 1;
        for (int i = 0; i < results.size(); i++) {
            if (results.get(i).contains("✗")) {
                at = Math.min(results.size() - 1, i + 3);
                break;
            }
        }
        if (at >= 0) {
            resultList.ensureIndexIsVisible(at);
        }
    }

    private void setBusy(boolean busy) {
        run.setEnabled(!busy);
        check.setEnabled(!busy);
        reset.setEnabled(!busy);
        picker.setEnabled(!busy || current == null);
    }

    private void showCompiled(List<StudentCompiler.Problem> problems, List<String> refused, String problem) {
        errors.setProblems(problems);
        editor.forceReparsing(errors);
        if (!problems.isEmpty()) {
            problems.forEach(p -> results.addElement("✗ line " + p));
            StudentCompiler.Problem first = problems.get(0);
            finish("Does not compile: line " + first.line() + ":" + first.column());
            editor.setCaretPosition(Math.max(0, Math.min(editor.getDocument().getLength(), offsetOf(first))));
        } else if (!refused.isEmpty()) {
            refused.forEach(c -> results.addElement("✗ " + c + " is not allowed in homework"));
            finish("Refused: " + String.join(", ", refused));
        } else if (problem != null) {
            results.addElement("✗ " + problem);
            finish(problem);
        }
    }

    private int offsetOf(StudentCompiler.Problem p) {
        try {
            return editor.getLineStartOffset((int) Math.max(0, p.line() - 1)) + (int) Math.max(0, p.column() - 1);
        } catch (javax.swing.text.BadLocationException e) {
            return 0;
        }
    }

    private void addStep(StepResult step) {
        results.addElement((step.passed() ? "✔ " : "✗ ") + step.step().title() + (step.passed() ? "" : ": " + step.reason()));
        for (StepResult.Check c : step.checks()) {
            results.addElement("    " + (c.held() ? "✔ " : "✗ ") + c.expectation() + (c.held() ? "" : " (" + c.detail() + ")"));
        }
    }

    private static String html(Exercise exercise) {
        StringBuilder md = new StringBuilder("**Part " + exercise.part() + ": " + exercise.title() + "** (the "
                + exercise.side().id() + "'s `" + exercise.seam().method() + "`)\n\n" + exercise.task() + "\n\n");
        for (int i = 0; i < exercise.hints().size(); i++) {
            md.append("*Hint ").append(i + 1).append(":* ").append(exercise.hints().get(i)).append("\n\n");
        }
        return "<html><body>" + HtmlRenderer.builder().escapeHtml(true).build().render(Parser.builder().build().parse(md.toString()))
                + "</body></html>";
    }

    @Override
    public void close() {
        saveNow();
        completion.uninstall();
        worker.execute(live::close);
        worker.shutdown();
    }
}
