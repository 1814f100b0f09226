package io.github.ucmaworkbench.ui.ladder;

import static org.assertj.core.api.Assertions.assertThat;

import javax.swing.text.AttributeSet;
import javax.swing.text.BadLocationException;
import javax.swing.text.Element;
import javax.swing.text.StyleConstants;
import org.junit.jupiter.api.Test;

/** The inspector's reused document: a bulk load must read back exactly, styled span by span. */
class InspectorDocumentTest {
    private static final String INVITE = "INVITE sip:server@example.com SIP/2.0\n"
            + "Via: SIP/2.0/TCP 127.0.0.1:5062;branch=z9hG4bK1\n"
            + "Call-ID: abc\n"
            + "Content-Length: 9\n"
            + "\n"
            + "v=0\no=- 1";

    private static String text(InspectorDocument doc) throws BadLocationException {
        return doc.getText(0, doc.getLength());
    }

    private static AttributeSet at(InspectorDocument doc, int offset) {
        return doc.getCharacterElement(offset).getAttributes();
    }

    @Test
    void aMessageReadsBackWholeWithALinePerParagraph() throws Exception {
        InspectorDocument doc = new InspectorDocument();
        doc.show(INVITE);

        assertThat(text(doc)).isEqualTo(INVITE);
        Element root = doc.getDefaultRootElement();
        assertThat(root.getElementCount()).isEqualTo(INVITE.split("\n", -1).length);
        assertThat(root.getElement(1).getStartOffset()).isEqualTo(INVITE.indexOf("Via"));
    }

    @Test
    void theStartLineAndHeaderNamesAreBoldAndValuesAndBodyAreNot() throws Exception {
        InspectorDocument doc = new InspectorDocument();
        doc.show(INVITE);

        assertThat(StyleConstants.isBold(at(doc, 0))).isTrue();
        assertThat(StyleConstants.isBold(at(doc, INVITE.indexOf("Call-ID")))).isTrue();
        assertThat(StyleConstants.isBold(at(doc, INVITE.indexOf("abc")))).isFalse();
        assertThat(StyleConstants.isBold(at(doc, INVITE.indexOf("v=0")))).isFalse();
        assertThat(StyleConstants.getFontFamily(at(doc, INVITE.indexOf("abc")))).isEqualTo("Monospaced");
    }

    @Test
    void aNewMessageReplacesTheOldAndAnEmptyOneClearsIt() throws Exception {
        InspectorDocument doc = new InspectorDocument();
        doc.show(INVITE);
        String ok = "SIP/2.0 200 OK\nCall-ID: abc\n\n";
        doc.show(ok);
        assertThat(text(doc)).isEqualTo(ok);
        assertThat(StyleConstants.isBold(at(doc, 0))).isTrue();

        doc.restyle(20);
        assertThat(text(doc)).isEqualTo(ok);
        assertThat(StyleConstants.getFontSize(at(doc, 0))).isEqualTo(20);

        doc.show("");
        assertThat(text(doc)).isEmpty();
        doc.show(INVITE);
        assertThat(text(doc)).isEqualTo(INVITE);
    }
}
