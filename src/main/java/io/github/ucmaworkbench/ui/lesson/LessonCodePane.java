package io.github.ucmaworkbench.ui.lesson;

import io.github.ucmaworkbench.ui.theme.KeyboardSupport;
import com.formdev.flatlaf.FlatLaf;
import io.github.ucmaworkbench.lessons.CSharpEquivalents;
import io.github.ucmaworkbench.lessons.CodeRegion;
import io.github.ucmaworkbench.lessons.CodeRegions;
import io.github.ucmaworkbench.lessons.LessonStep;
import io.github.ucmaworkbench.ui.theme.ThemeColors;
import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics;
import java.awt.Point;
import java.awt.Rectangle;
import java.awt.Shape;
import java.awt.geom.Rectangle2D;
import java.util.Optional;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTabbedPane;
import javax.swing.JTextArea;
import javax.swing.JViewport;
import javax.swing.SwingUtilities;
import javax.swing.UIManager;
import javax.swing.text.BadLocationException;
import javax.swing.text.Highlighter;
import javax.swing.text.JTextComponent;
import net.miginfocom.swing.MigLayout;
import org.fife.ui.rsyntaxtextarea.RSyntaxTextArea;
import org.fife.ui.rsyntaxtextarea.SyntaxConstants;
import org.fife.ui.rtextarea.RTextScrollPane;

/**
 * The code a lesson step runs: the tutorial's Java region, highlighted (amber while it runs), and
 * the UCMA C# it mirrors, under a caption naming the file and lines. Event thread only.
 *
 * <p>The Java code first shows in a plain monospaced text area (same text, same highlighted lines);
 * the syntax-highlighting editors (RSyntaxTextArea, some 140 classes and the largest part of
 * building the lesson column) replace it in a dispatch after the pane was first painted, keeping
 * the scroll position. A cold start's window is thereby whole sooner; the colours follow a moment later.
 */
final class LessonCodePane extends JPanel {
    private static final long serialVersionUID = 1L;

    private final transient CodeRegions regions = new CodeRegions();

    /** The Java code until the editors are made (see the class comment). */
    private final JTextArea plainJava = plainArea();
    /** The Java editor; null until {@link #upgrade()}. */
    private RSyntaxTextArea java;
    /** Made with the Java editor, or when its tab is chosen, if sooner. */
    private RSyntaxTextArea csharp;
    private boolean upgradeQueued;
    private final JPanel javaTab = new JPanel(new BorderLayout());
    private final JPanel csharpTab = new JPanel(new BorderLayout());
    private final JTabbedPane codeTabs = new JTabbedPane();
    private final JLabel codeCaption = new JLabel();
    private transient LessonStep shown;
    private boolean shownRunning;

    LessonCodePane() {
        super(new MigLayout("insets 0, fill, wrap 1", "[grow,fill]", "[][grow,fill]"));
        nameJava(plainJava);
        javaTab.add(new JScrollPane(plainJava), BorderLayout.CENTER);
        codeTabs.setName(LessonView.CODE_TABS);
        codeTabs.setTabLayoutPolicy(JTabbedPane.SCROLL_TAB_LAYOUT);
        codeTabs.addTab("Java", javaTab);
        codeTabs.addTab("UCMA C#", csharpTab);
        codeTabs.addChangeListener(e -> {
            if (codeTabs.getSelectedComponent() == csharpTab) {
                csharpArea();
            }
        });
        codeCaption.setName(LessonView.CODE_CAPTION);
        add(codeCaption, "wmin 0");
        add(codeTabs, "grow, wmin 0");
        applyCodeTheme();
    }

    /**
     * Follows the window's theme and presentation font: FlatLaf calls this on every component when
     * either changes. The code panes get a syntax theme that matches light or dark and a font as
     * large as the rest of the text, so code stays readable on the projector.
     */
    @Override
    public void updateUI() {
        super.updateUI();
        if (plainJava != null) { // null when JPanel's constructor calls this, before the panes exist
            applyCodeTheme();
        }
    }

