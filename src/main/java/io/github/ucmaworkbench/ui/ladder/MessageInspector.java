package io.github.ucmaworkbench.ui.ladder;

import io.github.ucmaworkbench.ui.theme.KeyboardSupport;
import io.github.ucmaworkbench.trace.Direction;
import io.github.ucmaworkbench.trace.SipTraceEvent;
import io.github.ucmaworkbench.trace.ladder.LadderArrow;
import io.github.ucmaworkbench.trace.ladder.LadderColumn;
import io.github.ucmaworkbench.trace.ladder.LadderModel;
import java.awt.Component;
import java.util.ArrayList;
import java.util.List;
import javax.swing.DefaultComboBoxModel;
import javax.swing.DefaultListCellRenderer;
import javax.swing.DefaultListModel;
import javax.swing.JComboBox;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTextPane;
import javax.swing.ListSelectionModel;
import javax.swing.ScrollPaneConstants;
import net.miginfocom.swing.MigLayout;

/**
 * The message behind the selected arrow: its raw text with the start line, the header names and
 * the body told apart, which record it is (as sent or as received — a proxy's stack may add Via
 * parameters on arrival), and the other messages of the same transaction, one click away.
 * Follows the {@link LadderView} it was made for; event thread only.
 */
public class MessageInspector extends JPanel {
    public static final String TITLE = "inspector.title";
    /** The title's second line: time, transport, wire addresses. */
    public static final String DETAIL = "inspector.detail";
    public static final String RAW_TEXT = "inspector.raw";
    public static final String RECORD = "inspector.record";
    public static final String RELATED = "inspector.related";

    /** Two short lines: whole in the narrowest inspector, where one line would end in "…". */
    private static final String HINT = "Click an arrow";
    private static final String HINT_DETAIL = "to see its message.";

    private final LadderView ladder;
    /*
     * Plain labels, not one HTML label: setting HTML text parses it with the HTML kit on the event
     * thread, and with a classroom burst under way that parse was the longest stall of a log click.
     */
    private final JLabel title = new JLabel(HINT);
    private final JLabel detail = new JLabel(HINT_DETAIL);
    private final InspectorDocument document = new InspectorDocument();
    private final JTextPane raw = new JTextPane(document);
    private final DefaultComboBoxModel<Record> records = new DefaultComboBoxModel<>();
    private final JComboBox<Record> record = new JComboBox<>(records);
    private final DefaultListModel<LadderArrow> relatedModel = new DefaultListModel<>();
    private final JList<LadderArrow> related = new JList<>(relatedModel);
    private boolean updating;

    /**
     * One record of the message: as its sender or as its receiver saw it. A class, not a record:
     * the combo box compares items, and a record's first equals links its bootstrap on the click.
     */
    private static final class Record {
        private final SipTraceEvent event;

        Record(SipTraceEvent event) {
            this.event = event;
        }

        SipTraceEvent event() {
            return event;
        }

        @Override
        public String toString() {
            return (event.direction() == Direction.SENT ? "as sent by " : "as received by ") + event.party();
        }
    }

    public MessageInspector(LadderView ladder) {
        // The raw text and the transaction list claim the height by their own push weights, not by
        // row numbers: the hop chooser, hidden for a one-hop message, takes no row then.
        super(new MigLayout("insets 2, fill", "[grow,fill]"));
        this.ladder = ladder;
        title.setName(TITLE);
        detail.setName(DETAIL);
        raw.setName(RAW_TEXT);
        record.setName(RECORD);
        related.setName(RELATED);
        KeyboardSupport.label(raw, "Raw SIP message", "The selected message as it went over the wire");
        KeyboardSupport.label(record, "Hop", "Which copy of the message: as sent or as received");
        KeyboardSupport.label(related, "Same transaction", "Every hop of the selected message's transaction");
        raw.setEditable(false);
        related.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
        related.setVisibleRowCount(4);
        related.setCellRenderer(new RelatedRenderer());
        record.setVisible(false);

        add(title, "wmin 0, wrap 0");
        add(detail, "wmin 0, wrap");
        // may shorten, never widen the column past the window; hidden (one hop) it takes no row
        add(record, "growx 0, wmin 120, hidemode 3, wrap");
        /*
         * Both scroll panes keep both bars: the text wraps at spaces but a Call-ID or branch longer
         * than the pane scrolls, and a list row may be wider than the column. A bar appearing or
         * going as the user clicks another message changed the viewport, laid the pane out again
         * and re-wrapped the whole message during the click, a long event-thread stall during a
         * classroom burst.
         */
        add(new JScrollPane(raw, ScrollPaneConstants.VERTICAL_SCROLLBAR_ALWAYS, ScrollPaneConstants.HORIZONTAL_SCROLLBAR_ALWAYS),
                "wmin 0, grow, pushy 60, wrap");
        add(new JLabel("Same transaction (every hop):"), "wrap");
        add(new JScrollPane(related, ScrollPaneConstants.VERTICAL_SCROLLBAR_ALWAYS,
                ScrollPaneConstants.HORIZONTAL_SCROLLBAR_ALWAYS), "hmin 60, wmin 0, grow, pushy 40");
        document.restyle(fontSize());
        // The styled text keeps the colours and font size it was built with: after a theme or font
        // change, build it again in the new theme's (light header names on a dark pane read at 1.6:1).
        raw.addPropertyChangeListener("UI", e -> document.restyle(fontSize()));

        ladder.addArrowSelectionListener(this::arrowSelected);
        record.addActionListener(e -> {
            if (!updating && record.getSelectedItem() instanceof Record r) {
                showText(r.event().rawText());
            }
        });
        related.addListSelectionListener(e -> {
            LadderArrow chosen = related.getSelectedValue();
            if (!updating && !e.getValueIsAdjusting() && chosen != null && chosen != ladder.getSelectedArrow()) {
                ladder.selectArrow(chosen.index());
            }
        });
        LadderArrow already = ladder.getSelectedArrow();
        if (already != null) {
            arrowSelected(already);
        }
    }

