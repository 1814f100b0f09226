package io.github.ucmaworkbench.ui.ladder;

import io.github.ucmaworkbench.trace.ladder.SipText;
import io.github.ucmaworkbench.ui.theme.ThemeColors;
import java.awt.Color;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.swing.UIManager;
import javax.swing.text.AttributeSet;
import javax.swing.text.BadLocationException;
import javax.swing.text.DefaultStyledDocument;
import javax.swing.text.SimpleAttributeSet;
import javax.swing.text.StyleConstants;
import javax.swing.text.StyleContext;

/**
 * The inspector's one document, loaded anew for each message in a single bulk insert: the start
 * line, header names and body each in their style. One document for the inspector's life, rather
 * than a new one per click: a new document meant a new style context entry, a new view tree and
 * an insert event per span (about a hundred per INVITE) on the event thread during a burst.
 * Event thread only.
 */
final class InspectorDocument extends DefaultStyledDocument {
    private static final long serialVersionUID = 1L;

    private transient Styles styles;
    private String shown = "";

    /** The styles follow the theme's colours and the font size: made again after a theme or font change. */
    void restyle(int fontSize) {
        styles = new Styles(fontSize);
        String text = shown;
        shown = "";
        show(text);
    }

    /** Replaces the content with {@code text} (line ends already {@code \n}); nothing when it is shown already. */
    void show(String text) {
        if (text.equals(shown)) {
            return;
        }
        if (styles == null) {
            styles = new Styles(12);
        }
        styles.paragraph.setResolveParent(getStyle(StyleContext.DEFAULT_STYLE));
        shown = text;
        if (text.isEmpty()) {
            clear();
            return;
        }
        // Whole lines in one bulk insert; a last line without its line end (a body may lack one)
        // joins the document's own closing paragraph, as typing it there would.
        int tail = text.lastIndexOf('\n') + 1;
        AttributeSet[] style = styleOf(text);
        if (tail > 0) {
            create(specs(text, tail, style).toArray(new ElementSpec[0]));
        } else {
            clear();
        }
        try {
            for (int run = tail, i = tail + 1; run < text.length(); i++) {
                if (i == text.length() || style[i] != style[run]) {
                    insertString(run, text.substring(run, i), style[run]);
                    run = i;
                }
            }
        } catch (BadLocationException e) {
            throw new IllegalStateException(e);
        }
    }

    private void clear() {
        try {
            remove(0, getLength());
        } catch (BadLocationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Each character's style: the start line, header names and the body told apart. */
    private AttributeSet[] styleOf(String text) {
        AttributeSet[] style = new AttributeSet[text.length()];
        Arrays.fill(style, styles.headerValue); // the line breaks between spans keep the plain style
        for (SipText.Span span : SipText.spans(text)) {
            AttributeSet s = switch (span.kind()) {
                case START_LINE -> styles.startLine;
                case HEADER_NAME -> styles.headerName;
                case HEADER_VALUE -> styles.headerValue;
                case BODY -> styles.body;
            };
            Arrays.fill(style, span.start(), Math.min(span.end(), style.length), s);
        }
        return style;
    }

    /**
     * The root's start, then one paragraph per line (each ending in its {@code \n}) up to
     * {@code end}, runs cut where the style changes: the structure {@link DefaultStyledDocument#create} expects.
     */
    private List<ElementSpec> specs(String text, int end, AttributeSet[] style) {
        char[] chars = text.toCharArray();
        List<ElementSpec> specs = new ArrayList<>();
        specs.add(new ElementSpec(getDefaultRootElement().getAttributes().copyAttributes(), ElementSpec.StartTagType)); // the root, kept as it is
        int lineStart = 0;
        while (lineStart < end) {
            int lineEnd = text.indexOf('\n', lineStart) + 1;
            specs.add(new ElementSpec(styles.paragraph, ElementSpec.StartTagType));
            int run = lineStart;
            for (int i = lineStart + 1; i <= lineEnd; i++) {
                if (i == lineEnd || style[i] != style[run]) {
                    specs.add(new ElementSpec(style[run], ElementSpec.ContentType, chars, run, i - run));
                    run = i;
                }
            }
            specs.add(new ElementSpec(null, ElementSpec.EndTagType));
            lineStart = lineEnd;
        }
        return specs;
    }

    /** Text styles from the theme: a header name must stand out on light and dark alike. */
    private static final class Styles {
        final SimpleAttributeSet paragraph = new SimpleAttributeSet();
        final SimpleAttributeSet startLine = new SimpleAttributeSet();
        final SimpleAttributeSet headerName = new SimpleAttributeSet();
        final SimpleAttributeSet headerValue = new SimpleAttributeSet();
        final SimpleAttributeSet body = new SimpleAttributeSet();

        Styles(int fontSize) {
            Color fg = UIManager.getColor("TextPane.foreground") != null ? UIManager.getColor("TextPane.foreground") : Color.BLACK;
            for (SimpleAttributeSet s : List.of(startLine, headerName, headerValue, body)) {
                StyleConstants.setFontFamily(s, java.awt.Font.MONOSPACED);
                StyleConstants.setFontSize(s, fontSize);
                StyleConstants.setForeground(s, fg);
            }
            StyleConstants.setBold(startLine, true);
            StyleConstants.setForeground(startLine, ThemeColors.get("Inspector.startLineColor"));
            StyleConstants.setBold(headerName, true);
            StyleConstants.setForeground(headerName, ThemeColors.get("Inspector.headerNameColor"));
            StyleConstants.setForeground(body, ThemeColors.get("Inspector.bodyColor"));
        }
    }
}
