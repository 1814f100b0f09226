package io.github.ucmaworkbench.ui.lesson;

import javax.swing.JEditorPane;
import javax.swing.text.html.HTMLEditorKit;
import javax.swing.text.html.StyleSheet;

/** A lesson step's text as HTML (the presenter writes it), in the label font so it follows the theme. */
final class LessonTextPane extends JEditorPane {
    private static final long serialVersionUID = 1L;

    LessonTextPane() {
        setName(LessonView.TEXT);
        setEditable(false);
        putClientProperty(JEditorPane.HONOR_DISPLAY_PROPERTIES, Boolean.TRUE);
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
        setEditorKit(kit);
    }

    /** Shows {@code html} from its top. */
    void show(String html) {
        setText(html);
        setCaretPosition(0);
    }
}
