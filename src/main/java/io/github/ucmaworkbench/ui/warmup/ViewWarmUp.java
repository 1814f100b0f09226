package io.github.ucmaworkbench.ui.warmup;

import io.github.ucmaworkbench.common.DaemonThreads;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.swing.text.BadLocationException;
import javax.swing.text.Document;
import javax.swing.text.Segment;
import javax.swing.text.html.HTMLEditorKit;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.fife.ui.rsyntaxtextarea.SyntaxConstants;
import org.fife.ui.rsyntaxtextarea.TokenMaker;
import org.fife.ui.rsyntaxtextarea.TokenMakerFactory;
import org.fife.ui.rsyntaxtextarea.TokenTypes;

/**
 * Readies, on a background thread while the frame is built, what the lesson column and the
 * homework tab need first: their classes (RSyntaxTextArea, its autocompletion, commonmark, the
 * HTML editor kit and its parser's DTD), loaded, verified and run once on sample input. Building
 * the lesson view cold spent most of half a second of the event thread in the class loader; the
 * event thread then finds all of it ready. Only non-visual work runs here (a Markdown render, a
 * tokenizer pass, an HTML document read, which Swing's text package allows off the event thread);
 * no component is made. Safe to call more than once: it runs once.
 */
public final class ViewWarmUp {
    private static final AtomicBoolean STARTED = new AtomicBoolean();
    /** Classes the views build from: loading them here takes that time off the event thread. */
    private static final List<String> CLASSES = List.of(
            "org.fife.ui.rsyntaxtextarea.RSyntaxTextArea",
            "org.fife.ui.rsyntaxtextarea.RSyntaxTextAreaUI",
            "org.fife.ui.rsyntaxtextarea.RSyntaxDocument",
            "org.fife.ui.rsyntaxtextarea.SyntaxView",
            "org.fife.ui.rsyntaxtextarea.SyntaxScheme",
            "org.fife.ui.rsyntaxtextarea.Theme",
            "org.fife.ui.rtextarea.RTextScrollPane",
            "org.fife.ui.rtextarea.Gutter",
            "org.fife.ui.rtextarea.LineNumberList",
            "org.fife.ui.autocomplete.AutoCompletion",
            "org.fife.ui.autocomplete.DefaultCompletionProvider",
            "org.fife.ui.autocomplete.BasicCompletion",
            "javax.swing.JEditorPane",
            "javax.swing.text.html.HTMLDocument",
            "javax.swing.text.html.BlockView",
            "javax.swing.text.html.InlineView",
            "javax.swing.text.html.ParagraphView",
            "javax.swing.text.html.StyleSheet",
            "io.github.ucmaworkbench.ui.lesson.LessonView",
            "io.github.ucmaworkbench.ui.exercise.ExercisePanel");

    private ViewWarmUp() {
    }

    /** Starts the warm-up on a daemon thread (once per process). */
    public static void start() {
        if (STARTED.compareAndSet(false, true)) {
            DaemonThreads.start("view-warm-up", ViewWarmUp::run);
        }
    }

    /** Does the work on the calling thread; returns the classes it could not find (a test keeps the list honest). */
    static List<String> run() {
        ClassLoader loader = ViewWarmUp.class.getClassLoader();
        List<String> missing = new java.util.ArrayList<>();
        for (String name : CLASSES) {
            try {
                // Loaded, not initialised: a static initialiser of a Swing class stays on the event thread.
                Class.forName(name, false, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                missing.add(name); // renamed or left out: the view then loads what it needs itself, as before
            }
        }
        markdown();
        tokens(SyntaxConstants.SYNTAX_STYLE_JAVA, "public final class A { void b() { int c = 1; /* d */ String e = \"f\"; } }");
        tokens(SyntaxConstants.SYNTAX_STYLE_CSHARP, "public void A(IAsyncResult ar) { var s = (Session) ar.AsyncState; }");
        html();
        return missing;
    }

    private static void markdown() {
        var extensions = List.of(TablesExtension.create());
        String html = HtmlRenderer.builder().extensions(extensions).escapeHtml(true).build().render(
                Parser.builder().extensions(extensions).build().parse(
                        "# Part\n\nThe *server* signs in: `register()`.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n> note\n\n```\ncode\n```\n"));
        if (html.isEmpty()) {
            throw new IllegalStateException("commonmark rendered nothing");
        }
    }

    private static void tokens(String style, String sample) {
        TokenMaker maker = TokenMakerFactory.getDefaultInstance().getTokenMaker(style);
        char[] chars = sample.toCharArray();
        maker.getTokenList(new Segment(chars, 0, chars.length), TokenTypes.NULL, 0);
    }

    /** The HTML kit's default style sheet and its parser's DTD are read once per process, on first use. */
    private static void html() {
        HTMLEditorKit kit = new HTMLEditorKit();
        kit.getStyleSheet();
        Document doc = kit.createDefaultDocument();
        try {
            kit.read(new StringReader("<html><body><h2>Part</h2><p><i>x</i> <code>y</code></p><table><tr><td>1</td></tr></table>"
                    + "<ul><li>z</li></ul><pre>p</pre></body></html>"), doc, 0);
        } catch (IOException | BadLocationException e) {
            // Sample input: cannot fail short of a broken JDK; the view reports its own errors.
        }
    }
}
