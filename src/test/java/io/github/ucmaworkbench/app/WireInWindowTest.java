package io.github.ucmaworkbench.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ucmaworkbench.ui.ClientPanel;
import io.github.ucmaworkbench.ui.ServerPanel;
import io.github.ucmaworkbench.ui.ladder.MessageInspector;
import io.github.ucmaworkbench.ui.log.ProgressLogPanel;
import io.github.ucmaworkbench.ui.policy.AcceptPolicyPanel;
import java.awt.Dimension;
import java.nio.file.Path;
import java.util.Arrays;
import org.assertj.swing.fixture.JListFixture;
import org.junit.jupiter.api.Test;

/** The window as Main builds it: the ladder follows the call, and a log line leads to its SIP message. */
class WireInWindowTest extends WindowTest {
    private Path progressFile;

    @Override
    protected void onSetUp() {
        progressFile = configDir.resolve("class-a").resolve(io.github.ucmaworkbench.lessons.LessonProgressStore.FILE_NAME);
        // At the top left: the lesson column's buttons sit at the right edge.
        open(aWindow().configDirProperty().progressIn(progressFile).asMainShowsIt()
                .shownAt(new Dimension(1280, 900), new java.awt.Point(0, 0)));
    }

    @Test
    void clickingTheCallersErrorLineShowsThe486InTheInspector() {
        window.comboBox(ServerPanel.POLICY + AcceptPolicyPanel.KIND).selectItem("Reject");
        window.comboBox(ServerPanel.POLICY + AcceptPolicyPanel.REJECTION).selectItem("486 Busy Here");
        window.button(ClientPanel.SIGN_IN).click();
        window.button(ServerPanel.SIGN_IN).click();
        waitUntil("server may listen", () -> window.button(ServerPanel.LISTEN).target().isEnabled());
        window.button(ServerPanel.LISTEN).click();
        waitUntil("client may invite", () -> window.button(ClientPanel.SEND_INVITE).target().isEnabled());
        window.button(ClientPanel.SEND_INVITE).click();
        JListFixture clientLog = window.list(ClientPanel.LOG_NAME + ProgressLogPanel.LIST);
        waitUntil("the caller reports the 486", () -> Arrays.stream(clientLog.contents()).anyMatch(l -> l.contains("refused with 486")));

        int line = Arrays.asList(clientLog.contents()).indexOf(
                Arrays.stream(clientLog.contents()).filter(l -> l.contains("refused with 486")).findFirst().orElseThrow());
        clientLog.item(line).click();

        waitUntil("the inspector shows the 486 the client received", () -> {
            String raw = window.textBox(MessageInspector.RAW_TEXT).text();
            return raw.startsWith("SIP/2.0 486 Busy Here") && raw.contains("CSeq: 1 INVITE");
        });
    }

    @Test
    void aLessonStepsProgressIsKeptInTheStoreTheLauncherChose() {
        window.button(io.github.ucmaworkbench.ui.lesson.LessonView.RUN).click();
        waitUntil("progress written beside the chosen settings", () -> java.nio.file.Files.exists(progressFile));
        assertThat(configDir.resolve(io.github.ucmaworkbench.lessons.LessonProgressStore.FILE_NAME)).doesNotExist();
    }

}
