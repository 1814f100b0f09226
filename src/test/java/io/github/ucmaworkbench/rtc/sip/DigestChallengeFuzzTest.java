package io.github.ucmaworkbench.rtc.sip;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * A registrar's WWW-Authenticate value is input from the network: parsing it gives a challenge
 * or null, never an exception, and any challenge we say we support can be answered.
 */
class DigestChallengeFuzzTest {
    @FuzzTest(maxDuration = "30s")
    void anyChallengeParsesOrIsNotDigest(FuzzedDataProvider data) {
        String value = data.consumeRemainingAsString();
        DigestClient.Challenge challenge = DigestClient.Challenge.parse(value);
        if (challenge == null) {
            assertThat(value.strip().regionMatches(true, 0, "Digest", 0, 6)).isFalse();
            return;
        }
        DigestClient.Challenge chosen = DigestClient.stronger(challenge, null);
        if (challenge.isSupported()) {
            assertThat(chosen).isSameAs(challenge);
            String answer = DigestClient.authorization(challenge, "alice", "secret", "REGISTER", "sip:example.com");
            assertThat(answer).startsWith("Digest ").doesNotContain("\r", "\n");
        } else {
            assertThat(chosen).isNull();
        }
    }
}
