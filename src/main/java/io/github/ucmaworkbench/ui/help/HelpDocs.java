package io.github.ucmaworkbench.ui.help;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * The Markdown the Help menu shows, read from the jar (README.md and lessons/README.md ship in it)
 * and rendered to HTML with commonmark. Sections are found by their heading text, so a section
 * another branch adds appears as soon as it is merged. No Swing here.
 */
public final class HelpDocs {
    public static final String README = "/docs/README.md";
    public static final String LESSONS_README = "/lessons/README.md";
    public static final String SOFTPHONE_HEADING = "Call it from a softphone";

    private static final List<org.commonmark.Extension> EXTENSIONS = List.of(TablesExtension.create());

    private HelpDocs() {
    }

    /** The resource's text, or empty when this build does not carry it. */
    public static Optional<String> read(String resource) {
        try (InputStream in = HelpDocs.class.getResourceAsStream(resource)) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * The section under the heading {@code heading} (any level, case ignored), heading included, up
     * to the next heading of the same or a higher level; headings inside fenced code do not count.
     */
    public static Optional<String> section(String markdown, String heading) {
        String wanted = heading.trim().toLowerCase(Locale.ROOT);
        StringBuilder out = null;
        int level = 0;
        boolean fenced = false;
        for (String line : markdown.split("\\R", -1)) {
            String trimmed = line.trim();
            if (trimmed.startsWith("```") || trimmed.startsWith("~~~")) {
                fenced = !fenced;
            }
            int lineLevel = fenced ? 0 : headingLevel(line);
            if (out != null && lineLevel > 0 && lineLevel <= level) {
                break;
            }
            if (out == null && lineLevel > 0
                    && line.substring(lineLevel).trim().toLowerCase(Locale.ROOT).equals(wanted)) {
                out = new StringBuilder();
                level = lineLevel;
            }
            if (out != null) {
                out.append(line).append('\n');
            }
        }
        return Optional.ofNullable(out).map(StringBuilder::toString);
    }

    private static int headingLevel(String line) {
        int n = 0;
        while (n < line.length() && n < 7 && line.charAt(n) == '#') {
            n++;
        }
        return n >= 1 && n <= 6 && line.length() > n && line.charAt(n) == ' ' ? n : 0;
    }

    /** Markdown to an HTML body for a JEditorPane. */
    public static String html(String markdown) {
        Parser parser = Parser.builder().extensions(EXTENSIONS).build();
        HtmlRenderer renderer = HtmlRenderer.builder().extensions(EXTENSIONS).build();
        return "<html><body>" + renderer.render(parser.parse(markdown)) + "</body></html>";
    }
}
