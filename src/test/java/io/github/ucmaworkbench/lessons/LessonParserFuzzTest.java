package io.github.ucmaworkbench.lessons;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;

/** A lesson file a teacher wrote by hand: a lesson, or a LessonFormatException naming the problem. */
class LessonParserFuzzTest {
    @FuzzTest(maxDuration = "30s")
    void anyLessonFileParsesOrSaysWhatIsWrong(@NotNull String text) {
        try {
            Lesson lesson = new LessonParser(region -> true).parse("fuzz.md", text);
            assertThat(lesson).isNotNull();
        } catch (LessonFormatException e) {
            assertThat(e.getMessage()).isNotBlank();
        }
    }
}
