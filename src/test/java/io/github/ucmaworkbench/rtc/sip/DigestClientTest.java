package io.github.ucmaworkbench.rtc.sip;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DigestClientTest {
    // RFC 7616 §3.9.1: the worked example, for MD5 and for SHA-256.
    private static final String NONCE = "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v";
    private static final String CNONCE = "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ";

    private static String response(String authorization) {
        return DigestClient.params(authorization.substring(6)).get("response");
    }

    @Test
    void sha256MatchesTheRfc7616Example() {
        DigestClient.Challenge challenge = DigestClient.Challenge.parse("Digest realm=\"http-auth@example.org\", qop=\"auth, auth-int\","
                + " algorithm=SHA-256, nonce=\"" + NONCE + "\", opaque=\"FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS\"");
        String authorization = DigestClient.authorization(challenge, "Mufasa", "Circle of Life", "GET", "/dir/index.html", CNONCE, 1);
        assertThat(response(authorization)).isEqualTo("753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1");
        assertThat(authorization).contains("algorithm=SHA-256", "qop=auth", "nc=00000001", "opaque=\"FQhe");
    }

    @Test
    void md5MatchesTheRfc7616Example() {
        DigestClient.Challenge challenge = DigestClient.Challenge.parse("Digest realm=\"http-auth@example.org\", qop=\"auth, auth-int\","
                + " algorithm=MD5, nonce=\"" + NONCE + "\"");
        String authorization = DigestClient.authorization(challenge, "Mufasa", "Circle of Life", "GET", "/dir/index.html", CNONCE, 1);
        assertThat(response(authorization)).isEqualTo("8ca523f5e9506fed4657c9700eebdbec");
    }

    @Test
    void sha256IsPreferredWhenBothAreOffered() {
        DigestClient.Challenge md5 = DigestClient.Challenge.parse("Digest realm=\"example.com\", nonce=\"n1\", algorithm=MD5, qop=\"auth\"");
        DigestClient.Challenge sha = DigestClient.Challenge.parse("Digest realm=\"example.com\", nonce=\"n2\", algorithm=SHA-256, qop=\"auth\"");
        DigestClient.Challenge unknown = DigestClient.Challenge.parse("Digest realm=\"example.com\", nonce=\"n3\", algorithm=SHA-512-256");
        assertThat(DigestClient.stronger(md5, sha)).isSameAs(sha);
        assertThat(DigestClient.stronger(sha, md5)).isSameAs(sha);
        assertThat(DigestClient.stronger(unknown, md5)).isSameAs(md5);
        assertThat(DigestClient.Challenge.parse("Basic realm=\"x\"")).isNull();
    }
}
