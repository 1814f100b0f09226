package io.github.ucmaworkbench.ui.lesson;

import java.util.List;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Lesson Markdown to the HTML a {@link javax.swing.JEditorPane} shows (commonmark, with tables).
 * Raw HTML in a lesson is escaped: lesson files are text, not markup to trust.
 */
final class MarkdownRenderer {
    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create());
    private final Parser parser = Parser.builder().extensions(EXTENSIONS).build();
    private final HtmlRenderer renderer = HtmlRenderer.builder().extensions(EXTENSIONS).escapeHtml(true).build();

    /** The HTML fragment for {@code markdown}. */
    String toHtml(String markdown) {
        return renderer.render(parser.parse(markdown));
    }

    /** Escapes text for use inside HTML. */
    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
