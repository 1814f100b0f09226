package io.github.ucmaworkbench.ui.lesson;

import java.awt.Color;
import java.awt.Font;
import org.fife.ui.rsyntaxtextarea.RSyntaxTextArea;
import org.fife.ui.rsyntaxtextarea.Style;
import org.fife.ui.rsyntaxtextarea.SyntaxScheme;
import org.fife.ui.rsyntaxtextarea.Theme;
import org.fife.ui.rsyntaxtextarea.TokenTypes;

/**
 * The code panes' syntax colours, set in code: the same values as RSyntaxTextArea's bundled
 * {@code idea.xml} (light) and {@code dark.xml} (dark and high contrast) themes, which the panes
 * used to load. Reading those files pulled the JDK's whole XML parser (JAXP, Xerces: some 140
 * classes) into a cold start for forty colours (BENCHMARKS.md, "Cold start: what each lever
 * gave"). {@code CodeThemesTest} checks every value against the XML files, so a RSyntaxTextArea
 * update that changes them shows up there.
 */
final class CodeThemes {
    private static final Color NONE = null;
    private static final int PLAIN = -1;
    private static final int BOLD = Font.BOLD;
    private static final int ITALIC = Font.ITALIC;
    private static final int BOLD_ITALIC = Font.BOLD | Font.ITALIC;
    private static final boolean UNDERLINE = true;

    private CodeThemes() {
    }

    /** The theme for {@code area}: dark for a dark look and feel (the high-contrast one included). */
    static Theme forArea(RSyntaxTextArea area, boolean dark) {
        // Starts from the area's own values (what the XML themes leave unset, e.g. the selection
        // foreground when it is not used), then sets everything the XML files set.
        Theme theme = new Theme(area);
        theme.baseFont = RSyntaxTextArea.getDefaultFont();
        theme.tabLineColor = null;
        theme.selectionRoundedEdges = false;
        theme.fadeCurrentLineHighlight = false;
        theme.markOccurrencesBorder = false;
        theme.iconRowHeaderInheritsGutterBG = false;
        theme.lineNumberFont = null;
        theme.lineNumberFontSize = -1;
        theme.activeLineRangeColor = rgb(0x3399ff);
        theme.scheme = new SyntaxScheme(false);
        if (dark) {
            dark(theme);
        } else {
            light(theme);
        }
        return theme;
    }

    /** The editors' background, for the plain text shown before them. */
    static Color background(boolean dark) {
        return rgb(dark ? 0x293134 : 0xffffff);
    }

    /** The editors' identifier colour, for the plain text shown before them. */
    static Color text(boolean dark) {
        return rgb(dark ? 0xa9b7c6 : 0x000000);
    }

