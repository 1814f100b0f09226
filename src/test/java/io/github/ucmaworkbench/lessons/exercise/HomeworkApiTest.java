package io.github.ucmaworkbench.lessons.exercise;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What the editor offers for completion comes from the real rtc classes. */
class HomeworkApiTest {
    @Test
    void theMethodsHomeworkNeedsAreOffered() {
        List<String> texts = HomeworkApi.entries().stream().map(HomeworkApi.Entry::text).toList();
        assertThat(texts).contains("beginParticipate(", "endParticipate(", "terminateWithRejection(", "getRequestData(",
                "getHeaderValue(", "beginSendMessage(", "getResponseCode(", "recordProgress(", "SignalingState.CONNECTED",
                "SessionReceivedEventArgs");
        assertThat(texts).doesNotContain("wait(", "hashCode(");
        assertThat(HomeworkApi.entries()).anySatisfy(e -> {
            assertThat(e.text()).isEqualTo("beginParticipate(");
            assertThat(e.owner()).isEqualTo("SignalingSession");
            assertThat(e.label()).contains("AsyncCallback");
        });
    }
}