    /** Queues {@link #upgrade()} once this pane has been painted: after the window's first whole paint. */
    @Override
    public void paint(Graphics g) {
        super.paint(g);
        if (!upgradeQueued) {
            upgradeQueued = true;
            SwingUtilities.invokeLater(this::upgrade);
        }
    }

    /** Replaces the plain Java text by the syntax-highlighting editors (once); same step, same scroll position. */
    void upgrade() {
        upgradeQueued = true;
        if (java != null) {
            return;
        }
        JViewport plainView = (JViewport) SwingUtilities.getAncestorOfClass(JViewport.class, plainJava);
        Point at = plainView == null ? null : plainView.getViewPosition();
        java = codeArea(SyntaxConstants.SYNTAX_STYLE_JAVA);
        nameJava(java);
        style(java);
        RTextScrollPane scroll = new RTextScrollPane(java);
        javaTab.removeAll();
        javaTab.add(scroll, BorderLayout.CENTER);
        javaTab.revalidate();
        javaTab.repaint();
        if (shown != null) {
            show(shown, shownRunning);
        } else {
            java.setText(plainJava.getText());
        }
        if (at != null) {
            // After show()'s own scroll to the region (queued first): where the reader was.
            SwingUtilities.invokeLater(() -> scroll.getViewport().setViewPosition(at));
        }
        csharpArea();
    }

    private static void nameJava(JTextComponent area) {
        area.setName(LessonView.JAVA_CODE);
        KeyboardSupport.label(area, "Java code of the step", "The tutorial code that runs this step; Ctrl+Tab leaves it");
    }

    /** The Java code's area: the plain one until {@link #upgrade()}. */
    private JTextArea javaArea() {
        return java != null ? java : plainJava;
    }

    private void applyCodeTheme() {
        stylePlain(plainJava);
        if (java != null) {
            style(java);
        }
        if (csharp != null) {
            style(csharp);
        }
        if (shown != null) {
            show(shown, shownRunning); // the theme reset the line highlights
        }
    }

    /** Gives {@code area} the syntax colours matching light or dark, and the label font's size. */
    private static void style(RSyntaxTextArea area) {
        CodeThemes.forArea(area, FlatLaf.isLafDark()).apply(area);
        Font base = UIManager.getFont("Label.font");
        if (base != null) {
            area.setFont(new Font(Font.MONOSPACED, Font.PLAIN, base.getSize()));
        }
    }

    /** The plain area in the editors' background, text colour and font. */
    private static void stylePlain(JTextArea area) {
        boolean dark = FlatLaf.isLafDark();
        area.setBackground(CodeThemes.background(dark));
        area.setForeground(CodeThemes.text(dark));
        Font base = UIManager.getFont("Label.font");
        if (base != null) {
            area.setFont(new Font(Font.MONOSPACED, Font.PLAIN, base.getSize()));
        }
    }

    private static JTextArea plainArea() {
        JTextArea area = new JTextArea(16, 50);
        area.setEditable(false);
        return area;
    }

