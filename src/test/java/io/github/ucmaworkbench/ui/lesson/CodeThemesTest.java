package io.github.ucmaworkbench.ui.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import javax.swing.SwingUtilities;
import org.fife.ui.rsyntaxtextarea.RSyntaxTextArea;
import org.fife.ui.rsyntaxtextarea.Style;
import org.fife.ui.rsyntaxtextarea.SyntaxScheme;
import org.fife.ui.rsyntaxtextarea.Theme;
import org.fife.ui.rsyntaxtextarea.TokenTypes;
import org.fife.ui.rtextarea.RTextScrollPane;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The code panes' colours set in code are RSyntaxTextArea's XML themes, value for value: an editor
 * given the XML theme and one given {@link CodeThemes} end up alike in every setting a theme holds
 * (colours of the text, selection, gutter and every token type; bold, italic, underline).
 */
class CodeThemesTest {
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void theCodedThemeSetsWhatTheXmlThemeSets(boolean dark) throws Exception {
        onEventThread(() -> compare(dark));
    }

    private static void compare(boolean dark) throws Exception {
        RSyntaxTextArea fromXml = inScrollPane();
        xmlTheme(dark ? "dark.xml" : "idea.xml").apply(fromXml);
        RSyntaxTextArea coded = inScrollPane();
        CodeThemes.forArea(coded, dark).apply(coded);

        Theme expected = new Theme(fromXml);
        Theme actual = new Theme(coded);
        for (Field field : Theme.class.getFields()) {
            if (field.getName().equals("scheme")) {
                continue;
            }
            Object want = field.get(expected);
            Object got = field.get(actual);
            if (want instanceof Object[] array) {
                assertThat((Object[]) got).as(field.getName()).containsExactly(array);
            } else {
                assertThat(got).as(field.getName()).isEqualTo(want);
            }
        }
        SyntaxScheme want = fromXml.getSyntaxScheme();
        SyntaxScheme got = coded.getSyntaxScheme();
        assertThat(got.getStyleCount()).isEqualTo(want.getStyleCount());
        for (int type = 0; type < want.getStyleCount(); type++) {
            assertThat(describe(got.getStyle(type))).as("token type %d", type).isEqualTo(describe(want.getStyle(type)));
        }
    }

    @Test
    void keyTokensKeepTheirColours() throws Exception {
        onEventThread(CodeThemesTest::keyTokens);
    }

    private static void keyTokens() {
        RSyntaxTextArea light = inScrollPane();
        CodeThemes.forArea(light, false).apply(light);
        Style keyword = light.getSyntaxScheme().getStyle(TokenTypes.RESERVED_WORD);
        assertThat(keyword.foreground).isEqualTo(new Color(0x000080));
        assertThat(keyword.font.isBold()).isTrue();
        assertThat(light.getSyntaxScheme().getStyle(TokenTypes.LITERAL_STRING_DOUBLE_QUOTE).foreground).isEqualTo(new Color(0x008000));
        assertThat(light.getBackground()).isEqualTo(Color.WHITE);

        RSyntaxTextArea dark = inScrollPane();
        CodeThemes.forArea(dark, true).apply(dark);
        assertThat(dark.getSyntaxScheme().getStyle(TokenTypes.RESERVED_WORD).foreground).isEqualTo(new Color(0x93c763));
        assertThat(dark.getSyntaxScheme().getStyle(TokenTypes.COMMENT_EOL).foreground).isEqualTo(new Color(0x66747b));
        assertThat(dark.getBackground()).isEqualTo(new Color(0x293134));
    }

    private interface Body {
        void run() throws Exception;
    }

    /** Swing components are made on the event thread (other GUI tests in this JVM check it). */
    private static void onEventThread(Body body) throws Exception {
        Exception[] failed = new Exception[1];
        AssertionError[] wrong = new AssertionError[1];
        SwingUtilities.invokeAndWait(() -> {
            try {
                body.run();
            } catch (Exception e) {
                failed[0] = e;
            } catch (AssertionError e) {
                wrong[0] = e;
            }
        });
        if (failed[0] != null) {
            throw failed[0];
        }
        if (wrong[0] != null) {
            throw wrong[0];
        }
    }

    private static RSyntaxTextArea inScrollPane() {
        RSyntaxTextArea area = new RSyntaxTextArea(4, 20);
        new RTextScrollPane(area); // the gutter a theme also colours
        return area;
    }

    private static Theme xmlTheme(String file) throws IOException {
        try (InputStream in = RSyntaxTextArea.class.getResourceAsStream("/org/fife/ui/rsyntaxtextarea/themes/" + file)) {
            return Theme.load(in);
        }
    }

    private static String describe(Style style) {
        if (style == null) {
            return "none";
        }
        Font font = style.font;
        return style.foreground + " on " + style.background + ", " + (font == null ? "base font" : font.getFamily() + " " + font.getStyle() + " " + font.getSize())
                + (style.underline ? ", underlined" : "");
    }
}
