package io.github.ucmaworkbench.rtc.sip;

import static org.assertj.core.api.Assertions.assertThat;

import gov.nist.javax.sip.parser.StringMsgParser;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import javax.sip.message.Message;
import org.junit.jupiter.api.Test;

/** The view made lazily gives what the eager copy gave: the stack's own text, lines and headers. */
class MessageViewTest {
    private static final String INVITE = "INVITE sip:server@example.com SIP/2.0\r\n"
            + "Via: SIP/2.0/UDP 127.0.0.1:5070;branch=z9hG4bK-1\r\n"
            + "Via: SIP/2.0/UDP 127.0.0.1:5080;branch=z9hG4bK-0\r\n"
            + "Max-Forwards: 70\r\n"
            + "From: <sip:client@example.com>;tag=a\r\n"
            + "To: <sip:server@example.com>\r\n"
            + "Call-ID: view-1\r\n"
            + "CSeq: 1 INVITE\r\n"
            + "Contact: <sip:client@127.0.0.1:5070>\r\n"
            + "X-Lesson: six\r\n"
            + "Content-Type: application/sdp\r\n"
            + "Content-Length: 4\r\n\r\nv=0\n";
    private static final String OK = "SIP/2.0 200 OK\r\n"
            + "Via: SIP/2.0/UDP 127.0.0.1:5070;branch=z9hG4bK-1\r\n"
            + "From: <sip:client@example.com>;tag=a\r\n"
            + "To: <sip:server@example.com>;tag=b\r\n"
            + "Call-ID: view-1\r\n"
            + "CSeq: 1 INVITE\r\n"
            + "Content-Length: 0\r\n\r\n";

    private static Message parse(String text) throws Exception {
        return new StringMsgParser().parseSIPMessage(text.getBytes(StandardCharsets.UTF_8), true, false, null);
    }

    @Test
    void aRequestReadsAsTheStackEncodesIt() throws Exception {
        Message invite = parse(INVITE);
        String encoded = invite.toString();
        MessageView view = MessageView.of(invite);

        assertThat(view.getFirstLine()).isEqualTo("INVITE sip:server@example.com SIP/2.0")
                .isEqualTo(encoded.substring(0, encoded.indexOf("\r\n")));
        assertThat(view.getMethod()).isEqualTo("INVITE");
        assertThat(view.getBodyString()).isEqualTo("v=0\n");
        assertThat(view.getContentType()).isEqualTo("application/sdp");
        assertThat(view.getCallId()).isEqualTo("view-1");
        assertThat(view.header("x-lesson")).isEqualTo("six");
        assertThat(view.getHeaders()).extracting(Map.Entry::getKey).containsSubsequence("Via", "From", "Call-ID", "X-Lesson");
        assertThat(view.getHeaders().stream().filter(h -> h.getKey().equals("Via"))).hasSize(2);
        assertThat(view.getRaw()).isEqualTo(encoded).startsWith(view.getFirstLine() + "\r\n");
        assertThat(view.getRaw()).isSameAs(view.getRaw());
        assertThat(view).hasToString(view.getFirstLine());
    }

    @Test
    void aResponseReadsAsTheStackEncodesIt() throws Exception {
        Message ok = parse(OK);
        String encoded = ok.toString();
        MessageView view = MessageView.of(ok);

        assertThat(view.getRaw()).isEqualTo(encoded);
        assertThat(view.getFirstLine()).isEqualTo("SIP/2.0 200 OK");
        assertThat(view.isRequest()).isFalse();
        assertThat(view.getStatusCode()).isEqualTo(200);
        assertThat(view.getMethod()).isEqualTo("INVITE");
        assertThat(view.getTo()).isEqualTo("<sip:server@example.com>;tag=b");
        assertThat(view.getBody()).isEmpty();
    }
}
