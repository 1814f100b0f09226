package io.github.ucmaworkbench.bench;

import com.formdev.flatlaf.FlatLightLaf;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import javax.swing.JFrame;
import javax.swing.SwingUtilities;

/**
 * Benchmark 1's reference: a bare FlatLaf window of the workbench's size, set up the way the
 * app starts (look and feel, build and show on the event thread); prints "window shown" once
 * it is open. Runs until killed.
 */
public final class BareWindow {
    private BareWindow() {
    }

    public static void main(String[] args) {
        SwingUtilities.invokeLater(() -> {
            FlatLightLaf.setup();
            JFrame frame = new JFrame("bare");
            frame.setDefaultCloseOperation(JFrame.EXIT_ON_CLOSE);
            frame.setSize(1280, 840); // WorkbenchFrame's preferred size
            frame.addWindowListener(new WindowAdapter() {
                @Override
                public void windowOpened(WindowEvent e) {
                    System.out.println("window shown");
                    System.out.flush();
                }
            });
            frame.setLocationRelativeTo(null);
            frame.setVisible(true);
        });
    }
}
