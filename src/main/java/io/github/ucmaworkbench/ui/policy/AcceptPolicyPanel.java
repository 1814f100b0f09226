package io.github.ucmaworkbench.ui.policy;

import io.github.ucmaworkbench.ui.theme.KeyboardSupport;
import io.github.ucmaworkbench.settings.AcceptPolicySettings.Kind;
import io.github.ucmaworkbench.settings.AcceptPolicySettings.StandardRejection;
import io.github.ucmaworkbench.settings.AcceptPolicySettings;
import io.github.ucmaworkbench.settings.SettingsValidation;
import io.github.ucmaworkbench.tutorial.AcceptPolicy;
import io.github.ucmaworkbench.ui.theme.ThemeSupport;
import java.awt.Component;
import java.util.function.Consumer;
import javax.swing.DefaultListCellRenderer;
import javax.swing.JComboBox;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JPanel;
import javax.swing.JSpinner;
import javax.swing.JTextField;
import javax.swing.SpinnerNumberModel;
import javax.swing.Timer;
import javax.swing.event.DocumentEvent;
import javax.swing.event.DocumentListener;
import net.miginfocom.swing.MigLayout;

/**
 * The server's answer to an INVITE, chosen in class: accept, reject with a code, ask the teacher,
 * stay silent, or accept only calls carrying a header. Shows only the fields the chosen answer
 * needs; a valid choice is handed on at once, an invalid one is explained and held back.
 */
public final class AcceptPolicyPanel extends JPanel {
    public static final String KIND = ".kind";
    public static final String REJECTION = ".rejection";
    public static final String CODE = ".code";
    public static final String REASON = ".reason";
    public static final String ASK_SECONDS = ".askSeconds";
    public static final String HEADER = ".header";
    public static final String PROBLEM = ".problem";

    static final String CUSTOM = "Custom code…";

    private final JComboBox<Kind> kind = new JComboBox<>(Kind.values());
    private final JComboBox<String> rejection = new JComboBox<>();
    private final JTextField code = new JTextField(4);
    private final JTextField reason = new JTextField(12);
    /**
     * Made when "Ask me" is first chosen (or loaded): the window's only spinner, hidden for every
     * other answer, and a spinner's first build cost the event thread 2 % of the window's start.
     */
    private JSpinner askSeconds;
    /** The seconds to show, while {@link #askSeconds} is not made yet. */
    private int askSecondsValue = AcceptPolicySettings.DEFAULT_ASK_TIMEOUT_SECONDS;
    private final JTextField header = new JTextField(12);
    private final JLabel rejectLabel = new JLabel("Answer");
    private final JLabel customLabel = new JLabel("Code / reason");
    private final JLabel askLabel = new JLabel("Decline after (s)");
    private final JLabel headerLabel = new JLabel("Header name");
    private final JLabel problem = new JLabel();
    private Consumer<AcceptPolicySettings> listener = p -> { };
    private volatile Consumer<AcceptPolicy> lessonRoute;
    /** Typing waits for a pause, so "Not Acceptable Here" is one policy change, not nineteen. */
    private final Timer typingPause = new Timer(TYPING_PAUSE_MILLIS, e -> changed());
    static final int TYPING_PAUSE_MILLIS = 400;
    private boolean loading;

