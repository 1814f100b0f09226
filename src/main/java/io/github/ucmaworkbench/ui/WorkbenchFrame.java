package io.github.ucmaworkbench.ui;

import io.github.ucmaworkbench.settings.SettingsHolder;
import io.github.ucmaworkbench.settings.Theme;
import io.github.ucmaworkbench.settings.WindowLayout;
import io.github.ucmaworkbench.settings.WorkbenchSettings;
import io.github.ucmaworkbench.ui.help.HelpMenu;
import io.github.ucmaworkbench.ui.log.LogEntry;
import io.github.ucmaworkbench.ui.theme.KeyboardSupport;
import io.github.ucmaworkbench.ui.theme.ThemeSupport;
import io.github.ucmaworkbench.ui.warmup.ViewWarmUp;
import java.awt.BorderLayout;
import java.awt.Dimension;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.swing.Action;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JSplitPane;
import javax.swing.JToggleButton;
import javax.swing.JToolBar;
import javax.swing.SwingUtilities;
import javax.swing.UIManager;
import net.miginfocom.swing.MigLayout;

/**
 * The window the teacher projects: client and server side by side with the lesson beside them and
 * the SIP ladder beneath; toolbar, menus and a status bar with the registrar. It binds to a
 * {@link WorkbenchModel} and keeps its choices in the {@link SettingsHolder}.
 */
public final class WorkbenchFrame extends JFrame {
    public static final String NAME = "workbench";
    public static final String DARK_THEME = "toolbar.darkTheme";
    public static final String PRESENTATION_FONT = "toolbar.presentationFont";
    public static final String CLIENT_SETTINGS = "toolbar.clientSettings";
    public static final String SERVER_SETTINGS = "toolbar.serverSettings";
    public static final String REGISTRAR_STATUS = "status.registrar";
    public static final String STATUS_MESSAGE = "status.message";
    public static final String LESSON_VIEW = "lesson";
    public static final String LADDER_VIEW = "ladder";
    public static final String MENU_VIEW_DARK = "menu.view.dark";
    public static final String MENU_VIEW_LIGHT = "menu.view.light";
    public static final String MENU_VIEW_HIGH_CONTRAST = "menu.view.highContrast";
    public static final String MENU_VIEW_PRESENTATION = "menu.view.presentation";
    public static final String LADDER_ONLY = "toolbar.ladderOnly";
    public static final String LESSON_ONLY = "toolbar.lessonOnly";
    public static final String MENU_VIEW_LADDER_ONLY = "menu.view.ladderOnly";
    public static final String MENU_VIEW_LESSON_ONLY = "menu.view.lessonOnly";

    /** The size the window likes on a screen larger than it; a smaller screen gets the whole screen, maximized. */
    static final Dimension PREFERRED_SIZE = new Dimension(1280, 840);

    /** How long closing may wait for the SIP side before the window goes anyway. */
    public static final int CLOSE_GRACE_MILLIS = 3_000;

    private final WorkbenchModel model;
    private final SettingsHolder settings;
    private final Runnable onClosed;
    private final ClientPanel clientPanel;
    private final ServerPanel serverPanel;
    private final JLabel registrarStatus = new JLabel();
    private final JLabel statusMessage = new JLabel();
    private final JToggleButton darkTheme = new JToggleButton("Dark theme");
    private final JToggleButton presentationFont = new JToggleButton("Presentation font");
    private final SettingsCommands commands;
    private final WorkbenchMenus menus;
    private final CloseSequence closeSequence;
    private final AtomicBoolean statusQueued = new AtomicBoolean();
    private final List<AutoCloseable> bindings = new ArrayList<>();
    private final JToggleButton ladderOnly = new JToggleButton("Ladder only");
    private final JToggleButton lessonOnly = new JToggleButton("Lesson only");
    private WorkbenchPanes panes;
    private WindowGeometry geometry;

    @Override
    protected javax.swing.JRootPane createRootPane() {
        return new FirstPaintRootPane();
    }

    /** Runs {@code then} once, on the event thread, right after the window is first painted whole (benchmark 1). */
    public void whenFirstPainted(Runnable then) {
        ((FirstPaintRootPane) getRootPane()).whenFirstPainted(then);
    }

