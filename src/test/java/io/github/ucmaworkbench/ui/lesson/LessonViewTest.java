package io.github.ucmaworkbench.ui.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ucmaworkbench.lessons.Lesson;
import io.github.ucmaworkbench.lessons.LessonAction;
import io.github.ucmaworkbench.lessons.LessonLibrary;
import io.github.ucmaworkbench.lessons.LessonProgress;
import io.github.ucmaworkbench.lessons.LessonProgressStore;
import io.github.ucmaworkbench.lessons.Side;
import io.github.ucmaworkbench.lessons.StepStatus;
import io.github.ucmaworkbench.registrar.RegistrarConfig;
import io.github.ucmaworkbench.registrar.RegistrarService;
import io.github.ucmaworkbench.rtc.SipTransportType;
import io.github.ucmaworkbench.tutorial.ClientManager;
import io.github.ucmaworkbench.tutorial.ClientSettings;
import io.github.ucmaworkbench.tutorial.EndpointSettings;
import io.github.ucmaworkbench.tutorial.ServerManager;
import io.github.ucmaworkbench.ui.GuiTest;
import java.awt.Dimension;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import javax.swing.JFrame;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.fixture.FrameFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lesson view in a test frame with the real tutorial managers and an embedded registrar (the
 * window hosts the same component): choosing, stepping, running with ✔/✗, remembering progress.
 */
class LessonViewTest extends GuiTest {
    @TempDir
    Path temp;

    private RegistrarService registrar;
    private ClientManager client;
    private ServerManager server;
    private LessonProgressStore store;
    private LessonView view;
    private FrameFixture window;
    private final List<String> highlighted = new CopyOnWriteArrayList<>();

    @Override
    protected void onSetUp() throws Exception {
        // Passwords checked, so part 3's wrong-password step has something to refuse it.
        registrar = new RegistrarService(RegistrarConfig.builder().port(0)
                .users(java.util.Map.of("client", "c-pass", "server", "s-pass")).build());
        InetSocketAddress address = registrar.start();
        server = new ServerManager(new EndpointSettings("sip:server@example.com", "127.0.0.1", address.getPort(),
                SipTransportType.TCP, "server", "s-pass"));
        client = new ClientManager(new ClientSettings(new EndpointSettings("sip:client@example.com", "127.0.0.1",
                address.getPort(), SipTransportType.TCP, "client", "c-pass"), "sip:server@example.com"));
        store = new LessonProgressStore(temp.resolve("config").resolve(LessonProgressStore.FILE_NAME));
        open(LessonLibrary.load(Path.of("lessons")));
    }

    private void open(LessonLibrary library) {
        LessonHost host = new LessonHost() {
            @Override
            public ClientManager client() {
                return client;
            }

            @Override
            public ServerManager server() {
                return server;
            }

            @Override
            public void highlightAction(Side side, LessonAction action) {
                highlighted.add(side.id() + " " + action.id());
            }
        };
        JFrame frame = GuiActionRunner.execute(() -> {
            view = new LessonView(host, library, store);
            JFrame f = new JFrame("lesson test");
            f.setContentPane(view);
            return f;
        });
        window = new FrameFixture(robot(), frame);
        window.show(new Dimension(900, 900));
    }

    @Override
    protected void onTearDown() throws Exception {
        GuiActionRunner.execute(() -> view.close());
        client.close();
        server.close();
        registrar.close();
        store.close();
    }

    @Test
    void showsTheFirstLessonWithItsTextCodeAndCSharp() {
        window.comboBox(LessonView.PICKER).requireSelection("1. The API at a glance");
        window.textBox(LessonView.STEP_TITLE).requireText("Step 1 of 8 \u00B7 server: The server signs in");
        assertThat(window.textBox(LessonView.TEXT).text()).contains("Part 1: The API at a glance", "SignalingSession", "REGISTER");
        assertThat(window.textBox(LessonView.STATUS).text()).contains("The server signs in.", "Run step");
        String java = GuiActionRunner.execute(() -> view.javaText());
        int[] lines = GuiActionRunner.execute(() -> view.highlightedLines());
        assertThat(java.split("\n")[lines[0] - 2]).contains("// region sign-in");
        assertThat(java.split("\n")[lines[1]]).contains("// endregion");
        window.label(LessonView.CODE_CAPTION).requireText("Runs: TutorialManager.java, lines " + lines[0] + "\u2013" + lines[1]);
        window.button(LessonView.PREVIOUS).requireDisabled();
        assertThat(window.robot().finder().findByName(LessonView.PROBLEMS, false).isVisible()).isFalse();
        window.tabbedPane(LessonView.CODE_TABS).selectTab("UCMA C#");
        assertThat(window.textBox(LessonView.CSHARP_CODE).text()).contains("BeginRegister");
    }

