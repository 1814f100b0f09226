package io.github.ucmaworkbench.ui;

import io.github.ucmaworkbench.ui.log.ProgressLogPanel;
import java.awt.Dimension;
import java.awt.event.ActionEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import javax.swing.AbstractAction;
import javax.swing.Action;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JTextArea;
import javax.swing.SwingUtilities;
import net.miginfocom.swing.MigLayout;

/**
 * What the client and server panels share: the side's name, URI and state, the settings button,
 * the pending indicator and the progress log. The panel binds to a {@link SideModel}: model
 * events (from any thread) only schedule one {@link #refresh()} on the event thread.
 */
public abstract class SidePanel extends JPanel {
    public static final String TITLE = ".title";
    public static final String URI = ".uri";
    public static final String STATE = ".state";
    public static final String SETTINGS = ".settings";
    public static final String PENDING = ".pending";
    public static final String LOG = ".log";

    protected final String prefix;
    private final SideModel model;
    private final JLabel uri = new JLabel();
    private final JLabel state = new JLabel();
    private final PendingIndicator pending;
    private final ProgressLogPanel log;
    private final AtomicBoolean refreshQueued = new AtomicBoolean();
    private final List<AutoCloseable> bindings = new ArrayList<>();
    private final Action settingsAction;

    protected SidePanel(String prefix, String title, SideModel model, Runnable openSettings) {
        super(new MigLayout("insets 10, gap 6 6, hidemode 3, fill", "[grow,fill]", ""));
        this.prefix = prefix;
        this.model = model;
        setName(prefix);
        this.pending = new PendingIndicator(prefix + PENDING);
        this.log = new ProgressLogPanel(prefix + LOG, title);
        // File menu: C for the client's, S for the server's (both took E, which then meant two things).
        settingsAction = action(title + " settings…", title.charAt(0), e -> openSettings.run());
        settingsAction.putValue(Action.SHORT_DESCRIPTION, "URI, server and transport of the " + title.toLowerCase(Locale.ROOT));

        JLabel heading = new JLabel(title.toUpperCase(Locale.ROOT));
        heading.setName(prefix + TITLE);
        heading.putClientProperty("FlatLaf.styleClass", "h2");
        uri.setName(prefix + URI);
        uri.putClientProperty("FlatLaf.styleClass", "large");
        uri.getAccessibleContext().setAccessibleName(title + " URI");
        state.setName(prefix + STATE);
        state.putClientProperty("FlatLaf.styleClass", "h4");
        state.getAccessibleContext().setAccessibleName(title + " state");
        JButton settings = new JButton(settingsAction);
        settings.setName(prefix + SETTINGS);
        settings.setText("Settings…");
        // The menu item carries the mnemonic; on the button it would clash with the other side's.
        settings.setMnemonic(0);
        settings.getAccessibleContext().setAccessibleName(title + " settings");

        this.heading = heading;
        this.settingsButton = settings;
    }

    private final JLabel heading;
    private final JButton settingsButton;

    /** Lays the panel out with the side's own controls between the state and the log, and binds the model. */
    protected final void assemble(JPanel controls) {
        setBorder(BorderFactory.createEmptyBorder());
        // Title and settings on one line, the URI on its own: at presentation size a long URI
        // must not push the settings button out of the panel.
        add(heading, "split 2");
        add(settingsButton, "gapbefore push, growx 0, wrap");
        add(uri, "wmin 0, wrap 0");
        add(state, "wmin 0, wrap"); // the window's title says it too, should a narrow column cut it
        add(pending, "wrap");
        add(controls, "wrap");
        add(log, "grow, push, hmin 120");
        bind();
    }

    /**
     * Asks for about {@value #PREFERRED_WIDTH_EMS} ems' width, however wide the widgets would like to be, so client,
     * server and lesson share the window instead of the widest panel taking it; scales with the
     * presentation font.
     */
    @Override
    public Dimension getPreferredSize() {
        Dimension preferred = super.getPreferredSize();
        int em = getFontMetrics(getFont()).charWidth('m');
        return new Dimension(Math.min(preferred.width, em * PREFERRED_WIDTH_EMS), preferred.height);
    }

    static final int PREFERRED_WIDTH_EMS = 44;

    /** Sets the side's actions enabled as the model's state allows. */
    protected abstract void updateActions();

    private void bind() {
        bindings.add(model.addChangeListener(this::modelChanged));
        bindings.add(model.addProgressListener(log::append));
        refresh();
    }

    /** Stops listening to the model (the frame calls this when it closes). */
    public void unbind() {
        for (AutoCloseable binding : bindings) {
            try {
                binding.close();
            } catch (Exception e) {
                // Nothing to do: the model is going away too.
            }
        }
        bindings.clear();
    }

    private void modelChanged() {
        // Called from rtc worker threads: coalesce a burst of changes into one refresh on Swing.
        if (refreshQueued.compareAndSet(false, true)) {
            SwingUtilities.invokeLater(() -> {
                refreshQueued.set(false);
                refresh();
            });
        }
    }

    /** Re-reads the model into the widgets. Event thread only. */
    public void refresh() {
        uri.setText(model.uri());
        state.setText(stateText());
        pending.display(model.pending());
        updateActions();
    }

    public ProgressLogPanel log() {
        return log;
    }

    public Action settingsAction() {
        return settingsAction;
    }

    /**
     * The side's state in words, read from the model rather than the label: the frame's title is
     * refreshed by its own coalesced task, which may run before this panel's refresh and would
     * otherwise show the previous state until the next change.
     */
    public String stateText() {
        return SideActions.describe(model.registrationState(), model.sessionState(), model.isListening());
    }

    public String pendingText() {
        return pending.isVisible() ? pending.text() : "";
    }

    /** An action with a name and mnemonic whose handler is a lambda. */
    protected static Action action(String name, char mnemonic, Consumer<ActionEvent> handler) {
        AbstractAction action = new AbstractAction(name) {
            @Override
            public void actionPerformed(ActionEvent e) {
                handler.accept(e);
            }
        };
        action.putValue(Action.MNEMONIC_KEY, (int) Character.toUpperCase(mnemonic));
        return action;
    }

    /**
     * A quiet note that wraps to the panel's width instead of ending in "…", at any font size.
     * A text area, because a label's preferred height never follows its width.
     */
    protected static JTextArea note(String text) {
        JTextArea note = new JTextArea(text);
        note.setLineWrap(true);
        note.setWrapStyleWord(true);
        note.setEditable(false);
        note.setFocusable(false);
        note.setOpaque(false);
        note.setBorder(BorderFactory.createEmptyBorder());
        // A note, not a disabled control: the hint colour reads at 4.5:1 where disabled grey does not.
        note.putClientProperty("FlatLaf.styleClass", "small hint");
        return note;
    }

    /** A button for {@code action} with its component name. */
    protected JButton button(Action action, String name) {
        JButton button = new JButton(action);
        button.setName(name);
        button.getAccessibleContext().setAccessibleName((String) action.getValue(Action.NAME));
        return button;
    }
}