    /**
     * @param onClosed run on the event thread once the window has closed (the app exits there)
     */
    public WorkbenchFrame(WorkbenchModel model, SettingsHolder settings, Runnable onClosed) {
        super("UCMA Workbench");
        ViewWarmUp.start(); // the lesson column's classes load on another core while this frame is built
        this.model = model;
        this.settings = settings;
        this.onClosed = onClosed;
        setName(NAME);
        setDefaultCloseOperation(DO_NOTHING_ON_CLOSE);

        WorkbenchSettings current = settings.get();
        commands = new SettingsCommands(this, settings, model);
        clientPanel = new ClientPanel(model.client(), commands::clientSettingsPerformed);
        serverPanel = new ServerPanel(model.server(), commands::serverSettingsPerformed,
                current.server().acceptPolicy(), commands::policyChosen);
        commands.bindPolicy(serverPanel);
        menus = new WorkbenchMenus(this, clientPanel, serverPanel, this::closePerformed, commands::themeChosen,
                commands::presentationChosen, this::focusChosen);
        closeSequence = new CloseSequence(model::close, this::closed, CLOSE_GRACE_MILLIS);

        JPanel content = new JPanel(new BorderLayout());
        content.add(toolBar(), BorderLayout.NORTH);
        content.add(centre(), BorderLayout.CENTER);
        content.add(statusBar(), BorderLayout.SOUTH);
        setContentPane(content);
        setJMenuBar(menus.bar());
        HelpMenu.install(getJMenuBar(), this, settings, model.classroomShareFormat(), model::classroomShare, joined -> {
            model.client().apply(joined);
            model.client().signIn();
        });

        showThemeChoice(current);
        bindings.add(settings.addListener(this::settingsChanged));
        bindings.add(settings.addProblemSink(p -> SwingUtilities.invokeLater(
                () -> clientPanel.log().append(LogEntry.warning(p)))));
        bindings.add(model.addRegistrarListener(this::registrarChanged));
        bindings.add(KeyboardSupport.exitFromEveryWindow(this, this::closePerformed));
        bindings.add(model.client().addChangeListener(this::registrarChanged));
        bindings.add(model.server().addChangeListener(this::registrarChanged));
        refreshStatus();

        addWindowListener(new WindowAdapter() {
            @Override
            public void windowClosing(WindowEvent e) {
                closePerformed();
            }

            @Override
            public void windowOpened(WindowEvent e) {
                // The first lesson step is the client's sign-in: Space starts the class.
                clientPanel.focusFirstAction();
                layoutColumns();
            }
        });
        // Small enough for any projector: below the panes' own minimum they scroll instead of clipping.
        setMinimumSize(new Dimension(640, 480));
        setPreferredSize(PREFERRED_SIZE);
        geometry = new WindowGeometry(this);
    }

    /**
     * Puts the window where it was last time, moved onto a screen if that one is gone, or on a
     * first start fits it to the screen (maximized when the screen is smaller than it likes). Call
     * before showing it.
     */
    public void placeOnScreen() {
        placeOn(WindowGeometry.usableScreens());
    }

    /** Like {@link #placeOnScreen()} for the given screens' usable bounds (default screen first). */
    void placeOn(java.util.List<java.awt.Rectangle> screens) {
        geometry.place(settings.get().window(), screens);
    }

    /** Puts one sentence the user should see (e.g. why the settings file was not used) into the client's log. */
    public void reportProblem(String sentence) {
        clientPanel.log().append(LogEntry.warning(sentence));
    }

    /** Puts the lesson view (ui.lesson.LessonView) in the lesson column, in place of the placeholder. */
    public void setLessonView(JComponent view) {
        panes.setLesson(view);
        if (view instanceof AutoCloseable closeable) {
            bindings.add(closeable); // closed with the window
        }
        layoutColumns();
    }

    /** Puts the SIP ladder in the bottom row, in place of the placeholder. */
    public void setLadderView(JComponent view) {
        panes.setLadder(view);
        layoutColumns();
        if (view instanceof AutoCloseable closeable) {
            bindings.add(closeable);
        }
    }

    /** Closes {@code binding} with the window (e.g. a settings listener of a view). */
    public void bindUntilClosed(AutoCloseable binding) {
        bindings.add(binding);
    }

    public ClientPanel clientPanel() {
        return clientPanel;
    }

    public ServerPanel serverPanel() {
        return serverPanel;
    }

    private JToolBar toolBar() {
        JToolBar bar = new JToolBar();
        bar.setFloatable(false);
        // A narrow window (or the presentation font) wraps the buttons to a second row.
        WrappingFlowLayout.install(bar);
        bar.setName("toolbar");
        bar.add(toolButton(clientPanel.settingsAction(), CLIENT_SETTINGS, "Client settings…"));
        bar.add(toolButton(serverPanel.settingsAction(), SERVER_SETTINGS, "Server settings…"));
        bar.addSeparator();
        darkTheme.setName(DARK_THEME);
        darkTheme.setMnemonic('D');
        darkTheme.setToolTipText("Switch between the light and the dark theme (remembered)");
        darkTheme.addActionListener(e -> commands.themeChosen(darkTheme.isSelected() ? Theme.DARK : Theme.LIGHT));
        presentationFont.setName(PRESENTATION_FONT);
        presentationFont.setMnemonic('R');
        presentationFont.setToolTipText("Larger text for the projector (remembered)");
        presentationFont.addActionListener(e -> commands.presentationChosen(presentationFont.isSelected()));
        bar.add(darkTheme);
        bar.add(presentationFont);
        bar.addSeparator();
        ladderOnly.setName(LADDER_ONLY);
        ladderOnly.setToolTipText("Give the SIP ladder the whole window, for the projector (Ctrl+2; again to go back)");
        ladderOnly.addActionListener(e -> focusChosen(PaneFocus.LADDER, ladderOnly.isSelected()));
        lessonOnly.setName(LESSON_ONLY);
        lessonOnly.setToolTipText("Give the lesson the whole window, for the projector (Ctrl+3; again to go back)");
        lessonOnly.addActionListener(e -> focusChosen(PaneFocus.LESSON, lessonOnly.isSelected()));
        bar.add(ladderOnly);
        bar.add(lessonOnly);
        return bar;
    }

