package io.github.ucmaworkbench.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ucmaworkbench.app.SettingsStore;
import io.github.ucmaworkbench.rtc.SipTransportType;
import io.github.ucmaworkbench.settings.SettingsHolder;
import io.github.ucmaworkbench.settings.Theme;
import io.github.ucmaworkbench.settings.WorkbenchSettings;
import io.github.ucmaworkbench.ui.settings.SideSettingsDialog;
import io.github.ucmaworkbench.ui.theme.ThemeSupport;
import java.awt.Dimension;
import java.nio.file.Path;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.finder.WindowFinder;
import org.assertj.swing.fixture.DialogFixture;
import org.assertj.swing.fixture.FrameFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The settings dialog offers TLS and then says which certificate it uses. */
class TlsSettingsTest extends GuiTest {
    @TempDir
    Path configDir;

    private SettingsHolder settings;
    private FrameFixture window;

    @Override
    protected void onSetUp() {
        settings = new SettingsHolder(new SettingsStore(configDir), WorkbenchSettings.defaults());
        WorkbenchFrame frame = GuiActionRunner.execute(() -> {
            ThemeSupport.install(Theme.LIGHT, false);
            return new WorkbenchFrame(new FakeWorkbench() {
                @Override
                public String tlsCertificate() {
                    return "/home/teacher/.config/ucma-workbench/tls-certificate.p12 (SHA-256 AB:CD…)";
                }
            }, settings, () -> { });
        });
        window = new FrameFixture(robot(), frame);
        window.show(new Dimension(1280, 900));
    }

    @Test
    void choosingTlsShowsTheCertificateLocationAndIsSaved() {
        window.button(ServerPanel.SETTINGS_NAME).click();
        DialogFixture dialog = WindowFinder.findDialog(SideSettingsDialog.SERVER_DIALOG).withTimeout(5000).using(robot());
        javax.swing.JLabel certificate = robot().finder().findByName(dialog.target(), SideSettingsDialog.TLS_CERTIFICATE,
                javax.swing.JLabel.class, false);
        assertThat(GuiActionRunner.execute(certificate::isShowing)).isFalse();

        dialog.comboBox(SideSettingsDialog.TRANSPORT).selectItem("TLS");

        assertThat(dialog.label(SideSettingsDialog.TLS_CERTIFICATE).requireVisible().text())
                .contains("/home/teacher/.config/ucma-workbench/tls-certificate.p12");
        clickUntilClosed(dialog, SideSettingsDialog.OK);
        assertThat(settings.get().server().endpoint().transport()).isEqualTo(SipTransportType.TLS);
    }
}
