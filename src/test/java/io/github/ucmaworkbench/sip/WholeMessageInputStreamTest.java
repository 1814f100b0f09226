package io.github.ucmaworkbench.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The stack reads a TCP connection in whole messages; what a closing peer leaves half-sent never reaches it. */
class WholeMessageInputStreamTest {
    private static final String FIRST = "MESSAGE sip:a@b SIP/2.0\r\nl: 5\r\nCall-ID: 1\r\n\r\nhello";
    private static final String SECOND = "OPTIONS sip:a@b SIP/2.0\r\nContent-Length: 0\r\n\r\n";
    private static final String CUT = "INVITE sip:a@b SIP/2.0\r\nContent-Length: 500\r\n\r\n" + "x".repeat(100);

    /** Hands out its bytes {@code chunk} at a time, as a slow network would. */
    private static InputStream trickle(String text, int chunk) {
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        return new InputStream() {
            private int at;

            @Override
            public int read() {
                return at < bytes.length ? bytes[at++] & 0xff : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (at >= bytes.length) {
                    return -1;
                }
                int n = Math.min(Math.min(len, chunk), bytes.length - at);
                System.arraycopy(bytes, at, b, off, n);
                at += n;
                return n;
            }
        };
    }

    private static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[7];
        int n;
        while ((n = in.read(buffer, 0, buffer.length)) >= 0) {
            out.write(buffer, 0, n);
        }
        return out.toString(StandardCharsets.ISO_8859_1);
    }

    @Test
    void wholeMessagesAndKeepAlivesPassAndAMessageCutOffByTheCloseIsDropped() throws Exception {
        List<String> cuts = new ArrayList<>();
        for (int chunk : new int[] {1, 3, 64, 4096}) {
            cuts.clear();
            InputStream in = new WholeMessageInputStream(trickle(FIRST + "\r\n\r\n" + SECOND + CUT, chunk), cuts::add);

            assertThat(readAll(in)).as("read %d bytes at a time", chunk).isEqualTo(FIRST + "\r\n\r\n" + SECOND);
            assertThat(cuts).hasSize(1).first().asString().contains("cut off");
        }
    }

    @Test
    void aPeerThatClosesAfterWholeMessagesLosesNothing() throws Exception {
        List<String> cuts = new ArrayList<>();
        InputStream in = new WholeMessageInputStream(trickle(SECOND + FIRST + "\r\n", 5), cuts::add);

        assertThat(readAll(in)).isEqualTo(SECOND + FIRST + "\r\n");
        assertThat(cuts).isEmpty();
    }
}
