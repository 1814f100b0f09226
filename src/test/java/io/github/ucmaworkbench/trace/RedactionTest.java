package io.github.ucmaworkbench.trace;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RedactionTest {
    @Test
    void digestResponseAndCnonceAreMasked() {
        String raw = "REGISTER sip:example.com SIP/2.0\r\n"
                + "Authorization: Digest username=\"client\",realm=\"example.com\",nonce=\"abc\","
                + "uri=\"sip:example.com\",response=\"0123456789abcdef\",cnonce=\"xyz987\",qop=auth,nc=00000001\r\n"
                + "Proxy-Authorization: Digest username=\"client\", response=\"fedcba\"\r\n"
                + "Subject: response=\"keep me\"\r\n\r\n";

        String masked = Redaction.maskCredentials(raw);

        assertThat(masked).doesNotContain("0123456789abcdef", "xyz987", "fedcba");
        assertThat(masked).contains("username=\"client\"", "nonce=\"abc\"", "Subject: response=\"keep me\"");
        assertThat(masked).contains("response=\"****\"", "cnonce=\"****\"");
    }
}
