package io.github.ucmaworkbench.ui.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ucmaworkbench.rtc.SignalingHeader;
import io.github.ucmaworkbench.settings.Theme;
import io.github.ucmaworkbench.ui.GuiTest;
import io.github.ucmaworkbench.ui.theme.ThemeSupport;
import io.github.ucmaworkbench.tutorial.IncomingCall;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.finder.WindowFinder;
import org.assertj.swing.fixture.DialogFixture;
import org.junit.jupiter.api.Test;

class AskCallDialogTest extends GuiTest {
    private final List<Boolean> answers = new CopyOnWriteArrayList<>();
    private DialogCallAsker asker;

    @Override
    protected void onSetUp() {
        asker = GuiActionRunner.execute(() -> {
            ThemeSupport.install(Theme.LIGHT, false);
            return new DialogCallAsker(null);
        });
    }

    @Test
    void showsCallerAndHeadersAndAcceptsOnce() {
        askFromWorkerThread(Duration.ofSeconds(30));
        DialogFixture dialog = WindowFinder.findDialog(AskCallDialog.DIALOG).withTimeout(5000).using(robot());
        dialog.label(AskCallDialog.CALLER).requireText("sip:client@example.com");
        assertThat(dialog.table(AskCallDialog.HEADERS).contents()).isDeepEqualTo(new String[][] {{"X-Lesson", "part-6"}});
        assertThat(dialog.label(AskCallDialog.COUNTDOWN).text()).matches("Declines automatically in (30|29) s");

        clickUntilClosed(dialog, AskCallDialog.ACCEPT);
        dialog.requireNotVisible();
        waitUntil("answered", () -> !answers.isEmpty());
        assertThat(answers).containsExactly(true);
    }

    @Test
    void declineButtonDeclines() {
        askFromWorkerThread(Duration.ofSeconds(30));
        DialogFixture dialog = WindowFinder.findDialog(AskCallDialog.DIALOG).withTimeout(5000).using(robot());
        clickUntilClosed(dialog, AskCallDialog.DECLINE);
        waitUntil("answered", () -> !answers.isEmpty());
        assertThat(answers).containsExactly(false);
    }

    @Test
    void countdownDeclinesByItself() {
        askFromWorkerThread(Duration.ofSeconds(1));
        waitUntil("declined by the countdown", () -> !answers.isEmpty());
        assertThat(answers).containsExactly(false);
        assertThat(GuiActionRunner.execute(() -> java.util.Arrays.stream(java.awt.Window.getWindows())
                .anyMatch(w -> w instanceof AskCallDialog && w.isShowing()))).as("dialog closed").isFalse();
    }

    @Test
    void countdownGoesDownWhileTheTeacherDecides() {
        askFromWorkerThread(Duration.ofSeconds(30));
        DialogFixture dialog = WindowFinder.findDialog(AskCallDialog.DIALOG).withTimeout(5000).using(robot());
        int first = secondsLeft(dialog);
        assertThat(first).isBetween(1, 30);

        waitUntil("the countdown went down from " + first, () -> secondsLeft(dialog) < first, 10_000);
        assertThat(answers).as("still undecided while counting down").isEmpty();
        clickUntilClosed(dialog, AskCallDialog.DECLINE);
    }

    /** The seconds the countdown label shows now, read on the event thread. */
    private static int secondsLeft(DialogFixture dialog) {
        String text = GuiActionRunner.execute(() -> dialog.label(AskCallDialog.COUNTDOWN).target().getText());
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("in (\\d+) s").matcher(text);
        assertThat(m.find()).as("countdown text \"%s\"", text).isTrue();
        return Integer.parseInt(m.group(1));
    }

    @Test
    void closesWithoutAnsweringWhenTheCallerGivesUp() {
        CompletableFuture<String> gone = askFromWorkerThread(Duration.ofSeconds(30));
        DialogFixture dialog = WindowFinder.findDialog(AskCallDialog.DIALOG).withTimeout(5000).using(robot());
        dialog.requireVisible();

        gone.complete("the caller gave up");
        waitUntil("the dialog closed by itself", () -> !GuiActionRunner.execute(() -> dialog.target().isShowing()));
        assertThat(answers).as("nothing answered for a call that is gone").isEmpty();
    }

    private CompletableFuture<String> askFromWorkerThread(Duration timeout) {
        CompletableFuture<String> gone = new CompletableFuture<>();
        IncomingCall call = new IncomingCall("sip:client@example.com",
                List.of(new SignalingHeader("X-Lesson", "part-6")), timeout, gone);
        Thread worker = new Thread(() -> asker.ask(call, answers::add), "rtc-worker-like");
        worker.start();
        return gone;
    }


}
