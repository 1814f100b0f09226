package io.github.ucmaworkbench.bench;

import com.formdev.flatlaf.FlatLightLaf;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JRootPane;
import javax.swing.SwingUtilities;
import net.miginfocom.swing.MigLayout;

/**
 * Benchmark 1's reference: a bare FlatLaf + MigLayout window of the workbench's size, set up the
 * way the app starts (look and feel, build and show on the event thread); prints "window shown"
 * once it is open and painted (the workbench's mark also paints before it prints). Runs until
 * killed.
 */
public final class BareWindow {
    private BareWindow() {
    }

    public static void main(String[] args) {
        SwingUtilities.invokeLater(() -> {
            FlatLightLaf.setup();
            JFrame frame = new JFrame("bare");
            frame.setDefaultCloseOperation(JFrame.EXIT_ON_CLOSE);
            JPanel content = new JPanel(new MigLayout("fill", "[grow,fill]", "[grow,fill]"));
            content.add(new JLabel("bare"));
            frame.setContentPane(content);
            frame.setSize(1280, 840); // WorkbenchFrame's preferred size
            frame.addWindowListener(new WindowAdapter() {
                @Override
                public void windowOpened(WindowEvent e) {
                    JRootPane root = frame.getRootPane();
                    root.paintImmediately(0, 0, root.getWidth(), root.getHeight());
                    System.out.println("window shown");
                    System.out.flush();
                }
            });
            frame.setLocationRelativeTo(null);
            frame.setVisible(true);
        });
    }
}
