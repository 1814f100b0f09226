package io.github.ucmaworkbench.trace.ladder;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ucmaworkbench.trace.ladder.SipText.Span.Kind;
import org.junit.jupiter.api.Test;

class SipTextTest {
    private static final String RAW = "INVITE sip:server@example.com SIP/2.0\r\n"
            + "v: SIP/2.0/tcp [::1]:5070;branch=z9hG4bK1;rport, SIP/2.0/UDP 10.0.0.1\r\n"
            + "CSeq:  7   INVITE\r\n"
            + "Content-Length: 5\r\n\r\n"
            + "hello";

    @Test
    void readsTheTopmostViaFromACompactHeader() {
        SipText.Via via = SipText.topVia(RAW);

        assertThat(via.transport()).isEqualTo("TCP");
        assertThat(via.sentBy()).isEqualTo("[::1]:5070");
        assertThat(via.branch()).isEqualTo("z9hG4bK1");
    }

    @Test
    void aSentByWithoutPortGetsTheTransportsDefault() {
        assertThat(SipText.topVia("OPTIONS x SIP/2.0\r\nVia: SIP/2.0/TLS Host.Example\r\n\r\n").sentBy())
                .isEqualTo("host.example:5061");
    }

    @Test
    void normalisesCSeq() {
        assertThat(SipText.cseq(RAW)).isEqualTo("7 INVITE");
    }

    @Test
    void splitsStartLineHeaderNamesAndBody() {
        assertThat(SipText.spans(RAW)).extracting(SipText.Span::kind).containsExactly(Kind.START_LINE,
                Kind.HEADER_NAME, Kind.HEADER_VALUE, Kind.HEADER_NAME, Kind.HEADER_VALUE,
                Kind.HEADER_NAME, Kind.HEADER_VALUE, Kind.BODY);
        SipText.Span body = SipText.spans(RAW).get(7);
        assertThat(RAW.substring(body.start(), body.end())).isEqualTo("hello");
        SipText.Span cseqName = SipText.spans(RAW).get(3);
        assertThat(RAW.substring(cseqName.start(), cseqName.end())).isEqualTo("CSeq");
    }

    @Test
    void addressOfRecordDropsDisplayNameSchemeTagAndParameters() {
        assertThat(SipText.addressOfRecord("\"Alice\" <sip:Alice@Example.com;transport=tcp>;tag=9")).isEqualTo("alice@example.com");
        assertThat(SipText.addressOfRecord("sips:bob@example.com;tag=1")).isEqualTo("bob@example.com");
        assertThat(SipText.addressOfRecord("<sip:carol@10.0.0.1:5070?Subject=x>")).isEqualTo("carol@10.0.0.1:5070");
        assertThat(SipText.addressOfRecord(null)).isEmpty();
        assertThat(SipText.addressOfRecord("  ")).isEmpty();
    }
}
