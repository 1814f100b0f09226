package io.github.ucmaworkbench.rtc;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/** Any name and value: a header that passes its own checks, or IllegalArgumentException that says why. */
class SignalingHeaderFuzzTest {
    @FuzzTest(maxDuration = "30s")
    void aHeaderIsValidOrRefusedWithAReason(FuzzedDataProvider data) {
        String name = data.consumeString(200);
        String value = data.consumeRemainingAsString();
        SignalingHeader header;
        try {
            header = new SignalingHeader(name, value);
        } catch (IllegalArgumentException e) {
            assertThat(e.getMessage()).isNotBlank();
            assertThat(SignalingHeader.isValidName(name) && SignalingHeader.valueProblem(value) == null).isFalse();
            return;
        }
        assertThat(SignalingHeader.isValidName(header.getName())).isTrue();
        assertThat(SignalingHeader.valueProblem(header.getValue())).isNull();
        assertThat(header.getValue()).doesNotContain("\r", "\n");
    }
}
