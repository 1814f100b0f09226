package io.github.ucmaworkbench.ui.ladder;

import io.github.ucmaworkbench.ui.theme.KeyboardSupport;
import io.github.ucmaworkbench.trace.ladder.LadderFilter;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import javax.swing.DefaultComboBoxModel;
import javax.swing.JComboBox;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JTextField;
import javax.swing.JToggleButton;
import javax.swing.event.DocumentEvent;
import javax.swing.event.DocumentListener;
import net.miginfocom.swing.MigLayout;

/**
 * The ladder's "what to show" controls: Call-ID text, method, caller, grouping by caller, and
 * Follow (scroll to each new message). Writes the user's choice to the view through callbacks; {@link #show(LadderFilter)} puts a
 * filter chosen elsewhere (a menu, a cross-link) back into the widgets. Event thread only.
 */
final class LadderFilterBar extends JPanel {
    static final String ALL_METHODS = "All methods";
    static final String ALL_CALLERS = "All callers";

    private final JTextField callId = new JTextField(14);
    private final DefaultComboBoxModel<String> methods = new DefaultComboBoxModel<>();
    private final JComboBox<String> method = new JComboBox<>(methods);
    private final DefaultComboBoxModel<String> callers = new DefaultComboBoxModel<>();
    private final JComboBox<String> caller = new JComboBox<>(callers);
    private final JToggleButton group = new JToggleButton("By caller");
    private final JToggleButton follow = new JToggleButton("Follow", true);
    private final Consumer<LadderFilter> filterChanged;
    /** True while {@link #show} writes the widgets, so they do not report the change back. */
    private boolean showing;

    /** A bar whose Follow button reports to nobody (a ladder that never follows, a test). */
    LadderFilterBar(Consumer<LadderFilter> filterChanged, Consumer<Boolean> groupChanged) {
        this(filterChanged, groupChanged, following -> { });
    }

    LadderFilterBar(Consumer<LadderFilter> filterChanged, Consumer<Boolean> groupChanged, Consumer<Boolean> followChanged) {
        super(new MigLayout("insets 0", "[][][][][][]", "[]"));
        this.filterChanged = filterChanged;
        callId.setName(LadderView.CALL_ID_FILTER);
        method.setName(LadderView.METHOD_FILTER);
        caller.setName(LadderView.CALLER_FILTER);
        KeyboardSupport.label(callId, "Call-ID filter", "Show only messages whose Call-ID contains this text");
        KeyboardSupport.label(method, "Method filter", "Show only messages of this SIP method");
        KeyboardSupport.label(caller, "Caller filter", "Show only the calls of this caller");
        group.setName(LadderView.GROUP_BY_CALLER);
        follow.setName(LadderView.FOLLOW);
        follow.setToolTipText("Scroll to each new message (Ctrl+End). Clicking a message or a log line turns it off");
        callId.setToolTipText("Show only the messages whose Call-ID contains this text");
        caller.setToolTipText("Show only the calls one caller started (its registrations included)");
        group.setToolTipText("One column for all callers, rows grouped per caller: for a whole class calling in");
        caller.setPrototypeDisplayValue("student00@classroom.example");
        methods.addElement(ALL_METHODS);
        callers.addElement(ALL_CALLERS);
        for (String m : List.of("REGISTER", "INVITE", "ACK", "BYE", "CANCEL", "MESSAGE", "INFO", "OPTIONS")) {
            addMethod(m);
        }

        add(new JLabel("Call-ID"));
        // Minimums, so a narrow window shrinks the fields instead of cutting off the buttons.
        add(callId, "wmin 64");
        add(method, "wmin 72");
        add(caller, "wmin 80");
        add(group);
        add(follow);

        callId.getDocument().addDocumentListener(new DocumentListener() {
            @Override public void insertUpdate(DocumentEvent e) { widgetsChanged(); }
            @Override public void removeUpdate(DocumentEvent e) { widgetsChanged(); }
            @Override public void changedUpdate(DocumentEvent e) { widgetsChanged(); }
        });
        method.addActionListener(e -> widgetsChanged());
        caller.addActionListener(e -> widgetsChanged());
        group.addActionListener(e -> groupChanged.accept(group.isSelected()));
        follow.addActionListener(e -> followChanged.accept(follow.isSelected()));
    }

    /** Puts {@code filter} into the widgets without reporting it back. */
    void show(LadderFilter filter) {
        showing = true;
        try {
            String m = filter.method().isEmpty() ? ALL_METHODS : filter.method();
            addMethod(m);
            method.setSelectedItem(m);
            String c = filter.caller().isEmpty() ? ALL_CALLERS : filter.caller();
            addCaller(c);
            caller.setSelectedItem(c);
            if (!callId.getText().equals(filter.callIdPart())) {
                callId.setText(filter.callIdPart());
            }
        } finally {
            showing = false;
        }
    }

    boolean isGroupSelected() {
        return group.isSelected();
    }

    void showFollowing(boolean following) {
        follow.setSelected(following);
    }

    void showGrouped(boolean grouped) {
        group.setSelected(grouped);
    }

    void addMethod(String name) {
        if (methods.getIndexOf(name) < 0) {
            methods.addElement(name);
        }
    }

    void addCaller(String name) {
        if (!name.isEmpty() && callers.getIndexOf(name) < 0) {
            callers.addElement(name);
        }
    }

    /** The methods offered: the usual ones and any seen, sorted. */
    List<String> offeredMethods() {
        return offered(methods);
    }

    /** The callers offered, sorted. */
    List<String> offeredCallers() {
        return offered(callers);
    }

    private static List<String> offered(DefaultComboBoxModel<String> model) {
        Set<String> all = new TreeSet<>();
        for (int i = 1; i < model.getSize(); i++) {
            all.add(model.getElementAt(i));
        }
        return List.copyOf(all);
    }

    private void widgetsChanged() {
        if (showing) {
            return;
        }
        Object m = method.getSelectedItem();
        Object c = caller.getSelectedItem();
        filterChanged.accept(new LadderFilter(callId.getText(),
                m == null || ALL_METHODS.equals(m) ? "" : m.toString(),
                c == null || ALL_CALLERS.equals(c) ? "" : c.toString()));
    }
}
