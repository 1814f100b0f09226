package io.github.ucmaworkbench.ui.exercise;

import io.github.ucmaworkbench.ui.theme.KeyboardSupport;
import io.github.ucmaworkbench.lessons.exercise.ApiConsole;
import io.github.ucmaworkbench.tutorial.ClientManager;
import io.github.ucmaworkbench.tutorial.ServerManager;
import java.awt.Font;
import java.time.Duration;
import java.util.function.Supplier;
import javax.swing.JButton;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTextArea;
import javax.swing.JTextField;
import javax.swing.SwingUtilities;
import net.miginfocom.swing.MigLayout;

/**
 * A JShell console bound to the window's endpoints ({@code client}, {@code server}), for trying
 * the API by hand. Snippets run on the console's own thread; what they return or print is
 * appended here with invokeLater. On a JRE without JShell it says so instead.
 */
public final class ConsolePanel extends JPanel implements AutoCloseable {
    public static final String INPUT = "console.input";
    public static final String OUTPUT = "console.output";
    public static final String STOP = "console.stop";

    private final JTextArea output = new JTextArea();
    private final JTextField input = new JTextField();
    private final JButton stop = new JButton("Stop");
    private final ApiConsole console;

    public ConsolePanel(Supplier<ClientManager> client, Supplier<ServerManager> server) {
        super(new MigLayout("insets 6, fill", "[0::,grow,fill][]", "[grow,fill][]"));
        output.setName(OUTPUT);
        output.setEditable(false);
        output.setLineWrap(true);
        output.setFont(new Font(Font.MONOSPACED, Font.PLAIN, output.getFont().getSize()));
        input.setName(INPUT);
        stop.setName(STOP);
        KeyboardSupport.label(output, "Console output", "What the API console printed");
        KeyboardSupport.label(input, "Console input", "A Java statement for the API console; Enter runs it");
        KeyboardSupport.label(stop, "Stop", "Stop the statement that is running");
        add(new JScrollPane(output), "span 2, wrap, wmin 0");
        add(input, "wmin 0");
        add(stop);
        if (!ApiConsole.available()) {
            console = null;
            output.setText("The console needs a JDK (JShell); this Java has none.\n");
            input.setEnabled(false);
            stop.setEnabled(false);
            return;
        }
        console = new ApiConsole(client, server, (text, error) -> SwingUtilities.invokeLater(() -> append(text)),
                Duration.ofSeconds(10));
        output.setText("Try the API on the live endpoints: client and server are the tutorial managers,\n"
                + "e.g. client.getRegistrationState()  or  server.getEndpoint().getUri()\n");
        input.addActionListener(e -> evalPerformed());
        stop.addActionListener(e -> console.stop());
    }

    private void evalPerformed() {
        String source = input.getText();
        if (source.isBlank()) {
            return;
        }
        input.setText("");
        append("> " + source + "\n");
        input.setEnabled(false);
        console.eval(source).whenComplete((ok, failure) -> SwingUtilities.invokeLater(() -> {
            input.setEnabled(true);
            input.requestFocusInWindow();
        }));
    }

    private void append(String text) {
        output.append(text);
        output.setCaretPosition(output.getDocument().getLength());
    }

    @Override
    public void close() {
        if (console != null) {
            console.close();
        }
    }
}
