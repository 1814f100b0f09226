package io.github.ucmaworkbench.ui.exercise;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ucmaworkbench.lessons.LessonSides;
import io.github.ucmaworkbench.lessons.exercise.ExerciseLibrary;
import io.github.ucmaworkbench.lessons.exercise.HomeworkStore;
import io.github.ucmaworkbench.registrar.RegistrarConfig;
import io.github.ucmaworkbench.registrar.RegistrarService;
import io.github.ucmaworkbench.rtc.SipTransportType;
import io.github.ucmaworkbench.tutorial.ClientManager;
import io.github.ucmaworkbench.tutorial.ClientSettings;
import io.github.ucmaworkbench.tutorial.EndpointSettings;
import io.github.ucmaworkbench.tutorial.ServerManager;
import io.github.ucmaworkbench.ui.GuiTest;
import java.awt.Dimension;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.swing.JFrame;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.fixture.FrameFixture;
import org.fife.ui.rsyntaxtextarea.RSyntaxTextArea;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The homework tab in a test frame with real managers and an embedded registrar: Run, Check, Reset, saved work. */
class ExercisePanelTest extends GuiTest {
    @TempDir
    Path temp;

    private RegistrarService registrar;
    private ClientManager client;
    private ServerManager server;
    private final List<String> serverLog = new CopyOnWriteArrayList<>();
    private ExercisePanel panel;
    private FrameFixture window;

    @Override
    protected void onSetUp() throws Exception {
        registrar = new RegistrarService(RegistrarConfig.builder().port(0).build());
        InetSocketAddress address = registrar.start();
        server = new ServerManager(new EndpointSettings("sip:server@example.com", "127.0.0.1", address.getPort(),
                SipTransportType.TCP, null, null));
        client = new ClientManager(new ClientSettings(new EndpointSettings("sip:client@example.com", "127.0.0.1",
                address.getPort(), SipTransportType.TCP, null, null), "sip:server@example.com"));
        server.progress().add((sender, e) -> serverLog.add(e.message()));
        open();
    }

    private void open() throws IOException {
        ExerciseLibrary library = ExerciseLibrary.load(Path.of("lessons", "exercises"));
        HomeworkStore store = new HomeworkStore(temp.resolve("homework"));
        LessonSides sides = new LessonSides() {
            @Override
            public ClientManager client() {
                return client;
            }

            @Override
            public ServerManager server() {
                return server;
            }
        };
        JFrame frame = GuiActionRunner.execute(() -> {
            panel = new ExercisePanel(sides, library, store);
            JFrame f = new JFrame("homework test");
            f.setContentPane(panel);
            f.setPreferredSize(new Dimension(900, 800));
            return f;
        });
        window = new FrameFixture(robot(), frame);
        window.show(new Dimension(900, 800));
        GuiActionRunner.execute(() -> { panel.select("accept-invite"); return null; });
        waitUntil("the starter is loaded", () -> editorText().contains("class AcceptHomework"));
    }

    @Override
    protected void onTearDown() throws Exception {
        try {
            GuiActionRunner.execute(() -> { panel.close(); return null; });
            if (window != null) {
                window.cleanUp();
            }
        } finally {
            client.close();
            server.close();
            registrar.close();
        }
    }

    @Test
    void checkShowsATickForEveryExpectationOfAReferenceSolution() throws Exception {
        setEditorText(resource("solutions/accept-invite"));
        clickShowing(window.button(ExercisePanel.CHECK), window.label(ExercisePanel.STATUS));
        waitForText(window.label(ExercisePanel.STATUS), "Passed", 30_000);
        List<String> lines = Arrays.asList(window.list(ExercisePanel.RESULTS).contents());
        assertThat(lines).contains("    ✔ server sent 200 INVITE", "    ✔ server info \"the session was INCOMING\"");
        assertThat(lines).noneMatch(l -> l.contains("✗"));
    }

    @Test
    void checkShowsACrossWithTheReasonForTheStarter() {
        clickShowing(window.button(ExercisePanel.CHECK), window.label(ExercisePanel.STATUS));
        waitForText(window.label(ExercisePanel.STATUS), "Failed", 30_000);
        assertThat(window.list(ExercisePanel.RESULTS).contents()).anyMatch(l -> l.startsWith("    ✗ server sent 200 INVITE"));
    }

    @Test
    void runUnderlinesACompileErrorAtItsLineAndColumn() throws Exception {
        setEditorText(resource("broken/does-not-compile"));
        clickShowing(window.button(ExercisePanel.RUN), window.label(ExercisePanel.STATUS));
        waitForText(window.label(ExercisePanel.STATUS), "Does not compile: line 7:", WAIT_MILLIS);
        RSyntaxTextArea editor = (RSyntaxTextArea) window.textBox(ExercisePanel.EDITOR).target();
        waitUntil("the editor underlines it", () -> GuiActionRunner.execute(() -> editor.getParserNotices().stream()
                .anyMatch(n -> n.getLine() == 6)));
    }

    @Test
    void runPutsTheCodeInTheLiveServerAndPlaysTheSteps() throws Exception {
        setEditorText(resource("solutions/accept-invite"));
        clickShowing(window.button(ExercisePanel.RUN), window.label(ExercisePanel.STATUS));
        waitForText(window.label(ExercisePanel.STATUS), "Ran: every step", 30_000);
        assertThat(serverLog).anyMatch(l -> l.startsWith("Your sessionReceived returned after"));
        assertThat(server.getHomeworkSeams().sessionReceived()).isNotNull();
        window.button(ExercisePanel.RESET).click();
        waitUntil("reset uninstalls the homework", () -> server.getHomeworkSeams().sessionReceived() == null);
        assertThat(editorText()).contains("// TODO: accept it without waiting here.");
    }

    @Test
    void workIsSavedAndComesBackAfterARestart() throws Exception {
        setEditorText("// my own work\n" + resource("solutions/accept-invite"));
        Path saved = temp.resolve("homework").resolve("accept-invite.java");
        waitUntil("the work is saved", () -> java.nio.file.Files.exists(saved) && read(saved).startsWith("// my own work"));
        GuiActionRunner.execute(() -> { panel.close(); return null; });
        window.cleanUp();
        open();
        assertThat(editorText()).startsWith("// my own work");
    }

    private static String read(Path file) {
        try {
            return java.nio.file.Files.readString(file);
        } catch (IOException e) {
            return "";
        }
    }

    private void setEditorText(String text) {
        RSyntaxTextArea editor = (RSyntaxTextArea) window.textBox(ExercisePanel.EDITOR).target();
        GuiActionRunner.execute(() -> { editor.setText(text); return null; });
    }

    private String editorText() {
        RSyntaxTextArea editor = (RSyntaxTextArea) window.textBox(ExercisePanel.EDITOR).target();
        return GuiActionRunner.execute(() -> editor.getText());
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = ExercisePanelTest.class.getResourceAsStream("/exercises/" + name + ".java")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