    private static JButton toolButton(Action action, String name, String text) {
        JButton button = new JButton(action);
        button.setName(name);
        button.setText(text);
        button.setMnemonic(0);
        return button;
    }

    /**
     * Sets the dividers: as remembered, or client and server sharing what the lesson leaves (its
     * minimum or a third of the width) and the ladder below. Done on opening, when a real pane
     * arrives and after a font change, because split panes keep pixel positions otherwise.
     */
    public void layoutColumns() {
        panes.layout();
    }

    private JComponent centre() {
        PlaceholderPanel lesson = new PlaceholderPanel(LESSON_VIEW, "Lesson",
                "The lessons of the tutorial series will appear here, one step at a time: the text of the step, "
                        + "the Java code that runs it, and the UCMA C# it mirrors. Until then, the buttons on the "
                        + "left run each step.");
        PlaceholderPanel ladder = new PlaceholderPanel(LADDER_VIEW, "SIP ladder",
                "Each SIP message between client, registrar and server will be drawn here as a ladder "
                        + "diagram, with the raw text of the selected message beside it.");
        panes = new WorkbenchPanes(clientPanel, serverPanel, lesson, ladder, settings.get().window().dividers());
        return panes.centre();
    }

    /** Gives the ladder or the lesson the whole window (for the projector), or shows every pane again. */
    public void setFocus(PaneFocus focus) {
        panes.setFocus(focus);
        showFocus();
    }

    /** Which pane has the window now. */
    public PaneFocus focus() {
        return panes.focus();
    }

    private void focusChosen(PaneFocus chosen, boolean on) {
        setFocus(on ? chosen : PaneFocus.ALL);
    }

    private void showFocus() {
        ladderOnly.setSelected(panes.focus() == PaneFocus.LADDER);
        lessonOnly.setSelected(panes.focus() == PaneFocus.LESSON);
        menus.showFocus(panes.focus());
    }

    private JPanel statusBar() {
        JPanel bar = new JPanel(new MigLayout("insets 3 8 3 8, gap 12", "[grow,fill][]", ""));
        bar.setName("statusBar");
        registrarStatus.setName(REGISTRAR_STATUS);
        registrarStatus.getAccessibleContext().setAccessibleName("Registrar status");
        statusMessage.setName(STATUS_MESSAGE);
        bar.add(registrarStatus);
        bar.add(statusMessage);
        bar.setBorder(BorderFactory.createMatteBorder(1, 0, 0, 0,
                UIManager.getColor("Component.borderColor")));
        return bar;
    }

    private void settingsChanged(WorkbenchSettings now) {
        Runnable apply = () -> {
            showThemeChoice(now);
            boolean fontChanged = now.presentationFont() != ThemeSupport.isPresentationFont();
            if (fontChanged) {
                panes.keepShares();
            }
            ThemeSupport.apply(now.theme(), now.presentationFont());
            if (fontChanged) {
                SwingUtilities.invokeLater(this::layoutColumns);
            }
        };
        if (SwingUtilities.isEventDispatchThread()) {
            apply.run();
        } else {
            SwingUtilities.invokeLater(apply);
        }
    }

    private void showThemeChoice(WorkbenchSettings now) {
        darkTheme.setSelected(now.theme() == Theme.DARK);
        presentationFont.setSelected(now.presentationFont());
        menus.showThemeChoice(now.theme(), now.presentationFont());
    }

    private void registrarChanged() {
        if (statusQueued.compareAndSet(false, true)) {
            SwingUtilities.invokeLater(() -> {
                statusQueued.set(false);
                refreshStatus();
            });
        }
    }

    private void refreshStatus() {
        registrarStatus.setText(model.registrarStatus());
        setTitle("UCMA Workbench — client: " + clientPanel.stateText() + " · server: " + serverPanel.stateText());
    }

    /** Signs out, stops listening and the registrar off the event thread, then closes; never waits forever. */
    void closePerformed() {
        if (closeSequence.start()) {
            WindowLayout window = geometry.capture(panes.sharesToRemember());
            settings.update(s -> s.withWindow(window));
            statusMessage.setText("Signing out and stopping\u2026");
            getContentPane().setEnabled(false);
        }
    }

    private void closed() {
        dispose();
        onClosed.run();
    }

    /**
     * However the window goes (our close sequence, or a caller that disposes it), what it bound
     * goes with it: the lesson engine and the ladder stop following SipTrace.global(), which would
     * otherwise keep handing every later message to a window no one sees.
     */
    @Override
    public void dispose() {
        clientPanel.unbind();
        serverPanel.unbind();
        for (AutoCloseable binding : bindings) {
            try {
                binding.close();
            } catch (Exception e) {
                // closing anyway
            }
        }
        bindings.clear();
        super.dispose();
    }
}
