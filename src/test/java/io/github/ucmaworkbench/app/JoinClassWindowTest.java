package io.github.ucmaworkbench.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ucmaworkbench.settings.WorkbenchSettings;
import io.github.ucmaworkbench.registrar.RegistrarConfig;
import io.github.ucmaworkbench.registrar.LocationService;
import io.github.ucmaworkbench.registrar.RegistrarService;
import io.github.ucmaworkbench.rtc.SipTransportType;
import io.github.ucmaworkbench.settings.ClassroomShare;
import io.github.ucmaworkbench.ui.ClientPanel;
import io.github.ucmaworkbench.ui.help.AboutDialog;
import io.github.ucmaworkbench.ui.help.DocumentDialog;
import io.github.ucmaworkbench.ui.help.HelpDocs;
import io.github.ucmaworkbench.ui.help.HelpMenu;
import io.github.ucmaworkbench.ui.join.JoinClassDialog;
import java.awt.Dimension;
import java.awt.Point;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.Window;
import java.awt.image.BufferedImage;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import javax.imageio.ImageIO;
import javax.swing.JEditorPane;
import org.assertj.swing.core.GenericTypeMatcher;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.finder.JFileChooserFinder;
import org.assertj.swing.finder.JOptionPaneFinder;
import org.assertj.swing.finder.WindowFinder;
import org.assertj.swing.fixture.DialogFixture;
import org.assertj.swing.fixture.JOptionPaneFixture;
import org.assertj.swing.timing.Pause;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A student's real window joins a teacher's real registrar (on loopback) from the file the teacher
 * shared: File → Join class…, open the file, read what changes, Join, signed in. Wrong input leaves
 * the settings as they were. Also Help → About and the Help pages. With -Ducma.screenshots=true it
 * writes screenshots/about.png and screenshots/join-class.png.
 */
class JoinClassWindowTest extends WindowTest {
    static final String DOMAIN = "class.example.org";
    static final Path OUT = Paths.get(System.getProperty("ucma.screenshots.dir", "screenshots"));

    @TempDir
    Path shared;

    private RegistrarService teacher;

    @Override
    protected void onSetUp() throws Exception {
        teacher = new RegistrarService(RegistrarConfig.builder().bindAddress(InetAddress.getLoopbackAddress())
                .port(0).domain(DOMAIN).build());
        teacher.start();
        WindowFixture.Builder builder = aWindow().asMainShowsIt().shownAt(new Dimension(1280, 860), new Point(0, 0));
        open(ScreenshotsTest.wanted() ? builder.decorated() : builder);
    }

    @Override
    protected void closeOthers() {
        teacher.close();
    }

    @Test
    void aStudentJoinsTheClassFromTheSharedFileAndSignsInToTheTeachersRegistrar() throws Exception {
        int port = teacher.getLocalAddress().getPort();
        Path file = shared.resolve("classroom" + ClassroomShareCodec.FILE_EXTENSION);
        ClassroomShareCodec.write(ClassroomShare.of("127.0.0.1", port, DOMAIN, SipTransportType.TCP, ""), file);

        chooseMenuItem(window, JoinClassDialog.MENU_ITEM);
        DialogFixture join = WindowFinder.findDialog(JoinClassDialog.NAME).withTimeout(5000).using(robot());
        // Pressed, not clicked: a click on the dialog just shown was lost under a busy Xvfb (seen as
        // no file chooser), and a file chooser's first start may take seconds on a loaded machine.
        press(join, JoinClassDialog.OPEN_FILE);
        // Through the chooser's own API: its directory listing loads on a background thread, and a
        // click on a row that is still loading is lost on a busy machine.
        javax.swing.JFileChooser chooser = JFileChooserFinder.findFileChooser().withTimeout(WAIT_MILLIS).using(robot()).target();
        GuiActionRunner.execute(() -> {
            chooser.setSelectedFile(file.toFile());
            chooser.approveSelection();
        });

        JOptionPaneFixture confirm = JOptionPaneFinder.findOptionPane().withTimeout(5000).using(robot());
        String question = GuiActionRunner.execute(() -> ((javax.swing.JLabel) confirm.target().getMessage()).getText());
        assertThat(question).contains("127.0.0.1:" + port, "sip:client@example.com", "\u2192",
                "sip:client@" + DOMAIN, "this window's registrar");
        assertThat(app.settings().get()).as("nothing changes before Join").isEqualTo(WorkbenchSettings.defaults());
        if (ScreenshotsTest.wanted()) {
            capture(GuiActionRunner.execute(() -> javax.swing.SwingUtilities.getWindowAncestor(confirm.target())),
                    "join-class.png");
        }
        // The button's own click: a robot click can land while the modal pane is still being placed.
        javax.swing.JButton joinButton = confirm.buttonWithText("Join").target();
        GuiActionRunner.execute(() -> joinButton.doClick());

        String aor = LocationService.aorOf("client", DOMAIN);
        try {
            waitUntil("the client is bound at the teacher's registrar",
                    () -> !teacher.getLocationService().getBindings(aor).isEmpty(), 30_000);
        } catch (org.assertj.swing.exception.WaitTimedOutError e) {
            throw new AssertionError(e.getMessage() + "; teacher knows " + teacher.getLocationService().getRegisteredUsers()
                    + "; client settings " + app.settings().get().client() + "; client log " + java.util.Arrays.toString(
                            window.list(ClientPanel.LOG_NAME + io.github.ucmaworkbench.ui.log.ProgressLogPanel.LIST)
                                    .contents()), e);
        }
        waitFor(window, ClientPanel.LOG_NAME, "Signed in successfully");
        assertThat(app.settings().get().client().endpoint().server()).isEqualTo("127.0.0.1:" + port);
        assertThat(app.settings().get().client().endpoint().useEmbeddedRegistrar()).isFalse();
        assertThat(Files.readString(configDir.resolve(SettingsStore.FILE_NAME))).contains("127.0.0.1:" + port, DOMAIN);
    }

