package io.github.ucmaworkbench.ui.lesson;

import io.github.ucmaworkbench.lessons.LessonAction;
import io.github.ucmaworkbench.lessons.Side;
import io.github.ucmaworkbench.settings.AcceptPolicySettings;
import io.github.ucmaworkbench.tutorial.AcceptPolicy;
import io.github.ucmaworkbench.tutorial.ClientManager;
import io.github.ucmaworkbench.tutorial.ServerManager;
import io.github.ucmaworkbench.ui.ClientPanel;
import io.github.ucmaworkbench.ui.ServerPanel;
import io.github.ucmaworkbench.ui.log.LogEntry;
import io.github.ucmaworkbench.ui.log.ProgressLogPanel;
import io.github.ucmaworkbench.ui.policy.AcceptPolicyPanel;
import io.github.ucmaworkbench.ui.theme.ThemeColors;
import java.awt.Component;
import java.awt.Container;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;
import javax.swing.JComponent;
import javax.swing.SwingUtilities;
import javax.swing.Timer;

/**
 * The {@link LessonHost} of the workbench window: the managers come from the app (asked again for
 * every step, since new settings mean new managers), and the button behind each step is found in
 * the window by its name and outlined for a moment, so students see which button the step pressed.
 */
public final class WindowLessonHost implements LessonHost {
    /** How long a highlighted button stays outlined. */
    public static final int HIGHLIGHT_MILLIS = 2_000;
    /** FlatLaf's outline property; other looks ignore it. */
    static final String OUTLINE = "JComponent.outline";

    private final Container window;
    private final Supplier<ClientManager> client;
    private final Supplier<ServerManager> server;
    private JComponent lastHighlighted;
    /** The window's policy box, found when the host is made (the event thread): steps run on the engine's. */
    private final AcceptPolicyPanel policyBox;

    public WindowLessonHost(Container window, Supplier<ClientManager> client, Supplier<ServerManager> server) {
        this.window = Objects.requireNonNull(window, "window");
        this.client = Objects.requireNonNull(client, "client");
        this.server = Objects.requireNonNull(server, "server");
        this.policyBox = find(window, ServerPanel.POLICY) instanceof AcceptPolicyPanel box ? box : null;
    }

    @Override
    public ClientManager client() {
        return client.get();
    }

    @Override
    public ServerManager server() {
        return server.get();
    }

    /**
     * Changes the policy the window's box edits (saved, given to the server, shown in the box, and
     * the server's log says a lesson did it), so box, log and server agree. A window without that
     * route gets it the default way and only shows it.
     */
    @Override
    public void applyAcceptPolicy(AcceptPolicy policy) {
        AcceptPolicyPanel box = policyBox;
        if (box != null && box.applyFromLesson(policy)) {
            return;
        }
        LessonHost.super.applyAcceptPolicy(policy);
        SwingUtilities.invokeLater(() -> {
            if (find(window, ServerPanel.POLICY) instanceof AcceptPolicyPanel panel) {
                panel.load(AcceptPolicySettings.from(policy, panel.policy()));
            }
        });
    }

    /** A {@code set-ring-timeout} step, said in the client's log: the window shows every setting a lesson changes. */
    @Override
    public void applyRingTimeout(Duration timeout) {
        LessonHost.super.applyRingTimeout(timeout);
        tell(ClientPanel.LOG_NAME, timeout == null
                ? "A lesson step changed a setting: the ring timeout is the client's own setting again."
                : "A lesson step changed a setting: the client lets an invite ring for " + spoken(timeout)
                        + " (not saved; the client's settings keep theirs).");
    }

    /** A {@code set-timeout} step, said in that side's log. */
    @Override
    public void applyOperationTimeout(Side side, Duration timeout) {
        LessonHost.super.applyOperationTimeout(side, timeout);
        tell(side == Side.CLIENT ? ClientPanel.LOG_NAME : ServerPanel.LOG_NAME,
                "A lesson step changed a setting: the operation timeout is now " + spoken(timeout) + ".");
    }

    private static String spoken(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    private void tell(String logName, String sentence) {
        SwingUtilities.invokeLater(() -> {
            if (find(window, logName) instanceof ProgressLogPanel log) {
                log.append(LogEntry.info(sentence));
            }
        });
    }

    @Override
    public void highlightAction(Side side, LessonAction action) {
        String name = componentFor(side, action);
        Component found = name == null ? null : find(window, name);
        if (!(found instanceof JComponent target)) {
            return;
        }
        lastHighlighted = target;
        target.putClientProperty(OUTLINE, ThemeColors.get("Lesson.outlineColor"));
        target.repaint();
        Timer off = new Timer(HIGHLIGHT_MILLIS, e -> {
            target.putClientProperty(OUTLINE, null);
            target.repaint();
        });
        off.setRepeats(false);
        off.start();
    }

    /** The component most recently highlighted, for tests; null before the first. */
    JComponent lastHighlighted() {
        return lastHighlighted;
    }

    /** The name of the window's control for {@code action} on {@code side}, or null when it has none. */
    static String componentFor(Side side, LessonAction action) {
        if (side == Side.CLIENT) {
            return switch (action) {
                case SIGN_IN, SIGN_IN_WITH -> ClientPanel.SIGN_IN;
                case SIGN_OUT -> ClientPanel.SIGN_OUT;
                case SEND_INVITE, SEND_INVITE_SYNC, SEND_INVITE_HEADERS -> ClientPanel.SEND_INVITE;
                case HANG_UP -> ClientPanel.HANG_UP;
                case SEND_MESSAGE -> ClientPanel.SEND_MESSAGE;
                case WATCH -> ClientPanel.LOG_NAME;
                default -> null;
            };
        }
        return switch (action) {
            case SIGN_IN, SIGN_IN_WITH -> ServerPanel.SIGN_IN;
            case SIGN_OUT -> ServerPanel.SIGN_OUT;
            case LISTEN -> ServerPanel.LISTEN;
            case STOP_LISTENING -> ServerPanel.STOP_LISTENING;
            case HANG_UP -> ServerPanel.HANG_UP;
            case SET_POLICY -> ServerPanel.POLICY + AcceptPolicyPanel.KIND;
            case WATCH -> ServerPanel.LOG_NAME;
            default -> null;
        };
    }

    private static Component find(Container root, String name) {
        for (Component child : root.getComponents()) {
            if (name.equals(child.getName())) {
                return child;
            }
            if (child instanceof Container container) {
                Component found = find(container, name);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