    /** The raw text shown now. */
    public String getRawText() {
        return raw.getText();
    }

    private void arrowSelected(LadderArrow arrow) {
        updating = true;
        try {
            records.removeAllElements();
            relatedModel.clear();
            if (arrow == null) {
                title.setText(HINT);
                title.putClientProperty("FlatLaf.style", null);
                detail.setText(HINT_DETAIL);
                title.setToolTipText(null);
                document.show("");
                record.setVisible(false);
                return;
            }
            LadderModel model = ladder.model();
            title.setText(describe(model, arrow));
            title.putClientProperty("FlatLaf.style", "font: bold"); // follows the theme's and the presentation font
            detail.setText(details(model, arrow));
            title.setToolTipText(title.getText() + " \u2014 " + detail.getText()); // the whole line when the column cuts it
            List<Record> available = new ArrayList<>();
            if (arrow.sent() != null) {
                available.add(new Record(arrow.sent()));
            }
            if (arrow.received() != null) {
                available.add(new Record(arrow.received()));
            }
            available.forEach(records::addElement);
            record.setSelectedIndex(0);
            record.setVisible(available.size() > 1);
            showText(arrow.primary().rawText());
            List<LadderArrow> transaction = model.sameTransaction(arrow);
            relatedModel.addAll(transaction);
            related.setSelectedValue(arrow, true);
        } finally {
            updating = false;
        }
    }

    /**
     * A change of message lays out the inspector alone: its size comes from the split pane, never
     * from the message it shows, so a click need not lay out the whole window (every log, the
     * lesson) as the new title's revalidate otherwise would.
     */
    @Override
    public boolean isValidateRoot() {
        return true;
    }

    private static String describe(LadderModel model, LadderArrow arrow) {
        LadderColumn from = model.from(arrow);
        LadderColumn to = model.to(arrow);
        return arrow.label() + "  " + (from == null ? "?" : from.title()) + " \u2192 " + (to == null ? "?" : to.title())
                + (arrow.isRetransmission() ? "  (retransmission)" : "");
    }

    private static String details(LadderModel model, LadderArrow arrow) {
        return LadderPainter.timeText(model.offsetMillis(arrow)) + " s \u00b7 " + arrow.transport() + " \u00b7 "
                + arrow.sourceAddress() + " \u2192 " + arrow.destinationAddress();
    }

    private void showText(String rawText) {
        document.show(rawText.replace("\r\n", "\n"));
        raw.setCaretPosition(0);
    }

    private int fontSize() {
        return raw.getFont() == null ? 12 : raw.getFont().getSize();
    }

    private final class RelatedRenderer extends DefaultListCellRenderer {
        @Override
        public Component getListCellRendererComponent(JList<?> list, Object value, int index, boolean selected,
                boolean focused) {
            super.getListCellRendererComponent(list, "", index, selected, focused); // the text is set below
            if (value instanceof LadderArrow arrow) {
                LadderModel model = ladder.model();
                LadderColumn from = model.from(arrow);
                LadderColumn to = model.to(arrow);
                setText(LadderPainter.timeText(model.offsetMillis(arrow)) + "  " + (from == null ? "?" : from.title())
                        + " \u2192 " + (to == null ? "?" : to.title()) + "  " + arrow.label()
                        + (arrow.isRetransmission() ? "  (retransmission)" : ""));
                setToolTipText(getText()); // the whole row where the column cuts it
            }
            return this;
        }
    }
}