    /** {@code idea.xml}: IntelliJ IDEA's light defaults. */
    private static void light(Theme t) {
        t.bgColor = rgb(0xffffff);
        t.caretColor = rgb(0x000000);
        t.useSelectionFG = true;
        t.selectionFG = rgb(0xffffff);
        t.selectionBG = rgb(0x526da5);
        t.currentLineHighlight = rgb(0xffffd7);
        t.marginLineColor = rgb(0xb0b4b9);
        t.markAllHighlightColor = rgb(0xccccff);
        t.markOccurrencesColor = rgb(0xccccff);
        t.matchedBracketFG = rgb(0x99ccff);
        t.matchedBracketBG = rgb(0x99ccff);
        t.matchedBracketHighlightBoth = true;
        t.matchedBracketAnimate = false;
        t.hyperlinkFG = rgb(0x0000ff);
        t.secondaryLanguages = new Color[] {rgb(0xfff0cc), rgb(0xdafeda), rgb(0xffe0f0)};
        t.gutterBackgroundColor = rgb(0xffffff);
        t.gutterBorderColor = rgb(0xdddddd);
        t.lineNumberColor = rgb(0x787878);
        t.currentLineNumberColor = null;
        t.foldIndicatorFG = rgb(0x808080);
        t.foldIndicatorArmedFG = rgb(0x585858);
        t.foldBG = rgb(0xffffff);
        t.armedFoldBG = rgb(0xffffff);
        SyntaxScheme s = t.scheme;
        token(s, TokenTypes.NULL, 0x000000, NONE, PLAIN);
        token(s, TokenTypes.COMMENT_EOL, 0x808080, NONE, ITALIC);
        token(s, TokenTypes.COMMENT_MULTILINE, 0x808080, NONE, ITALIC);
        token(s, TokenTypes.COMMENT_DOCUMENTATION, 0x808080, NONE, ITALIC);
        token(s, TokenTypes.COMMENT_KEYWORD, 0x808080, NONE, BOLD_ITALIC, UNDERLINE);
        token(s, TokenTypes.COMMENT_MARKUP, 0x808080, rgb(0xe2ffe2), ITALIC);
        token(s, TokenTypes.RESERVED_WORD, 0x000080, NONE, BOLD);
        token(s, TokenTypes.RESERVED_WORD_2, 0x000080, NONE, BOLD);
        token(s, TokenTypes.FUNCTION, 0x000000, NONE, PLAIN);
        token(s, TokenTypes.LITERAL_BOOLEAN, 0x000080, NONE, BOLD);
        token(s, TokenTypes.LITERAL_NUMBER_DECIMAL_INT, 0x0000ff, NONE, PLAIN);
        token(s, TokenTypes.LITERAL_NUMBER_FLOAT, 0x0000ff, NONE, PLAIN);
        token(s, TokenTypes.LITERAL_NUMBER_HEXADECIMAL, 0x0000ff, NONE, PLAIN);
        token(s, TokenTypes.LITERAL_STRING_DOUBLE_QUOTE, 0x008000, NONE, BOLD);
        token(s, TokenTypes.LITERAL_CHAR, 0x008000, NONE, BOLD);
        token(s, TokenTypes.LITERAL_BACKQUOTE, 0x008000, NONE, BOLD);
        token(s, TokenTypes.DATA_TYPE, 0x000080, NONE, BOLD);
        token(s, TokenTypes.VARIABLE, 0x810ca8, NONE, BOLD);
        token(s, TokenTypes.REGEX, 0x008040, NONE, PLAIN);
        token(s, TokenTypes.ANNOTATION, 0x808000, NONE, PLAIN);
        token(s, TokenTypes.IDENTIFIER, 0x000000, NONE, PLAIN);
        token(s, TokenTypes.WHITESPACE, 0x000000, NONE, PLAIN);
        token(s, TokenTypes.SEPARATOR, 0x000000, NONE, PLAIN);
        token(s, TokenTypes.OPERATOR, 0x000000, NONE, PLAIN);
        token(s, TokenTypes.PREPROCESSOR, 0x808080, NONE, PLAIN);
        token(s, TokenTypes.MARKUP_TAG_DELIMITER, 0x000000, NONE, BOLD);
        token(s, TokenTypes.MARKUP_TAG_NAME, 0x000080, NONE, BOLD);
        token(s, TokenTypes.MARKUP_TAG_ATTRIBUTE, 0x0000ff, NONE, BOLD);
        token(s, TokenTypes.MARKUP_TAG_ATTRIBUTE_VALUE, 0x008000, NONE, BOLD);
        token(s, TokenTypes.MARKUP_COMMENT, 0x808080, NONE, ITALIC);
        token(s, TokenTypes.MARKUP_DTD, 0x808080, NONE, PLAIN);
        token(s, TokenTypes.MARKUP_PROCESSING_INSTRUCTION, 0x808080, NONE, PLAIN);
        token(s, TokenTypes.MARKUP_CDATA_DELIMITER, 0x008080, NONE, PLAIN);
        token(s, TokenTypes.MARKUP_CDATA, 0xcc6600, NONE, PLAIN);
        token(s, TokenTypes.MARKUP_ENTITY_REFERENCE, 0x008000, NONE, PLAIN);
        token(s, TokenTypes.ERROR_IDENTIFIER, 0xff0000, NONE, PLAIN);
        token(s, TokenTypes.ERROR_NUMBER_FORMAT, 0xff0000, NONE, PLAIN);
        token(s, TokenTypes.ERROR_STRING_DOUBLE, 0xff0000, NONE, PLAIN);
        token(s, TokenTypes.ERROR_CHAR, 0xff0000, NONE, PLAIN);
    }

