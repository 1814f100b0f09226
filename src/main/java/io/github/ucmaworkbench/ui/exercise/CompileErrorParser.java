package io.github.ucmaworkbench.ui.exercise;

import io.github.ucmaworkbench.lessons.exercise.StudentCompiler;
import java.util.List;
import javax.swing.text.BadLocationException;
import javax.swing.text.Element;
import org.fife.ui.rsyntaxtextarea.RSyntaxDocument;
import org.fife.ui.rsyntaxtextarea.parser.AbstractParser;
import org.fife.ui.rsyntaxtextarea.parser.DefaultParseResult;
import org.fife.ui.rsyntaxtextarea.parser.DefaultParserNotice;
import org.fife.ui.rsyntaxtextarea.parser.ParseResult;

/**
 * Shows the last compile's errors in the editor, underlined at their line:column with the
 * message as tooltip. It does not compile by itself: Run compiles (off the event thread) and
 * hands the errors over; the editor's reparse then draws them.
 */
final class CompileErrorParser extends AbstractParser {
    private volatile List<StudentCompiler.Problem> problems = List.of();

    void setProblems(List<StudentCompiler.Problem> latest) {
        problems = List.copyOf(latest);
    }

    @Override
    public ParseResult parse(RSyntaxDocument doc, String style) {
        DefaultParseResult result = new DefaultParseResult(this);
        Element root = doc.getDefaultRootElement();
        for (StudentCompiler.Problem p : problems) {
            int line = (int) Math.min(Math.max(p.line() - 1, 0), root.getElementCount() - 1);
            Element element = root.getElement(line);
            int offset = Math.min(element.getStartOffset() + (int) Math.max(p.column() - 1, 0), element.getEndOffset() - 1);
            int length = Math.max(1, wordLength(doc, offset, element.getEndOffset()));
            DefaultParserNotice notice = new DefaultParserNotice(this, p.line() + ":" + p.column() + " " + p.message(), line,
                    offset, length);
            notice.setLevel(org.fife.ui.rsyntaxtextarea.parser.ParserNotice.Level.ERROR);
            result.addNotice(notice);
        }
        return result;
    }

    private static int wordLength(RSyntaxDocument doc, int offset, int end) {
        try {
            String rest = doc.getText(offset, Math.max(0, end - offset));
            int n = 0;
            while (n < rest.length() && !Character.isWhitespace(rest.charAt(n))) {
                n++;
            }
            return n;
        } catch (BadLocationException e) {
            return 1;
        }
    }
}