    @Test
    void wrongOrStaleInputSaysWhyAndChangesNothing() throws Exception {
        chooseMenuItem(window, JoinClassDialog.MENU_ITEM);
        DialogFixture join = WindowFinder.findDialog(JoinClassDialog.NAME).withTimeout(5000).using(robot());
        // Set, not typed: the robot's key strokes for '#' depend on the X keymap.
        GuiActionRunner.execute(() -> join.textBox(JoinClassDialog.TEXT).target().setText("ucma-class:###"));
        press(join, JoinClassDialog.JOIN);
        waitUntil("damaged line reported", () -> join.label(JoinClassDialog.PROBLEM).text().contains("damaged"));

        String newer = "{\"version\":2,\"registrarHost\":\"10.0.0.5\",\"registrarPort\":5060,\"domain\":\"a.org\","
                + "\"transport\":\"TCP\"}";
        GuiActionRunner.execute(() -> join.textBox(JoinClassDialog.TEXT).target().setText(newer));
        press(join, JoinClassDialog.JOIN);
        waitUntil("newer format reported", () -> join.label(JoinClassDialog.PROBLEM).text().contains("newer workbench"));
        pressUntilClosed(join, JoinClassDialog.CANCEL);

        assertThat(app.settings().get()).isEqualTo(WorkbenchSettings.defaults());
        assertThat(configDir.resolve(SettingsStore.FILE_NAME)).doesNotExist();
    }

    @Test
    void helpShowsAboutTheSoftphoneRecipeAndWhereTheFilesAre() throws Exception {
        chooseMenuItem(window, HelpMenu.ABOUT_ITEM);
        DialogFixture about = WindowFinder.findDialog(AboutDialog.NAME).withTimeout(5000).using(robot());
        about.label(AboutDialog.VERSION).requireText(java.util.regex.Pattern.compile("UCMA Workbench .+"));
        java.util.List<String[]> rows = java.util.Arrays.asList(about.table(AboutDialog.LIBRARIES).contents());
        assertThat(rows).anySatisfy(row -> assertThat(row[0]).startsWith("FlatLaf"))
                .anySatisfy(row -> assertThat(row[1]).isEqualTo("Apache-2.0"));
        if (ScreenshotsTest.wanted()) {
            capture(about.target(), "about.png");
        }
        clickUntilClosed(about, AboutDialog.CLOSE);

        chooseMenuItem(window, HelpMenu.SOFTPHONE_ITEM);
        String recipe = documentText();
        boolean inReadme = HelpDocs.read(HelpDocs.README).flatMap(r -> HelpDocs.section(r, HelpDocs.SOFTPHONE_HEADING))
                .isPresent();
        assertThat(recipe).contains(inReadme ? HelpDocs.SOFTPHONE_HEADING : "Not found");

        chooseMenuItem(window, HelpMenu.FILES_ITEM);
        assertThat(documentText()).contains(configDir.toAbsolutePath().toString(), "settings.json",
                "tls-certificate.p12", "homework");
    }

    /** The newest Help document window's text (closed afterwards). */
    private String documentText() {
        DialogFixture doc = WindowFinder.findDialog(new GenericTypeMatcher<javax.swing.JDialog>(javax.swing.JDialog.class) {
            @Override
            protected boolean isMatching(javax.swing.JDialog d) {
                return DocumentDialog.NAME.equals(d.getName()) && d.isShowing();
            }
        }).withTimeout(5000).using(robot());
        String text = GuiActionRunner.execute(() -> {
            JEditorPane pane = (JEditorPane) robot().finder().findByName(doc.target(), DocumentDialog.TEXT);
            return pane.getDocument().getLength() > 0 ? pane.getText() : "";
        });
        GuiActionRunner.execute(() -> doc.target().dispose());
        return text;
    }

    private void capture(Window target, String name) throws Exception {
        Files.createDirectories(OUT);
        robot().waitForIdle();
        Pause.pause(400);
        robot().waitForIdle();
        Rectangle bounds = GuiActionRunner.execute(() -> target.getBounds());
        BufferedImage image = new Robot().createScreenCapture(bounds);
        Path temp = Files.createTempFile(OUT, "shot-", ".png");
        ImageIO.write(image, "png", temp.toFile());
        Files.move(temp, OUT.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }
}
