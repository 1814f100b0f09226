package io.github.ucmaworkbench.ui.ladder;

import io.github.ucmaworkbench.trace.SipTrace;
import java.awt.BorderLayout;
import javax.swing.JPanel;
import javax.swing.JSplitPane;

/**
 * The ladder with its inspector on the right, ready for the window's bottom half:
 * {@code new WireTracePanel(SipTrace.global())}. Close it with the window.
 */
public class WireTracePanel extends JPanel implements AutoCloseable {
    public static final String SPLIT = "wire.split";

    private final LadderView ladder;
    private final MessageInspector inspector;

    public WireTracePanel(SipTrace trace) {
        super(new BorderLayout());
        ladder = new LadderView(trace);
        inspector = new MessageInspector(ladder);
        JSplitPane split = new JSplitPane(JSplitPane.HORIZONTAL_SPLIT, ladder, inspector);
        split.setName(SPLIT);
        split.setResizeWeight(0.65);
        split.setContinuousLayout(true);
        add(split, BorderLayout.CENTER);
    }

    public LadderView ladder() {
        return ladder;
    }

    public MessageInspector inspector() {
        return inspector;
    }

    @Override
    public void close() {
        ladder.close();
    }
}
