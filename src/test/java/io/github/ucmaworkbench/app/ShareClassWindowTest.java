package io.github.ucmaworkbench.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ucmaworkbench.settings.SettingsHolder;
import io.github.ucmaworkbench.app.SettingsStore;
import io.github.ucmaworkbench.settings.Theme;
import io.github.ucmaworkbench.settings.WorkbenchSettings;
import io.github.ucmaworkbench.lessons.LessonLibrary;
import io.github.ucmaworkbench.lessons.LessonProgressStore;
import io.github.ucmaworkbench.registrar.RegistrarConfig;
import io.github.ucmaworkbench.settings.ClassroomShare;
import io.github.ucmaworkbench.ui.GuiTest;
import io.github.ucmaworkbench.ui.join.ShareClassDialog;
import io.github.ucmaworkbench.ui.theme.ThemeSupport;
import java.awt.Dimension;
import java.net.InetAddress;
import java.nio.file.Path;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.finder.JOptionPaneFinder;
import org.assertj.swing.finder.WindowFinder;
import org.assertj.swing.fixture.DialogFixture;
import org.assertj.swing.fixture.FrameFixture;
import org.assertj.swing.fixture.JOptionPaneFixture;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The teacher's File → Share classroom settings…, from a real window and its real registrar. */
class ShareClassWindowTest extends GuiTest {
    @TempDir
    Path configDir;

    private Workbench workbench;
    private FrameFixture window;

    @Override
    protected void onSetUp() {
    }

    private void open(InetAddress bind) {
        SettingsHolder settings = new SettingsHolder(new SettingsStore(configDir), WorkbenchSettings.defaults());
        workbench = Workbench.start(settings.get(), RegistrarConfig.builder().bindAddress(bind).port(0)
                .domain("class.example.org").build());
        LessonProgressStore progress = new LessonProgressStore(configDir.resolve(LessonProgressStore.FILE_NAME));
        window = new FrameFixture(robot(), GuiActionRunner.execute(() -> {
            ThemeSupport.install(Theme.LIGHT, false);
            return Main.show(workbench, settings, LessonLibrary.loadOrReport(), progress, null, () -> { });
        }));
        window.show(new Dimension(1280, 860));
    }

    @Override
    protected void onTearDown() {
        if (workbench != null) {
            workbench.close();
        }
    }

    @Test
    void aRegistrarOnTheLanIsSharedAsALineThatJoinsIt() throws Exception {
        InetAddress lan;
        try {
            lan = ClassroomShares.lanAddress();
        } catch (ClassroomShare.Problem e) {
            Assumptions.abort("no LAN address here: " + e.getMessage());
            return;
        }
        open(InetAddress.getByName("0.0.0.0"));
        chooseMenuItem(window, ShareClassDialog.MENU_ITEM);
        DialogFixture share = WindowFinder.findDialog(ShareClassDialog.NAME).withTimeout(5000).using(robot());
        ClassroomShare read = ClassroomShareCodec.parse(share.textBox(ShareClassDialog.LINE).text());
        assertThat(read.registrarHost()).isEqualTo(lan.getHostAddress());
        assertThat(read.registrarPort()).isEqualTo(workbench.registrarAddress().getPort());
        assertThat(read.domain()).isEqualTo("class.example.org");
        share.close();
    }

    @Test
    void aRegistrarOnLoopbackSaysHowToOpenTheClass() {
        open(InetAddress.getLoopbackAddress());
        chooseMenuItem(window, ShareClassDialog.MENU_ITEM);
        JOptionPaneFixture warning = JOptionPaneFinder.findOptionPane().withTimeout(5000).using(robot());
        assertThat(String.valueOf(GuiActionRunner.execute(() -> warning.target().getMessage())))
                .contains("--registrar-bind");
        javax.swing.JButton ok = warning.okButton().target();
        GuiActionRunner.execute(() -> ok.doClick());
    }
}
