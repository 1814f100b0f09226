package io.github.ucmaworkbench.ui.ladder;

import io.github.ucmaworkbench.rtc.SipTransportType;
import io.github.ucmaworkbench.trace.LessonSixFlow;
import io.github.ucmaworkbench.trace.SipTrace;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import javax.swing.JFrame;
import javax.swing.SwingUtilities;

/**
 * Shows the ladder while a real lesson-6 flow runs, for a look by eye. With an argument (a
 * directory) it also saves a screenshot of the panel and the PNG/SVG exports there, then exits.
 */
public final class LadderDemo {
    private LadderDemo() {
    }

    public static void main(String[] args) throws Exception {
        WireTracePanel[] panel = new WireTracePanel[1];
        JFrame[] frame = new JFrame[1];
        SwingUtilities.invokeAndWait(() -> {
            panel[0] = new WireTracePanel(SipTrace.global());
            frame[0] = new JFrame("UCMA Workbench — SIP ladder demo");
            frame[0].setDefaultCloseOperation(JFrame.DISPOSE_ON_CLOSE);
            frame[0].setContentPane(panel[0]);
            frame[0].setSize(1250, 650);
            frame[0].setLocationRelativeTo(null);
            frame[0].setVisible(true);
        });
        LessonSixFlow.run(SipTrace.global(), SipTransportType.TCP);
        if (args.length == 0) {
            return;
        }
        Path out = Path.of(args[0]);
        Thread.sleep(500); // let the batch timer apply the tail; a demo, not a test
        SwingUtilities.invokeAndWait(() -> {
            LadderView ladder = panel[0].ladder();
            ladder.model().arrows().stream().filter(a -> a.isRequest() && a.method().equals("INVITE")).findFirst()
                    .ifPresent(a -> ladder.selectArrow(a.index()));
            ladder.highlights().callIds(java.util.List.of(ladder.getSelectedArrow().callId()));
        });
        SwingUtilities.invokeAndWait(() -> {
            try {
                BufferedImage shot = new BufferedImage(frame[0].getWidth(), frame[0].getHeight(), BufferedImage.TYPE_INT_RGB);
                Graphics2D g = shot.createGraphics();
                frame[0].getContentPane().paint(g);
                g.dispose();
                ImageIO.write(shot, "png", out.resolve("ladder-screen.png").toFile());
                panel[0].ladder().exports().png(out.resolve("ladder-export.png"));
                panel[0].ladder().exports().svg(out.resolve("ladder-export.svg"));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(1000);
        SwingUtilities.invokeAndWait(() -> {
            panel[0].close();
            frame[0].dispose();
        });
        System.exit(0);
    }
}
