package io.github.ucmaworkbench.ui.policy;

import io.github.ucmaworkbench.rtc.SignalingHeader;
import io.github.ucmaworkbench.tutorial.IncomingCall;
import io.github.ucmaworkbench.ui.theme.KeyboardSupport;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.Window;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import javax.swing.JButton;
import javax.swing.JDialog;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTable;
import javax.swing.SwingUtilities;
import javax.swing.Timer;
import javax.swing.table.DefaultTableModel;
import net.miginfocom.swing.MigLayout;

/**
 * "Ask me": an incoming call waits for the teacher. Shows who calls and the INVITE's headers,
 * with Accept and Decline and a countdown; when the countdown ends (or the window is closed) the
 * call is declined. The answer goes out at most once; when the caller gives up first (CANCEL) the
 * dialog closes by itself and answers nothing (the server's log says why).
 */
public final class AskCallDialog extends JDialog {
    public static final String DIALOG = "ask.dialog";
    public static final String CALLER = "ask.caller";
    public static final String HEADERS = "ask.headers";
    public static final String COUNTDOWN = "ask.countdown";
    public static final String ACCEPT = "ask.accept";
    public static final String DECLINE = "ask.decline";

    private final JLabel countdown = new JLabel();
    private final Timer ticker;
    private final Instant deadline;
    private final Clock clock = Clock.systemUTC();
    private final AtomicBoolean answered = new AtomicBoolean();
    private final Consumer<Boolean> answer;

    public AskCallDialog(Window owner, IncomingCall call, Consumer<Boolean> answer) {
        super(owner, "Incoming call", ModalityType.MODELESS);
        this.answer = answer;
        this.deadline = clock.instant().plus(call.timeout());
        String callerUri = call.callerUri();
        List<SignalingHeader> headers = call.headers();
        setName(DIALOG);
        setDefaultCloseOperation(DO_NOTHING_ON_CLOSE);

        JLabel caller = new JLabel(callerUri);
        caller.setName(CALLER);
        caller.setFont(caller.getFont().deriveFont(Font.BOLD, caller.getFont().getSize2D() * 1.25f));
        caller.getAccessibleContext().setAccessibleName("Caller");

        DefaultTableModel rows = new DefaultTableModel(new Object[] {"Header", "Value"}, 0) {
            @Override
            public boolean isCellEditable(int row, int column) {
                return false;
            }
        };
        for (SignalingHeader h : headers) {
            rows.addRow(new Object[] {h.getName(), h.getValue()});
        }
        JTable table = new JTable(rows);
        table.setName(HEADERS);
        table.getAccessibleContext().setAccessibleName("Headers of the INVITE");
        table.setPreferredScrollableViewportSize(new Dimension(360, table.getRowHeight() * Math.max(2, Math.min(6, headers.size()))));
        countdown.setName(COUNTDOWN);

        JButton accept = new JButton("Accept");
        JButton decline = new JButton("Decline");
        accept.setName(ACCEPT);
        decline.setName(DECLINE);
        accept.setMnemonic('A');
        decline.setMnemonic('D');
        accept.addActionListener(e -> answer(true));
        decline.addActionListener(e -> answer(false));

        JPanel content = new JPanel(new MigLayout("insets dialog, gap 8 6", "[grow,fill]", "[][][grow,fill][][]"));
        content.add(new JLabel("An INVITE arrived from"), "wrap");
        content.add(caller, "wrap");
        content.add(headers.isEmpty() ? new JLabel("It carries no custom headers.") : new JScrollPane(table), "wrap");
        content.add(countdown, "wrap unrel");
        content.add(accept, "split 2, right, tag ok");
        content.add(decline, "tag cancel");
        setContentPane(content);
        // Enter accepts and Escape declines wherever the focus is; Tab leaves the headers table.
        KeyboardSupport.tabLeaves(table);
        KeyboardSupport.dialogKeys(this, accept, () -> answer(false));
        accept.getAccessibleContext().setAccessibleDescription("Answer the call (Enter)");
        decline.getAccessibleContext().setAccessibleDescription("Refuse the call with 603 Decline (Escape)");
        addWindowListener(new WindowAdapter() {
            @Override
            public void windowClosing(WindowEvent e) {
                answer(false);
            }
        });

        ticker = new Timer(250, e -> tick());
        call.gone().whenComplete((why, failure) -> SwingUtilities.invokeLater(this::withdrawn));
        tick();
        pack();
        setLocationRelativeTo(owner);
    }

    @Override
    public void setVisible(boolean visible) {
        if (visible) {
            ticker.start();
        }
        super.setVisible(visible);
    }

    private void tick() {
        long left = Duration.between(clock.instant(), deadline).toMillis();
        if (left <= 0) {
            countdown.setText("No answer: declining.");
            answer(false);
            return;
        }
        countdown.setText("Declines automatically in " + ((left + 999) / 1000) + " s");
    }

    /** The question no longer stands (the caller gave up): close without answering. */
    private void withdrawn() {
        if (answered.compareAndSet(false, true)) {
            ticker.stop();
            dispose();
        }
    }

    private void answer(boolean accept) {
        if (!answered.compareAndSet(false, true)) {
            return;
        }
        ticker.stop();
        dispose();
        answer.accept(accept);
    }
}
