package io.github.ucmaworkbench.ui.exercise;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ucmaworkbench.lessons.exercise.HomeworkApi;
import org.assertj.swing.edt.GuiActionRunner;
import org.fife.ui.autocomplete.AutoCompletion;
import org.fife.ui.autocomplete.DefaultCompletionProvider;
import org.fife.ui.rsyntaxtextarea.RSyntaxTextArea;
import org.junit.jupiter.api.Test;

class RtcCompletionsTest {

    @Test
    void everyApiEntryIsOfferedAndFoundByWhatIsTyped() {
        AutoCompletion completion = GuiActionRunner.execute(() -> RtcCompletions.install(new RSyntaxTextArea()));
        DefaultCompletionProvider provider = (DefaultCompletionProvider) completion.getCompletionProvider();
        for (HomeworkApi.Entry entry : HomeworkApi.entries()) {
            // found by binary search: only when the completions were sorted after being added together
            assertThat(provider.getCompletionByInputText(entry.text())).as(entry.text()).isNotNull();
        }
    }
}