    public AcceptPolicyPanel(String name) {
        super(new MigLayout("insets 0, gap 6 3, hidemode 3", "[right][grow,fill][]", ""));
        setName(name);
        kind.setName(name + KIND);
        rejection.setName(name + REJECTION);
        code.setName(name + CODE);
        reason.setName(name + REASON);
        KeyboardSupport.label(kind, "Accept policy", "How the server answers an incoming INVITE (lesson 6)");
        KeyboardSupport.label(rejection, "Rejection response", "The SIP response the server rejects with");
        KeyboardSupport.label(code, "Custom response code", "A SIP status code from 300 to 699");
        KeyboardSupport.label(reason, "Custom reason phrase", "The reason phrase sent with the custom code");
        KeyboardSupport.label(header, "Required header name", "The header an INVITE must carry to be accepted");
        header.setName(name + HEADER);
        problem.setName(name + PROBLEM);
        kind.getAccessibleContext().setAccessibleName("Accept policy");
        rejection.getAccessibleContext().setAccessibleName("Rejection response");
        code.getAccessibleContext().setAccessibleName("Custom response code");
        reason.getAccessibleContext().setAccessibleName("Custom reason phrase");
        header.getAccessibleContext().setAccessibleName("Required header name");

        kind.setRenderer(new DefaultListCellRenderer() {
            @Override
            public Component getListCellRendererComponent(JList<?> list, Object value, int index, boolean selected,
                    boolean focused) {
                return super.getListCellRendererComponent(list, value instanceof Kind k ? label(k) : value, index,
                        selected, focused);
            }
        });
        for (StandardRejection r : StandardRejection.values()) {
            rejection.addItem(r.toString());
        }
        rejection.addItem(CUSTOM);
        problem.setForeground(ThemeSupport.errorColour());

        JLabel kindLabel = new JLabel("Incoming calls");
        kindLabel.setLabelFor(kind);
        add(kindLabel);
        add(kind, "span 2, wmin 100, wrap"); // a narrow server column shortens the text, not the panel
        add(rejectLabel);
        add(rejection, "span 2, wmin 100, wrap");
        add(customLabel);
        add(code, "split 2, w 60!");
        add(reason, "growx, span 2, wrap");
        add(askLabel, "wrap"); // the spinner goes after it once made (askSeconds())
        add(headerLabel);
        add(header, "span 2, wrap");
        add(problem, "skip, span 2");

        kind.addActionListener(e -> changed());
        rejection.addActionListener(e -> rejectionChosen());
        DocumentListener typing = new DocumentListener() {
            @Override public void insertUpdate(DocumentEvent e) { typed(); }
            @Override public void removeUpdate(DocumentEvent e) { typed(); }
            @Override public void changedUpdate(DocumentEvent e) { typed(); }
        };
        code.getDocument().addDocumentListener(typing);
        reason.getDocument().addDocumentListener(typing);
        header.getDocument().addDocumentListener(typing);
        typingPause.setRepeats(false);
        load(AcceptPolicySettings.defaults());
    }

    public static String label(Kind k) {
        return switch (k) {
            case ACCEPT_ALL -> "Accept all";
            case REJECT -> "Reject";
            case ASK -> "Ask me";
            case DONT_ANSWER -> "Don't answer";
            case REQUIRE_HEADER -> "Accept only with header";
            case ASK_DECLINE -> "Ask me (a stand-in declines)";
        };
    }

    /** Called on the event thread with each valid choice the user makes. */
    public void setPolicyListener(Consumer<AcceptPolicySettings> listener) {
        this.listener = listener;
    }

    /**
     * Where a lesson's policy step goes so that it changes what this box edits (the window saves
     * it, gives it to the server and shows it here); any thread.
     */
    public void setLessonRoute(Consumer<AcceptPolicy> route) {
        lessonRoute = route;
    }

    /**
     * A lesson step's policy, taken the way a choice in this box is; called on the lesson engine's
     * thread. False when no route is set (the caller then applies it itself).
     */
    public boolean applyFromLesson(AcceptPolicy policy) {
        Consumer<AcceptPolicy> route = lessonRoute;
        if (route == null) {
            return false;
        }
        route.accept(policy);
        return true;
    }

    /** Shows {@code policy} without telling the listener. */
    public void load(AcceptPolicySettings policy) {
        loading = true;
        try {
            kind.setSelectedItem(policy.kind());
            String standard = null;
            for (StandardRejection r : StandardRejection.values()) {
                if (r.code == policy.rejectCode() && r.reason.equals(policy.rejectReason())) {
                    standard = r.toString();
                }
            }
            rejection.setSelectedItem(standard == null ? CUSTOM : standard);
            code.setText(Integer.toString(policy.rejectCode()));
            reason.setText(policy.rejectReason());
            askSecondsValue = Math.max(SettingsValidation.MIN_ASK_SECONDS,
                    Math.min(SettingsValidation.MAX_ASK_SECONDS, policy.askTimeoutSeconds()));
            if (askSeconds != null) {
                askSeconds.setValue(askSecondsValue);
            }
            header.setText(policy.requiredHeader());
        } finally {
            loading = false;
        }
        refresh();
    }

