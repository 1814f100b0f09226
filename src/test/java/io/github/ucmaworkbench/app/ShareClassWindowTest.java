package io.github.ucmaworkbench.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ucmaworkbench.registrar.RegistrarConfig;
import io.github.ucmaworkbench.settings.ClassroomShare;
import io.github.ucmaworkbench.ui.join.ShareClassDialog;
import java.awt.Dimension;
import java.net.InetAddress;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.finder.JOptionPaneFinder;
import org.assertj.swing.finder.WindowFinder;
import org.assertj.swing.fixture.DialogFixture;
import org.assertj.swing.fixture.JOptionPaneFixture;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The teacher's File → Share classroom settings…, from a real window and its real registrar. */
class ShareClassWindowTest extends WindowTest {
    private void open(InetAddress bind) {
        open(aWindow().registrar(RegistrarConfig.builder().bindAddress(bind).port(0).domain("class.example.org").build())
                .asMainShowsIt().shownAt(new Dimension(1280, 860), null));
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
        assertThat(read.registrarPort()).isEqualTo(app.workbench().registrarAddress().getPort());
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