    /** The C# editor, made on first need in the current theme and showing the current step's C#. */
    private RSyntaxTextArea csharpArea() {
        if (csharp == null) {
            csharp = codeArea(SyntaxConstants.SYNTAX_STYLE_CSHARP);
            csharp.setName(LessonView.CSHARP_CODE);
            KeyboardSupport.label(csharp, "UCMA C# code of the step", "The UCMA 1.0 code the Java mirrors; Ctrl+Tab leaves it");
            csharpTab.add(new RTextScrollPane(csharp), BorderLayout.CENTER);
            style(csharp);
            if (shown != null) {
                showCSharp(shown);
            }
            csharpTab.revalidate();
        }
        return csharp;
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

    /** Shows {@code step}'s region, highlighted as running or as shown. */
    void show(LessonStep step, boolean running) {
        shown = step;
        shownRunning = running;
        Optional<CodeRegion> found = regions.find(step.region());
        JTextArea area = javaArea();
        if (java != null) {
            java.removeAllLineHighlights();
        } else {
            plainJava.getHighlighter().removeAllHighlights();
        }
        if (found.isEmpty()) {
            area.setText("// The region " + step.region() + " was not found in the tutorial sources.");
            codeCaption.setText(step.region() + ": not found");
        } else {
            CodeRegion region = found.get();
            if (!region.source().equals(area.getText())) {
                area.setText(region.source());
            }
            codeCaption.setText("Runs: " + region.fileName() + ", lines " + region.firstLine() + "\u2013" + region.lastLine());
            Color color = ThemeColors.get(running ? "Lesson.regionRunningColor" : "Lesson.regionShownColor");
            try {
                for (int line = region.firstLine(); line <= region.lastLine(); line++) {
                    if (java != null) {
                        java.addLineHighlight(line - 1, color);
                    } else {
                        plainJava.getHighlighter().addHighlight(plainJava.getLineStartOffset(line - 1),
                                plainJava.getLineStartOffset(line - 1), new WholeLine(color));
                    }
                }
                int top = Math.max(0, region.firstLine() - 2);
                // After layout: the pane may not have its final size yet.
                SwingUtilities.invokeLater(() -> scrollToLine(top));
            } catch (BadLocationException e) {
                // The source is the one just shown: every line exists.
                throw new IllegalStateException(e);
            }
        }
        if (csharp != null) {
            showCSharp(step);
        }
    }

    private void showCSharp(LessonStep step) {
        String cs = CSharpEquivalents.forRegion(step.region()).orElse("// No C# version of this region yet.");
        if (!cs.equals(csharp.getText())) {
            csharp.setText(cs);
            csharp.setCaretPosition(0);
        }
    }

    /** No lesson: empty panes. */
    void clear() {
        shown = null;
        javaArea().setText("");
        if (csharp != null) {
            csharp.setText("");
        }
    }

    /** Puts line {@code line} (0-based) at the top of the Java pane, so the region reads from its start. */
    private void scrollToLine(int line) {
        JTextArea area = javaArea();
        JViewport viewport = (JViewport) SwingUtilities.getAncestorOfClass(JViewport.class, area);
        if (viewport == null || line >= area.getLineCount()) {
            return;
        }
        try {
            Rectangle2D at = area.modelToView2D(area.getLineStartOffset(line));
            if (at == null) {
                return;
            }
            int maxY = Math.max(0, area.getHeight() - viewport.getExtentSize().height);
            viewport.setViewPosition(new Point(0, Math.min((int) at.getY(), maxY)));
        } catch (BadLocationException e) {
            // The line exists (checked above); nothing to scroll to otherwise.
        }
    }

    /** The highlighted line range of the Java pane (1-based, inclusive); null when none. */
    int[] highlightedLines() {
        Optional<CodeRegion> found = shown == null ? Optional.empty() : regions.find(shown.region());
        return found.map(r -> new int[] {r.firstLine(), r.lastLine()}).orElse(null);
    }

    String javaText() {
        return javaArea().getText();
    }

    /** The plain area's region highlight: the line's whole width, as the editor's line highlights. */
    private record WholeLine(Color color) implements Highlighter.HighlightPainter {
        @Override
        public void paint(Graphics g, int p0, int p1, Shape bounds, JTextComponent c) {
            try {
                Rectangle2D line = c.modelToView2D(p0);
                if (line != null) {
                    Rectangle r = line.getBounds();
                    g.setColor(color);
                    g.fillRect(0, r.y, c.getWidth(), r.height);
                }
            } catch (BadLocationException e) {
                // The line went with a new text: nothing to paint.
            }
        }
    }
}
