package io.github.ucmaworkbench.rtc.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Sdp's own line and field splitting cuts exactly where the regular expressions it replaced did. */
class SdpSplitTest {
    private static final String ALPHABET = "ab \r\n=0";

    @Test
    void linesAndFieldsMatchTheRegexSplitsOnEdgeCases() {
        String[] samples = {"", " ", "  ", "a", " a", "a ", "a  b", "  a b  ", "\n", "\r\n", "\r\r\n", "a\r\nb\n", "a\n\n",
            "v=0\r\no=x 1 2 IN IP4 1.2.3.4\r\n", "\r", "a\rb\r\n\r\n"};
        for (String s : samples) {
            assertSame(s);
        }
    }

    @Test
    void linesAndFieldsMatchTheRegexSplitsOnRandomText() {
        Random random = new Random(14);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder s = new StringBuilder();
            for (int i = random.nextInt(12); i > 0; i--) {
                s.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            assertSame(s.toString());
        }
    }

    private static void assertSame(String s) {
        assertThat(Sdp.lines(s)).as("lines of %s", s.replace("\r", "\\r").replace("\n", "\\n")).containsExactly(s.split("\r?\n", -1));
        assertThat(Sdp.fields(s)).as("fields of [%s]", s).containsExactly(s.split(" +"));
    }
}
