package io.github.ucmaworkbench.ui.ladder;

import io.github.ucmaworkbench.trace.SipTraceEvent;
import io.github.ucmaworkbench.trace.export.PcapExporter;
import io.github.ucmaworkbench.trace.export.TextExporter;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import javax.swing.JComponent;
import javax.swing.JFileChooser;
import javax.swing.JLabel;
import javax.swing.JMenuItem;
import javax.swing.JOptionPane;
import javax.swing.JPopupMenu;
import javax.swing.SwingWorker;

/**
 * The ladder's Export menu and the file writes behind it (the trace as text or pcap, the shown
 * arrows as a picture): the write runs on a worker (a pcap of a
 * long trace takes a moment), the outcome lands in the status line or, on failure, in a dialog.
 * Call on the event thread; each write completes on the event thread.
 */
public final class LadderExports {
    /** A file write that may fail. */
    interface FileWrite {
        void run() throws Exception;
    }

    private final LadderView view;
    private final JLabel status;

    LadderExports(LadderView view, JLabel status) {
        this.view = view;
        this.status = status;
    }

    JPopupMenu menu() {
        JPopupMenu menu = new JPopupMenu();
        menu.add(item(LadderView.EXPORT_TEXT, "Trace as text\u2026", "ucma-trace.txt", this::text));
        menu.add(item(LadderView.EXPORT_PCAP, "Capture for Wireshark (pcap)\u2026", "ucma-trace.pcap", this::pcap));
        menu.add(item(LadderView.EXPORT_PNG, "Ladder as PNG picture\u2026", "ucma-ladder.png", this::png));
        menu.add(item(LadderView.EXPORT_SVG, "Ladder as SVG picture\u2026", "ucma-ladder.svg", this::svg));
        return menu;
    }

    private JMenuItem item(String name, String text, String defaultFile, Function<Path, CompletableFuture<Path>> action) {
        JMenuItem item = new JMenuItem(text);
        item.setName(name);
        item.addActionListener(e -> {
            JFileChooser chooser = new JFileChooser();
            chooser.setSelectedFile(new File(defaultFile));
            if (chooser.showSaveDialog(view) == JFileChooser.APPROVE_OPTION) {
                action.apply(chooser.getSelectedFile().toPath());
            }
        });
        return item;
    }

    /** The whole trace as text, as the raw view shows it. */
    public CompletableFuture<Path> text(Path file) {
        List<SipTraceEvent> events = List.copyOf(view.model().events());
        return write(file, () -> TextExporter.write(events, file));
    }

    /** The whole trace as a pcap capture for Wireshark. */
    public CompletableFuture<Path> pcap(Path file) {
        List<SipTraceEvent> events = List.copyOf(view.model().events());
        return write(file, () -> PcapExporter.write(events, file));
    }

    /** The shown arrows (filter applied) as a PNG picture for slides, from the topmost row in view. */
    public CompletableFuture<Path> png(Path file) {
        int top = Math.max(0, LadderGeometry.rowAt(view.canvas().getVisibleRect().y));
        var image = LadderPictureExporter.png(view.model(), view.shownArrows(), top, view.getFont());
        return write(file, () -> LadderPictureExporter.writePng(image, file));
    }

    /** The shown arrows (filter applied) as an SVG picture. */
    public CompletableFuture<Path> svg(Path file) {
        String svg = LadderPictureExporter.svg(view.model(), view.shownArrows());
        return write(file, () -> Files.writeString(file, svg));
    }

    /** Runs {@code work} off the event thread; completes on the event thread. */
    CompletableFuture<Path> write(Path file, FileWrite work) {
        CompletableFuture<Path> done = new CompletableFuture<>();
        new SwingWorker<Void, Void>() {
            @Override
            protected Void doInBackground() throws Exception {
                work.run();
                return null;
            }

            @Override
            protected void done() {
                try {
                    get();
                    status.setText("Saved " + file.getFileName());
                    done.complete(file);
                } catch (Exception e) {
                    Throwable cause = e.getCause() != null ? e.getCause() : e;
                    JComponent owner = view;
                    if (owner.isShowing()) {
                        JOptionPane.showMessageDialog(owner, "Could not write " + file + ": " + cause.getMessage(),
                                "Export", JOptionPane.ERROR_MESSAGE);
                    }
                    done.completeExceptionally(cause);
                }
            }
        }.execute();
        return done;
    }
}