    @Test
    void theCSharpEditorArrivesInALaterDispatchWithoutItsTabBeingChosen() {
        robot().waitForIdle();
        javax.swing.text.JTextComponent csharp = (javax.swing.text.JTextComponent)
                window.robot().finder().findByName(LessonView.CSHARP_CODE, false); // its tab is not showing
        String first = GuiActionRunner.execute(() -> csharp.getText());
        assertThat(first).contains("BeginRegister");
        window.button(LessonView.NEXT).click();
        assertThat(GuiActionRunner.execute(() -> csharp.getText())).as("follows the step").isNotEqualTo(first);
    }

    @Test
    void stepsForwardAndBackAndSwitchesLessons() {
        window.button(LessonView.NEXT).click();
        window.textBox(LessonView.STEP_TITLE).requireText("Step 2 of 8 \u00B7 server: The server opens its door");
        assertThat(window.textBox(LessonView.TEXT).text()).doesNotContain("The cast of classes");
        window.button(LessonView.PREVIOUS).click();
        window.textBox(LessonView.STEP_TITLE).requireText("Step 1 of 8 \u00B7 server: The server signs in");

        window.comboBox(LessonView.PICKER).selectItem("6. Accepting the INVITE");
        window.textBox(LessonView.STEP_TITLE).requireText("Step 1 of 21 \u00B7 server: The server is signed in");
        window.list(LessonView.STEPS).clickItem(6);
        window.textBox(LessonView.STEP_TITLE).requireText("Step 7 of 21 \u00B7 server: Policy: reject with 486 Busy Here");
        assertThat(window.textBox(LessonView.STATUS).text()).contains("Setting applied: the server's accept policy becomes 'reject 486 Busy Here'");
        window.tabbedPane(LessonView.CODE_TABS).selectTab("UCMA C#");
        assertThat(window.textBox(LessonView.CSHARP_CODE).text()).contains("BeginParticipate");
    }

    @Test
    void walksALessonStepByStepWithRealManagers() throws Exception {
        // Part 6 is walked in the real window (WindowLessonSixTest); part 3 keeps this one short.
        window.comboBox(LessonView.PICKER).selectItem("3. Signing in");
        Lesson three = GuiActionRunner.execute(() -> view.currentLesson());

        for (int i = 0; i < three.steps().size(); i++) {
            String id = three.steps().get(i).id();
            window.button(LessonView.RUN).click();
            waitUntil("step " + id + " finished", () -> {
                StepStatus s = GuiActionRunner.execute(() -> view.statusOf(id));
                return s == StepStatus.PASSED || s == StepStatus.FAILED;
            });
            assertThat(window.textBox(LessonView.STATUS).text()).as("step %s", id).startsWith("\u2714");
            // A passed step moves the lesson on by itself: the next press runs the next step.
            int expected = Math.min(i + 1, three.steps().size() - 1);
            assertThat(GuiActionRunner.execute(() -> view.currentStepIndex())).as("after step %s", id).isEqualTo(expected);
        }

        window.button(LessonView.NEXT).requireDisabled();
        assertThat(window.textBox(LessonView.STATUS).text()).startsWith("\u2714 Seen: server registration=REGISTERED");
        assertThat(window.list(LessonView.STEPS).contents()).allSatisfy(item -> assertThat(item).startsWith("\u2714"));
        // The first step found the client already signed out and pressed nothing.
        assertThat(highlighted).containsExactly("client sign-in-with", "client sign-in", "client sign-in", "server sign-in");
        store.flush();
        LessonProgress saved = new LessonProgressStore(store.file()).get("signing-in");
        assertThat(saved.completes(three)).isTrue();
        assertThat(saved.currentStep()).isEqualTo(three.steps().size() - 1);
    }

