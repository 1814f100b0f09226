package io.github.ucmaworkbench.ui;

import io.github.ucmaworkbench.ui.headers.HeadersPanel;
import javax.swing.Action;
import javax.swing.ButtonGroup;
import javax.swing.JButton;
import javax.swing.JPanel;
import javax.swing.JRadioButton;
import javax.swing.JTextField;
import net.miginfocom.swing.MigLayout;

/** The client: sign in and out, send the INVITE (sync or async, with custom headers), hang up, send a message. */
public final class ClientPanel extends SidePanel {
    public static final String PREFIX = "client";
    public static final String SIGN_IN = PREFIX + ".signIn";
    public static final String SIGN_OUT = PREFIX + ".signOut";
    public static final String SEND_INVITE = PREFIX + ".sendInvite";
    public static final String HANG_UP = PREFIX + ".hangUp";
    public static final String SEND_MESSAGE = PREFIX + ".sendMessage";
    public static final String MESSAGE_TEXT = PREFIX + ".messageText";
    public static final String ASYNC = PREFIX + ".async";
    public static final String SYNC = PREFIX + ".sync";
    public static final String HEADERS = PREFIX + ".headers";
    public static final String STATE_NAME = PREFIX + STATE;
    public static final String URI_NAME = PREFIX + URI;
    public static final String PENDING_NAME = PREFIX + PENDING;
    public static final String SETTINGS_NAME = PREFIX + SETTINGS;
    public static final String LOG_NAME = PREFIX + LOG;

    private final ClientModel model;
    private final Action signIn = action("Sign in", 'i', e -> model().signIn());
    private final Action signOut = action("Sign out", 'o', e -> model().signOut());
    private final Action sendInvite = action("Send INVITE", 'n', e -> sendInvitePerformed());
    private final Action hangUp = action("Hang up", 'u', e -> model().hangUp());
    private final Action sendMessage = action("Send message", 'm', e -> sendMessagePerformed());
    private final JRadioButton async = new JRadioButton("beginParticipate (async)", true);
    private final JRadioButton sync = new JRadioButton("participate() (sync)");
    private final HeadersPanel headers = new HeadersPanel(HEADERS);
    private final JTextField messageText = new JTextField("Hello from the client", 10);
    private final JButton signInButton;

    public ClientPanel(ClientModel model, Runnable openSettings) {
        super(PREFIX, "Client", model, openSettings);
        this.model = model;
        signIn.putValue(Action.SHORT_DESCRIPTION, "Lesson 3: register the client's endpoint");
        signOut.putValue(Action.SHORT_DESCRIPTION, "Lesson 4: unregister the client's endpoint");
        sendInvite.putValue(Action.SHORT_DESCRIPTION, "Lesson 5: invite our server to a signaling session");
        hangUp.putValue(Action.SHORT_DESCRIPTION, "Lesson 8: BYE when connected, CANCEL while ringing");
        sendMessage.putValue(Action.SHORT_DESCRIPTION, "Lesson 11: send the text as a SIP MESSAGE in the session");
        async.setName(ASYNC);
        sync.setName(SYNC);
        async.setMnemonic('b');
        sync.setMnemonic('y');
        sync.setToolTipText("<html>Synchronous: participate() blocks until the server answers. It runs on a worker thread:"
                + "<br>on the Swing thread it would freeze this window for the whole wait.</html>");
        async.setToolTipText("Asynchronous: beginParticipate returns at once; the callback reports the outcome");
        ButtonGroup mode = new ButtonGroup();
        mode.add(async);
        mode.add(sync);
        messageText.setName(MESSAGE_TEXT);
        messageText.getAccessibleContext().setAccessibleName("Message text");
        messageText.setToolTipText("The text Send message sends in the session (lesson 11)");
        headers.addValidityListener(this::updateActions);

        JPanel controls = new JPanel(new MigLayout("insets 0, gap 6 4, hidemode 3", "[][][grow]", ""));
        signInButton = button(signIn, SIGN_IN);
        controls.add(signInButton, "sg b");
        controls.add(button(signOut, SIGN_OUT), "sg b, wrap");
        controls.add(button(sendInvite, SEND_INVITE), "sg b");
        controls.add(button(hangUp, HANG_UP), "sg b, wrap");
        // One per row: side by side they would set the narrowest width the panel can have.
        controls.add(async, "span, wrap 0");
        controls.add(sync, "span, wrap 0");
        controls.add(note("The sync form runs off the Swing thread so the window keeps painting."),
                "span, growx, wmin 0, wrap");
        controls.add(headers, "span, growx, wrap");
        controls.add(messageText, "span, split 2, growx, wmin 80");
        controls.add(button(sendMessage, SEND_MESSAGE), "wrap");
        assemble(controls);
    }

    private ClientModel model() {
        return model;
    }

    private void sendInvitePerformed() {
        if (headers.problem() != null) {
            return;
        }
        model.sendInvite(headers.headers(), sync.isSelected());
    }

    private void sendMessagePerformed() {
        model.sendMessage(messageText.getText());
    }

    @Override
    protected void updateActions() {
        if (model == null) {
            return; // still being built
        }
        SideActions.Client allowed = SideActions.client(model.registrationState(), model.sessionState());
        signIn.setEnabled(allowed.signIn());
        signOut.setEnabled(allowed.signOut());
        sendInvite.setEnabled(allowed.sendInvite() && headers.problem() == null);
        hangUp.setEnabled(allowed.hangUp());
        sendMessage.setEnabled(allowed.sendMessage());
    }

    /** Puts the keyboard focus on Sign in. */
    void focusFirstAction() {
        signInButton.requestFocusInWindow();
    }

    public Action signInAction() {
        return signIn;
    }

    public Action signOutAction() {
        return signOut;
    }

    public Action sendInviteAction() {
        return sendInvite;
    }

    public Action hangUpAction() {
        return hangUp;
    }

    public Action sendMessageAction() {
        return sendMessage;
    }

    public HeadersPanel headers() {
        return headers;
    }
}
