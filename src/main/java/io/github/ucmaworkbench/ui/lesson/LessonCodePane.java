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
import java.awt.Point;
import java.awt.geom.Rectangle2D;
import java.util.Optional;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JTabbedPane;
import javax.swing.JViewport;
import javax.swing.SwingUtilities;
import javax.swing.UIManager;
import javax.swing.text.BadLocationException;
import net.miginfocom.swing.MigLayout;
import org.fife.ui.rsyntaxtextarea.RSyntaxTextArea;
import org.fife.ui.rsyntaxtextarea.SyntaxConstants;
import org.fife.ui.rtextarea.RTextScrollPane;

/**
 * The code a lesson step runs: the tutorial's Java region, highlighted (amber while it runs), and
 * the UCMA C# it mirrors, under a caption naming the file and lines. Event thread only.
 */
final class LessonCodePane extends JPanel {
    private static final long serialVersionUID = 1L;

    private final transient CodeRegions regions = new CodeRegions();

    private final RSyntaxTextArea java = codeArea(SyntaxConstants.SYNTAX_STYLE_JAVA);
    /**
     * Made in a later event-thread dispatch than the rest (or when its tab is chosen, if sooner):
     * a second editor is a large share of building the view, and the Java tab shows first.
     */
    private RSyntaxTextArea csharp;
    private final JPanel csharpTab = new JPanel(new BorderLayout());
    private final JTabbedPane codeTabs = new JTabbedPane();
    private final JLabel codeCaption = new JLabel();
    private transient LessonStep shown;
    private boolean shownRunning;

    LessonCodePane() {
        super(new MigLayout("insets 0, fill, wrap 1", "[grow,fill]", "[][grow,fill]"));
        java.setName(LessonView.JAVA_CODE);
        KeyboardSupport.label(java, "Java code of the step", "The tutorial code that runs this step; Ctrl+Tab leaves it");
        codeTabs.setName(LessonView.CODE_TABS);
        codeTabs.setTabLayoutPolicy(JTabbedPane.SCROLL_TAB_LAYOUT);
        codeTabs.addTab("Java", new RTextScrollPane(java));
        codeTabs.addTab("UCMA C#", csharpTab);
        codeTabs.addChangeListener(e -> {
            if (codeTabs.getSelectedComponent() == csharpTab) {
                csharpArea();
            }
        });
        SwingUtilities.invokeLater(this::csharpArea);
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
        if (java != null) { // null when JPanel's constructor calls this, before the panes exist
            applyCodeTheme();
        }
    }

    private void applyCodeTheme() {
        style(java);
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
            Color color = ThemeColors.get(running ? "Lesson.regionRunningColor" : "Lesson.regionShownColor");
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
        java.setText("");
        if (csharp != null) {
            csharp.setText("");
        }
    }

    /** Puts line {@code line} (0-based) at the top of the Java pane, so the region reads from its start. */
    private void scrollToLine(int line) {
        JViewport viewport = (JViewport) SwingUtilities.getAncestorOfClass(JViewport.class, java);
        if (viewport == null || line >= java.getLineCount()) {
            return;
        }
        try {
            Rectangle2D at = java.modelToView2D(java.getLineStartOffset(line));
            if (at == null) {
                return;
            }
            int maxY = Math.max(0, java.getHeight() - viewport.getExtentSize().height);
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
        return java.getText();
    }
}