    @Test
    void aLongStepTitleWrapsInsteadOfBeingCut() {
        window.resizeTo(new Dimension(LessonView.MINIMUM_WIDTH, 900));
        GuiActionRunner.execute(() -> {
            view.showLesson(10);
            Lesson ten = view.currentLesson();
            for (int i = 0; i < ten.steps().size(); i++) {
                if (ten.steps().get(i).title().startsWith("The INVITE carries an offer")) {
                    view.showStep(i);
                }
            }
        });
        robot().waitForIdle();

        javax.swing.text.JTextComponent title = window.textBox(LessonView.STEP_TITLE).target();
        assertThat(window.textBox(LessonView.STEP_TITLE).text()).endsWith("The INVITE carries an offer, the 200 OK the answer");
        int[] size = GuiActionRunner.execute(() -> new int[] {title.getWidth(), title.getHeight(),
                title.getFontMetrics(title.getFont()).getHeight(), title.getFontMetrics(title.getFont()).stringWidth(title.getText())});
        assertThat(size[3]).as("the title is wider than the column").isGreaterThan(size[0]);
        assertThat(size[1]).as("so it takes two lines or more").isGreaterThanOrEqualTo(2 * size[2]);
    }

    @Test
    void aFailedStepShowsTheReason() {
        window.comboBox(LessonView.PICKER).selectItem("11. Sending a message");
        window.list(LessonView.STEPS).clickItem(6); // "Send a message", with no session

        window.button(LessonView.RUN).click();

        waitUntil("step failed", () -> GuiActionRunner.execute(() -> view.statusOf("hello")) == StepStatus.FAILED);
        assertThat(window.textBox(LessonView.STATUS).text()).startsWith("\u2717 The client's log says: Send the invite");
        assertThat(window.list(LessonView.STEPS).contents()[6]).startsWith("\u2717");
    }

    @Test
    void progressIsRememberedWhenTheLessonIsOpenedAgain() throws Exception {
        store.put("signing-out", LessonProgress.NONE.withCurrentStep(2).withStatus("signed-in", StepStatus.PASSED));

        window.comboBox(LessonView.PICKER).selectItem("4. Signing out");

        window.textBox(LessonView.STEP_TITLE).requireText("Step 3 of 4 \u00B7 client: Nothing left to sign out of");
        assertThat(window.list(LessonView.STEPS).contents()[0]).startsWith("\u2714");
    }

    @Test
    void startingOverForgetsTheMarksForTheNextClass() throws Exception {
        store.put("signing-out", LessonProgress.NONE.withCurrentStep(2).withStatus("signed-in", StepStatus.PASSED));
        window.comboBox(LessonView.PICKER).selectItem("4. Signing out");

        window.button(LessonView.START_OVER).click();

        window.textBox(LessonView.STEP_TITLE).requireText("Step 1 of 4 \u00B7 client: Be signed in first");
        assertThat(window.list(LessonView.STEPS).contents()[0]).doesNotStartWith("\u2714");
        assertThat(store.get("signing-out")).isEqualTo(LessonProgress.NONE);
    }

    @Test
    void aBrokenLessonFileIsNamedWhileTheOthersLoad() throws Exception {
        Path folder = Files.createDirectories(temp.resolve("lessons"));
        try (Stream<Path> files = Files.list(Path.of("lessons"))) {
            for (Path file : files.toList()) {
                Files.copy(file, folder.resolve(file.getFileName()));
            }
        }
        Files.writeString(folder.resolve("12-draft.md"), "---\nid: draft\ntitle: Draft\npart: 12\n[step x]\naction: dance\n---\n");
        GuiActionRunner.execute(() -> view.close());
        window.cleanUp();

        open(LessonLibrary.load(folder));

        window.label(LessonView.PROBLEMS).requireVisible();
        assertThat(window.label(LessonView.PROBLEMS).text()).contains("12-draft.md:6: unknown action 'dance'");
        assertThat(window.comboBox(LessonView.PICKER).contents()).hasSize(11);
    }

}
