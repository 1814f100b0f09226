package io.github.ucmaworkbench.ui.exercise;

import io.github.ucmaworkbench.rtc.SipTransportType;
import io.github.ucmaworkbench.tutorial.ClientManager;
import io.github.ucmaworkbench.tutorial.ClientSettings;
import io.github.ucmaworkbench.tutorial.EndpointSettings;
import io.github.ucmaworkbench.ui.GuiTest;
import java.awt.Dimension;
import javax.swing.JFrame;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.fixture.FrameFixture;
import org.junit.jupiter.api.Test;

/** The console tab: a snippet typed in the window runs off the event thread and its value comes back. */
class ConsolePanelTest extends GuiTest {
    private ClientManager client;
    private ConsolePanel panel;
    private FrameFixture window;

    @Override
    protected void onSetUp() {
        client = new ClientManager(new ClientSettings(new EndpointSettings("sip:bob@example.com", "127.0.0.1", 5060,
                SipTransportType.TCP, null, null), "sip:server@example.com"));
        JFrame frame = GuiActionRunner.execute(() -> {
            panel = new ConsolePanel(() -> client, () -> null);
            JFrame f = new JFrame("console test");
            f.setContentPane(panel);
            return f;
        });
        window = new FrameFixture(robot(), frame);
        window.show(new Dimension(700, 400));
    }

    @Override
    protected void onTearDown() {
        GuiActionRunner.execute(() -> {
            panel.close();
            return null;
        });
        client.close();
    }

    @Test
    void aSnippetOnTheLiveClientShowsItsValue() {
        window.textBox(ConsolePanel.INPUT).enterText("client.getSettings().uri()\n");
        waitUntil("the value is shown", () -> window.textBox(ConsolePanel.OUTPUT).text().contains("⇒ \"sip:bob@example.com\""), 60_000);
    }
}