    /** {@code dark.xml}: after Notepad++'s Obsidian. */
    private static void dark(Theme t) {
        t.bgColor = rgb(0x293134);
        t.caretColor = rgb(0xc1cbc2);
        t.useSelectionFG = false;
        t.selectionBG = rgb(0x404e51);
        t.currentLineHighlight = rgb(0x2f393c);
        t.marginLineColor = rgb(0x394448);
        t.markAllHighlightColor = rgb(0x6b8189);
        t.markOccurrencesColor = rgb(0x5b7179);
        t.matchedBracketFG = rgb(0x6a8088);
        t.matchedBracketBG = rgb(0x6b8189);
        t.matchedBracketHighlightBoth = false;
        t.matchedBracketAnimate = true;
        t.hyperlinkFG = rgb(0xa082bd);
        t.secondaryLanguages = new Color[] {rgb(0x333344), rgb(0x223322), rgb(0x332222)};
        t.gutterBackgroundColor = rgb(0x293134);
        t.gutterBorderColor = rgb(0x81969a);
        t.lineNumberColor = rgb(0x81969a);
        t.currentLineNumberColor = rgb(0xa9b7c6);
        t.foldIndicatorFG = rgb(0x6a8088);
        t.foldIndicatorArmedFG = rgb(0xa9b7c6);
        t.foldBG = rgb(0x2f383c);
        t.armedFoldBG = rgb(0x3f484c);
        SyntaxScheme s = t.scheme;
        token(s, TokenTypes.NULL, 0x000000, NONE, PLAIN);
        token(s, TokenTypes.COMMENT_EOL, 0x66747b, NONE, PLAIN);
        token(s, TokenTypes.COMMENT_MULTILINE, 0x66747b, NONE, PLAIN);
        token(s, TokenTypes.COMMENT_DOCUMENTATION, 0x6c788c, NONE, PLAIN);
        token(s, TokenTypes.COMMENT_KEYWORD, 0xae9fbf, NONE, PLAIN);
        token(s, TokenTypes.COMMENT_MARKUP, 0xae9fbf, NONE, PLAIN);
        token(s, TokenTypes.RESERVED_WORD, 0x93c763, NONE, BOLD);
        token(s, TokenTypes.RESERVED_WORD_2, 0x93c763, NONE, BOLD);
        token(s, TokenTypes.FUNCTION, 0xe0e2e4, NONE, PLAIN);
        token(s, TokenTypes.LITERAL_BOOLEAN, 0x93c763, NONE, BOLD);
        token(s, TokenTypes.LITERAL_NUMBER_DECIMAL_INT, 0xffcd22, NONE, PLAIN);
        token(s, TokenTypes.LITERAL_NUMBER_FLOAT, 0xffcd22, NONE, PLAIN);
        token(s, TokenTypes.LITERAL_NUMBER_HEXADECIMAL, 0xffcd22, NONE, PLAIN);
        token(s, TokenTypes.LITERAL_STRING_DOUBLE_QUOTE, 0xec7600, NONE, PLAIN);
        token(s, TokenTypes.LITERAL_CHAR, 0xec7600, NONE, PLAIN);
        token(s, TokenTypes.LITERAL_BACKQUOTE, 0xec7600, NONE, PLAIN);
        token(s, TokenTypes.DATA_TYPE, 0x678cb1, NONE, BOLD);
        token(s, TokenTypes.VARIABLE, 0xae9fbf, NONE, BOLD);
        token(s, TokenTypes.REGEX, 0xd39745, NONE, PLAIN);
        token(s, TokenTypes.ANNOTATION, 0xe8e2b7, NONE, PLAIN);
        token(s, TokenTypes.IDENTIFIER, 0xa9b7c6, NONE, PLAIN);
        token(s, TokenTypes.WHITESPACE, 0xe0e2e4, NONE, PLAIN);
        token(s, TokenTypes.SEPARATOR, 0xe8e2b7, NONE, PLAIN);
        token(s, TokenTypes.OPERATOR, 0xe8e2b7, NONE, PLAIN);
        token(s, TokenTypes.PREPROCESSOR, 0xa082bd, NONE, PLAIN);
        token(s, TokenTypes.MARKUP_TAG_DELIMITER, 0x678cb1, NONE, PLAIN);
        token(s, TokenTypes.MARKUP_TAG_NAME, 0xabbfd3, NONE, BOLD);
        token(s, TokenTypes.MARKUP_TAG_ATTRIBUTE, 0xb3b689, NONE, PLAIN);
        token(s, TokenTypes.MARKUP_TAG_ATTRIBUTE_VALUE, 0xe1e2cf, NONE, PLAIN);
        token(s, TokenTypes.MARKUP_COMMENT, 0x66747b, NONE, PLAIN);
        token(s, TokenTypes.MARKUP_DTD, 0xa082bd, NONE, PLAIN);
        token(s, TokenTypes.MARKUP_PROCESSING_INSTRUCTION, 0xa082bd, NONE, PLAIN);
        token(s, TokenTypes.MARKUP_CDATA_DELIMITER, 0xae9fbf, NONE, PLAIN);
        token(s, TokenTypes.MARKUP_CDATA, 0xd5e6f0, NONE, PLAIN);
        token(s, TokenTypes.MARKUP_ENTITY_REFERENCE, 0x678cb1, NONE, PLAIN);
        token(s, TokenTypes.ERROR_IDENTIFIER, 0xe0e2e4, rgb(0x04790e), PLAIN);
        token(s, TokenTypes.ERROR_NUMBER_FORMAT, 0xe0e2e4, rgb(0x04790e), PLAIN);
        token(s, TokenTypes.ERROR_STRING_DOUBLE, 0xe0e2e4, rgb(0x04790e), PLAIN);
        token(s, TokenTypes.ERROR_CHAR, 0xe0e2e4, rgb(0x04790e), PLAIN);
    }

    private static void token(SyntaxScheme scheme, int type, int fg, Color bg, int fontStyle) {
        token(scheme, type, fg, bg, fontStyle, false);
    }

    /** A token's style as the XML loader makes it: no font of its own unless bold or italic. */
    private static void token(SyntaxScheme scheme, int type, int fg, Color bg, int fontStyle, boolean underline) {
        Font font = fontStyle == PLAIN ? null : RSyntaxTextArea.getDefaultFont().deriveFont(fontStyle);
        scheme.setStyle(type, new Style(rgb(fg), bg, font, underline));
    }

    private static Color rgb(int rgb) {
        return new Color(rgb);
    }
}
