package io.github.ucmaworkbench.ui.lesson;

import io.github.ucmaworkbench.ui.theme.KeyboardSupport;
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
        // Bold, not a fixed blue: one colour cannot reach 4.5:1 on the light, dark and high-contrast panes.
        css.addRule(".step { font-weight: bold; }");
        kit.setStyleSheet(css);
        setEditorKit(kit);
        // After setEditorKit: a new kit brings a new accessible context.
        KeyboardSupport.label(this, "Lesson text", "The text of the current step");
    }

    /** Shows {@code html} from its top. */
    void show(String html) {
        setText(html);
        setCaretPosition(0);
    }
}