    /** The choice as the widgets show it now (possibly invalid: see {@link AcceptPolicySettings#problem()}). */
    public AcceptPolicySettings policy() {
        Kind k = (Kind) kind.getSelectedItem();
        int rejectCode;
        String rejectReason;
        String chosen = (String) rejection.getSelectedItem();
        StandardRejection standard = null;
        for (StandardRejection r : StandardRejection.values()) {
            if (r.toString().equals(chosen)) {
                standard = r;
            }
        }
        if (standard != null) {
            rejectCode = standard.code;
            rejectReason = standard.reason;
        } else {
            rejectCode = parse(code.getText());
            rejectReason = reason.getText().trim();
        }
        return new AcceptPolicySettings(k, rejectCode, rejectReason, header.getText().trim(),
                askSeconds != null ? (Integer) askSeconds.getValue() : askSecondsValue);
    }

    /** A standard rejection also fills the custom fields, so "Custom code…" starts from it. */
    private void rejectionChosen() {
        for (StandardRejection r : StandardRejection.values()) {
            if (r.toString().equals(rejection.getSelectedItem()) && !loading) {
                loading = true;
                try {
                    code.setText(Integer.toString(r.code));
                    reason.setText(r.reason);
                } finally {
                    loading = false;
                }
            }
        }
        changed();
    }

    private void typed() {
        if (loading) {
            return;
        }
        refresh(); // the reason shows at once; the choice is handed on after the pause
        typingPause.restart();
    }

    private void changed() {
        typingPause.stop();
        if (loading) {
            return;
        }
        AcceptPolicySettings policy = refresh();
        if (policy.problem() == null) {
            listener.accept(policy);
        }
    }

    private AcceptPolicySettings refresh() {
        Kind k = (Kind) kind.getSelectedItem();
        boolean reject = k == Kind.REJECT;
        boolean custom = reject && CUSTOM.equals(rejection.getSelectedItem());
        rejectLabel.setVisible(reject);
        rejection.setVisible(reject);
        customLabel.setVisible(custom);
        code.setVisible(custom);
        reason.setVisible(custom);
        askLabel.setVisible(k == Kind.ASK);
        if (k == Kind.ASK) {
            askSeconds().setVisible(true);
        } else if (askSeconds != null) {
            askSeconds.setVisible(false);
        }
        headerLabel.setVisible(k == Kind.REQUIRE_HEADER);
        header.setVisible(k == Kind.REQUIRE_HEADER);
        AcceptPolicySettings policy = policy();
        String reasonText = policy.problem();
        problem.setText(reasonText == null ? "" : reasonText);
        problem.setVisible(reasonText != null);
        revalidate();
        repaint();
        return policy;
    }

    /** The seconds spinner, made and put after its label on first use. */
    private JSpinner askSeconds() {
        if (askSeconds == null) {
            JSpinner spinner = new JSpinner(new SpinnerNumberModel(askSecondsValue, SettingsValidation.MIN_ASK_SECONDS,
                    SettingsValidation.MAX_ASK_SECONDS, 1));
            spinner.setName(getName() + ASK_SECONDS);
            // The spinner's own text field is what takes the focus: it needs the name too.
            KeyboardSupport.label(((JSpinner.DefaultEditor) spinner.getEditor()).getTextField(),
                    "Seconds before declining automatically", "How long the Ask dialog waits before it declines the call");
            spinner.getAccessibleContext().setAccessibleName("Seconds before declining automatically");
            spinner.addChangeListener(e -> changed());
            askSeconds = spinner;
            // Its label's row: the label ends it until the spinner takes its place beside it.
            ((MigLayout) getLayout()).setComponentConstraints(askLabel, "");
            add(spinner, "w 70!, wrap", getComponentZOrder(askLabel) + 1);
        }
        return askSeconds;
    }

    private static int parse(String text) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    @Override
    public void updateUI() {
        super.updateUI();
        if (problem != null) {
            problem.setForeground(ThemeSupport.errorColour());
        }
    }
}
