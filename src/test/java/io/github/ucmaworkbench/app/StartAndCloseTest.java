package io.github.ucmaworkbench.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.formdev.flatlaf.FlatLaf;
import io.github.ucmaworkbench.app.SettingsStore;
import io.github.ucmaworkbench.registrar.RegistrarConfig;
import io.github.ucmaworkbench.settings.SettingsHolder;
import io.github.ucmaworkbench.settings.Theme;
import io.github.ucmaworkbench.settings.WorkbenchSettings;
import io.github.ucmaworkbench.ui.ClientPanel;
import io.github.ucmaworkbench.ui.GuiTest;
import io.github.ucmaworkbench.ui.ServerPanel;
import io.github.ucmaworkbench.ui.WorkbenchFrame;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.fixture.FrameFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Start-up as Main does it (saved settings, theme, problems in the log) and closing with calls open. */
class StartAndCloseTest extends GuiTest {
    @TempDir
    Path configDir;

    private Workbench workbench;
    private FrameFixture window;
    private final CountDownLatch closed = new CountDownLatch(1);

    @Override
    protected void onSetUp() {
    }

    @Override
    protected void onTearDown() {
        if (workbench != null) {
            workbench.close();
        }
    }

    private void start() throws Exception {
        start(0);
    }

    private void start(int registrarPort) throws Exception {
        SettingsStore store = new SettingsStore(configDir);
        SettingsStore.Loaded loaded = store.load();
        SettingsHolder settings = new SettingsHolder(store, loaded.settings());
        workbench = Workbench.start(loaded.settings(), RegistrarConfig.builder()
                .bindAddress(InetAddress.getLoopbackAddress()).port(registrarPort).build());
        WorkbenchFrame frame = GuiActionRunner.execute(() -> Main.show(workbench, settings, loaded.problem(), closed::countDown));
        window = new FrameFixture(robot(), frame);
        window.resizeTo(new java.awt.Dimension(1280, 900));
    }

    @Test
    void corruptSettingsFileStartsWithDefaultsAndSaysSoInTheLog() throws Exception {
        Files.writeString(configDir.resolve(SettingsStore.FILE_NAME), "{ not json");
        start();
        waitFor(window, ClientPanel.LOG_NAME, "was not used because it is not valid settings JSON");
        window.label(ClientPanel.URI_NAME).requireText("sip:client@example.com");
    }

    @Test
    void savedThemeAndPolicyAreRestoredAtStart() throws Exception {
        new SettingsStore(configDir).save(WorkbenchSettings.defaults().withTheme(Theme.DARK)
                .withServer(WorkbenchSettings.defaults().server().withAcceptPolicy(
                        new io.github.ucmaworkbench.settings.AcceptPolicySettings(
                                io.github.ucmaworkbench.settings.AcceptPolicySettings.Kind.REJECT, 603, "Decline",
                                "X-Lesson", 20))));
        start();
        assertThat(GuiActionRunner.execute(FlatLaf::isLafDark)).isTrue();
        window.comboBox(ServerPanel.POLICY + io.github.ucmaworkbench.ui.policy.AcceptPolicyPanel.REJECTION)
                .requireSelection("603 Decline");
        waitFor(window, ServerPanel.LOG_NAME, "Invites will be answered by the policy: reject with 603 Decline.");
        GuiActionRunner.execute(() -> io.github.ucmaworkbench.ui.theme.ThemeSupport.apply(Theme.LIGHT, false));
    }

    @Test
    void aTakenRegistrarPortIsReplacedAndBothLogsSaySo() throws Exception {
        int taken = io.github.ucmaworkbench.testing.FreePorts.pick();
        try (java.net.ServerSocket tcp = new java.net.ServerSocket(taken, 1, InetAddress.getLoopbackAddress());
                java.net.DatagramSocket udp = new java.net.DatagramSocket(taken, InetAddress.getLoopbackAddress())) {
            start(taken);
            int bound = workbench.registrarAddress().getPort();
            assertThat(bound).isNotEqualTo(taken);
            String notice = "Port " + taken + " was taken, so the embedded registrar listens on 127.0.0.1:" + bound;
            waitFor(window, ClientPanel.LOG_NAME, notice);
            waitFor(window, ServerPanel.LOG_NAME, notice);
        }
    }

    @Test
    void closingWhileAnInviteWaitsForAnAnswerExitsCleanly() throws Exception {
        start();
        window.comboBox(ServerPanel.POLICY + io.github.ucmaworkbench.ui.policy.AcceptPolicyPanel.KIND)
                .selectItem("Don't answer");
        signInBothListenAndInvite();
        waitFor(window, ServerPanel.LOG_NAME, "Invite arrived");

        closeAndAwaitExitWithinTheGrace();
    }

    @Test
    void closingWithACallOpenSignsOutAndStopsTheRegistrarWithinSeconds() throws Exception {
        start();
        signInBothListenAndInvite();
        waitFor(window, ClientPanel.LOG_NAME, "Session established");
        InetSocketAddress registrar = workbench.registrarAddress();

        closeAndAwaitExitWithinTheGrace();
        waitUntil("registrar port released", () -> {
            try (Socket s = new Socket(registrar.getAddress(), registrar.getPort())) {
                return false;
            } catch (java.io.IOException e) {
                return true;
            }
        });
    }

    private void signInBothListenAndInvite() {
        window.button(ClientPanel.SIGN_IN).click();
        window.button(ServerPanel.SIGN_IN).click();
        waitUntil("server may listen", () -> window.button(ServerPanel.LISTEN).target().isEnabled());
        window.button(ServerPanel.LISTEN).click();
        waitUntil("client may invite", () -> window.button(ClientPanel.SEND_INVITE).target().isEnabled());
        window.button(ClientPanel.SEND_INVITE).click();
    }

    private void closeAndAwaitExitWithinTheGrace() throws InterruptedException {
        long start = System.nanoTime();
        window.close();
        assertThat(closed.await(WorkbenchFrame.CLOSE_GRACE_MILLIS + 1_000, TimeUnit.MILLISECONDS)).isTrue();
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(millis).as("closing took %d ms", millis).isLessThan(WorkbenchFrame.CLOSE_GRACE_MILLIS + 500);
        assertThat(GuiActionRunner.execute(() -> window.target().isDisplayable())).isFalse();
    }


}
