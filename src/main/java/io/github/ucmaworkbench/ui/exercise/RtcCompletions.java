package io.github.ucmaworkbench.ui.exercise;

import io.github.ucmaworkbench.lessons.exercise.HomeworkApi;
import java.util.ArrayList;
import java.util.List;
import org.fife.ui.autocomplete.AutoCompletion;
import org.fife.ui.autocomplete.BasicCompletion;
import org.fife.ui.autocomplete.Completion;
import org.fife.ui.autocomplete.DefaultCompletionProvider;
import org.fife.ui.rsyntaxtextarea.RSyntaxTextArea;

/** Completion of the rtc API in the homework editor (Ctrl+Space, and after a dot). */
final class RtcCompletions {
    private RtcCompletions() {
    }

    static AutoCompletion install(RSyntaxTextArea editor) {
        DefaultCompletionProvider provider = new DefaultCompletionProvider();
        // After "session." the word typed so far is what is matched; the dot starts a list at once.
        provider.setAutoActivationRules(false, ".");
        List<Completion> completions = new ArrayList<>();
        for (HomeworkApi.Entry entry : HomeworkApi.entries()) {
            BasicCompletion completion = new BasicCompletion(provider, entry.text(), entry.label(), entry.owner());
            completion.setRelevance(entry.text().endsWith("(") ? 1 : 0);
            completions.add(completion);
        }
        // All at once: one sort, not a sorted insert per entry (which compared by toString each time
        // and kept the event thread busy for a sixth of a second while the window was new).
        provider.addCompletions(completions);
        AutoCompletion completion = new AutoCompletion(provider);
        completion.setAutoActivationEnabled(true);
        completion.setAutoActivationDelay(300);
        completion.setShowDescWindow(false);
        completion.install(editor);
        return completion;
    }
}
