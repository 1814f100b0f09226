package io.github.ucmaworkbench.ui.settings;

import io.github.ucmaworkbench.rtc.SipTransportType;
import io.github.ucmaworkbench.settings.ClientSideSettings;
import io.github.ucmaworkbench.settings.SettingsValidation;
import io.github.ucmaworkbench.settings.SideSettings;
import io.github.ucmaworkbench.ui.theme.ThemeSupport;
import java.awt.Font;
import java.awt.Window;
import java.awt.event.FocusAdapter;
import java.awt.event.FocusEvent;
import java.awt.event.KeyEvent;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.swing.ButtonGroup;
import javax.swing.JButton;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JDialog;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JPasswordField;
import javax.swing.JRadioButton;
import javax.swing.JTextField;
import javax.swing.KeyStroke;
import javax.swing.UIManager;
import javax.swing.event.DocumentEvent;
import javax.swing.event.DocumentListener;
import javax.swing.text.JTextComponent;
import net.miginfocom.swing.MigLayout;

/**
 * One side's settings: its URI, where it signs in, and for the client the server it calls. Every
 * field is checked as the user types and its reason shown beneath it; OK stays disabled while any
 * field is wrong; Cancel (or Escape) returns nothing, so the settings in use are untouched.
 */
public final class SideSettingsDialog extends JDialog {
    public static final String CLIENT_DIALOG = "settings.client";
    public static final String SERVER_DIALOG = "settings.server";
    public static final String URI = "settings.uri";
    public static final String EMBEDDED = "settings.embedded";
    public static final String EXTERNAL = "settings.external";
    public static final String SERVER = "settings.serverHost";
    public static final String TRANSPORT = "settings.transport";
    public static final String USER_NAME = "settings.userName";
    public static final String PASSWORD = "settings.password";
    public static final String OUR_SERVER = "settings.ourServer";
    /** The client's ring timeout in seconds (a workbench addition; UCMA has none). */
    public static final String RING_TIMEOUT = "settings.ringTimeout";
    public static final String PROBLEM = ".problem";
    public static final String OK = "settings.ok";
    public static final String CANCEL = "settings.cancel";
    /** The server dialog's embedded-registrar users file (its own block, see RegistrarUsersField). */
    public static final String REGISTRAR_USERS = "settings.registrarUsers";
    public static final String TLS_CERTIFICATE = "settings.tlsCertificate";

    private final JTextField uri = new JTextField(26);
    private final JRadioButton embedded = new JRadioButton("The workbench's own registrar");
    private final JRadioButton external = new JRadioButton("An external SIP server");
    private final JTextField server = new JTextField(18);
    private final JComboBox<SipTransportType> transport = new JComboBox<>();
    private final JTextField userName = new JTextField(14);
    private final JPasswordField password = new JPasswordField(14);
    private final JTextField ourServer = new JTextField(26);
    private final JTextField ringTimeout = new JTextField(5);
    private final JLabel uriProblem = problemLabel(URI);
    private final JLabel serverProblem = problemLabel(SERVER);
    private final JLabel userProblem = problemLabel(USER_NAME);
    private final JLabel ourServerProblem = problemLabel(OUR_SERVER);
    private final JLabel ringTimeoutProblem = problemLabel(RING_TIMEOUT);
    private final JButton ok = new JButton("OK");
    private final JButton cancel = new JButton("Cancel");
    private final boolean client;
    private final TlsBlock tls;
    private SideSettings result;
    /** The question to ask before OK closes (what the new settings would break), or null; see {@link ConfirmApply}. */
    private Supplier<String> question = () -> null;
    // ---- embedded registrar users file (server dialog only) --------------------------------
    private RegistrarUsersField usersFile;

    /** What the server dialog returns: the endpoint and the embedded registrar's users file ("" = none). */
    public record ServerChoice(SideSettings endpoint, String registrarUsersFile) {
    }

    private SideSettingsDialog(Window owner, String title, boolean client, SideSettings current, String ourServerUri,
            int ringTimeoutSeconds, String tlsCertificate, String registrarUsersFile) {
        super(owner, title, ModalityType.APPLICATION_MODAL);
        this.client = client;
        this.tls = new TlsBlock(tlsCertificate);
        setName(client ? CLIENT_DIALOG : SERVER_DIALOG);
        setDefaultCloseOperation(DISPOSE_ON_CLOSE);
        name();
        fill(current, ourServerUri);
        ringTimeout.setText(Integer.toString(ringTimeoutSeconds));

        JPanel content = new JPanel(new MigLayout("insets dialog, hidemode 3, gap 8 2",
                "[right][grow,fill][]", ""));
        content.add(label("Own SIP URI", 'U', uri));
        content.add(uri, "span 2, wrap");
        content.add(uriProblem, "skip, span 2, wrap 8");
        if (client) {
            content.add(label("Our server's URI", 'O', ourServer));
            content.add(ourServer, "span 2, wrap");
            content.add(ourServerProblem, "skip, span 2, wrap 8");
            content.add(label("Ring timeout (s)", 'R', ringTimeout));
            content.add(ringTimeout, "growx 0, split 2");
            content.add(new JLabel("how long a call may ring before the client cancels it"), "span 2, wrap");
            content.add(ringTimeoutProblem, "skip, span 2, wrap 8");
        }
        content.add(label("Sign in to", 'S', embedded), "aligny top");
        content.add(embedded, "span 2, wrap");
        content.add(external, "skip, span 2, wrap");
        content.add(label("Server (host[:port])", 'H', server));
        content.add(server);
        content.add(transport, "wrap");
        content.add(serverProblem, "skip, span 2, wrap 8");
        tls.addTo(content);
        content.add(label("Digest user name", 'N', userName));
        content.add(userName, "span 2, wrap");
        content.add(userProblem, "skip, span 2, wrap");
        content.add(label("Password", 'P', password));
        content.add(password, "span 2, wrap 12");
        content.add(hint(), "skip, span 2, wrap unrel");
        if (registrarUsersFile != null) {
            usersFile = new RegistrarUsersField(registrarUsersFile, problemLabel(REGISTRAR_USERS), this::fieldsChanged);
            usersFile.addTo(content);
        }
        content.add(ok, "span, split 2, right, tag ok");
        content.add(cancel, "tag cancel");
        setContentPane(content);

        DocumentListener typing = new DocumentListener() {
            @Override public void insertUpdate(DocumentEvent e) { fieldsChanged(); }
            @Override public void removeUpdate(DocumentEvent e) { fieldsChanged(); }
            @Override public void changedUpdate(DocumentEvent e) { fieldsChanged(); }
        };
        for (JTextComponent field : new JTextComponent[] {uri, server, userName, password, ourServer, ringTimeout}) {
            field.getDocument().addDocumentListener(typing);
        }
        server.addFocusListener(new FocusAdapter() {
            @Override
            public void focusLost(FocusEvent e) {
                fieldsChanged();
            }
        });
        transport.addActionListener(e -> fieldsChanged());
        embedded.addActionListener(e -> fieldsChanged());
        external.addActionListener(e -> fieldsChanged());
        ok.addActionListener(e -> okPerformed());
        cancel.addActionListener(e -> dispose());
        getRootPane().setDefaultButton(ok);
        getRootPane().registerKeyboardAction(e -> dispose(), KeyStroke.getKeyStroke(KeyEvent.VK_ESCAPE, 0),
                JComponent.WHEN_IN_FOCUSED_WINDOW);
        fieldsChanged();
        pack();
        setMinimumSize(getSize());
        setLocationRelativeTo(owner);
    }

    /** Edits the client's settings; empty when the user cancels. Event thread; blocks until closed. */
    public static Optional<ClientSideSettings> editClient(Window owner, ClientSideSettings current) {
        return editClient(owner, current, null);
    }

    /** Like the other; {@code tlsCertificate} says where the TLS certificate is (null: not known). */
    public static Optional<ClientSideSettings> editClient(Window owner, ClientSideSettings current, String tlsCertificate) {
        return editClient(owner, current, tlsCertificate, chosen -> null);
    }

    /**
     * Like the other; on OK, {@code question} gets the valid choice and returns what applying it would
     * break (e.g. "This ends the call. Apply?") or null. A question is asked first: Apply closes with
     * the choice, Cancel keeps this dialog open with everything the user typed.
     */
    public static Optional<ClientSideSettings> editClient(Window owner, ClientSideSettings current, String tlsCertificate,
            Function<ClientSideSettings, String> question) {
        SideSettingsDialog dialog = new SideSettingsDialog(owner, "Client settings", true, current.endpoint(),
                current.ourServerUri(), current.ringTimeoutSeconds(), tlsCertificate, null);
        dialog.question = () -> question.apply(dialog.clientChoice(dialog.edited()));
        dialog.setVisible(true);
        return Optional.ofNullable(dialog.result).map(dialog::clientChoice);
    }

    private ClientSideSettings clientChoice(SideSettings endpoint) {
        return new ClientSideSettings(endpoint, ourServer.getText().trim(), Integer.parseInt(ringTimeout.getText().trim()));
    }

    /** Edits the server's endpoint settings; empty when the user cancels. Event thread; blocks until closed. */
    public static Optional<SideSettings> editServer(Window owner, SideSettings current) {
        return editServer(owner, current, null, null).map(ServerChoice::endpoint);
    }

    /**
     * Edits the server's endpoint settings and, when {@code registrarUsersFile} is not null, the
     * embedded registrar's users file; empty when the user cancels. {@code tlsCertificate} says
     * where the TLS certificate is (null: not known). Event thread; blocks until closed.
     */
    public static Optional<ServerChoice> editServer(Window owner, SideSettings current, String tlsCertificate,
            String registrarUsersFile) {
        return editServer(owner, current, tlsCertificate, registrarUsersFile, chosen -> null);
    }

    /** Like the other, asking {@code question} before OK closes (see {@link #editClient(Window, ClientSideSettings, String, Function)}). */
    public static Optional<ServerChoice> editServer(Window owner, SideSettings current, String tlsCertificate,
            String registrarUsersFile, Function<ServerChoice, String> question) {
        SideSettingsDialog dialog = new SideSettingsDialog(owner, "Server settings", false, current, null,
                0, tlsCertificate, registrarUsersFile);
        Function<SideSettings, ServerChoice> choice = endpoint -> new ServerChoice(endpoint,
                dialog.usersFile == null ? registrarUsersFile : dialog.usersFile.text());
        dialog.question = () -> question.apply(choice.apply(dialog.edited()));
        dialog.setVisible(true);
        return Optional.ofNullable(dialog.result).map(choice);
    }

    private void name() {
        uri.setName(URI);
        embedded.setName(EMBEDDED);
        external.setName(EXTERNAL);
        server.setName(SERVER);
        transport.setName(TRANSPORT);
        userName.setName(USER_NAME);
        password.setName(PASSWORD);
        ourServer.setName(OUR_SERVER);
        ringTimeout.setName(RING_TIMEOUT);
        ok.setName(OK);
        cancel.setName(CANCEL);
        embedded.setToolTipText("Sign in to the registrar this workbench runs on this computer");
        external.setToolTipText("Sign in to another SIP server, e.g. Kamailio or Asterisk");
        userName.setToolTipText("Only for a server that asks for digest authentication");
        password.setToolTipText("Only for a server that asks for digest authentication");
        ok.setToolTipText("Save and use these settings (Enter)");
        cancel.setToolTipText("Keep the settings in use (Escape)");
        embedded.setMnemonic('w');
        external.setMnemonic('x');
        ButtonGroup group = new ButtonGroup();
        group.add(embedded);
        group.add(external);
        uri.getAccessibleContext().setAccessibleName("Own SIP URI");
        server.getAccessibleContext().setAccessibleName("External server host and port");
        transport.getAccessibleContext().setAccessibleName("Transport");
        userName.getAccessibleContext().setAccessibleName("Digest user name");
        password.getAccessibleContext().setAccessibleName("Digest password");
        ourServer.getAccessibleContext().setAccessibleName("Our server's SIP URI");
        ringTimeout.getAccessibleContext().setAccessibleName("Ring timeout in seconds");
        uri.setToolTipText("This endpoint's address, for example sip:client@example.com");
        server.setToolTipText("Host name or IP address of the registrar, optionally :port (default 5060)");
        ourServer.setToolTipText("The server endpoint the client sends its INVITE to");
        ringTimeout.setToolTipText("Once the callee rings (180), the client waits this long for an answer, then cancels"
                + " (a workbench addition; UCMA has no such setting)");
        transport.setToolTipText("TCP is UCMA's default transport; TLS encrypts (UCMA's own default on a real server)");
    }

    private void fill(SideSettings current, String ourServerUri) {
        uri.setText(current.uri());
        embedded.setSelected(current.useEmbeddedRegistrar());
        external.setSelected(!current.useEmbeddedRegistrar());
        server.setText(current.server());
        for (SipTransportType t : SipTransportType.values()) {
            transport.addItem(t);
        }
        transport.setSelectedItem(current.transport() == null ? SipTransportType.TCP : current.transport());
        userName.setText(current.userName() == null ? "" : current.userName());
        password.setText(current.password() == null ? "" : current.password());
        ourServer.setText(ourServerUri == null ? "" : ourServerUri);
    }

    private SideSettings edited() {
        return new SideSettings(uri.getText().trim(), embedded.isSelected(), server.getText().trim(),
                (SipTransportType) transport.getSelectedItem(), userName.getText().trim(),
                new String(password.getPassword()));
    }

    private void fieldsChanged() {
        if (tls.show(transport.getSelectedItem() == SipTransportType.TLS) && isShowing()) {
            pack();
        }
        Map<SideSettings.Field, String> problems = edited().problems();
        // The server is checked whatever is selected (it is saved either way): a wrong one stays
        // editable, with its reason beneath it, even while the own registrar is chosen (and stays
        // so while the user is typing in it, though a cleared field is fine there).
        server.setEnabled(external.isSelected() || server.isFocusOwner()
                || problems.containsKey(SideSettings.Field.SERVER));
        explain(uriProblem, problems.get(SideSettings.Field.URI));
        explain(serverProblem, problems.get(SideSettings.Field.SERVER));
        explain(userProblem, problems.get(SideSettings.Field.USER_NAME));
        String ourServerReason = client
                ? SettingsValidation.sipUri(ourServer.getText()).orElse(null)
                : null;
        explain(ourServerProblem, ourServerReason);
        String ringReason = client ? SettingsValidation.ringTimeoutSeconds(ringTimeout.getText()).orElse(null) : null;
        explain(ringTimeoutProblem, ringReason);
        ok.setEnabled(problems.isEmpty() && ourServerReason == null && ringReason == null
                && (usersFile == null || usersFile.isValid()));
    }

    private void okPerformed() {
        fieldsChanged();
        if (!ok.isEnabled()) {
            return;
        }
        String ask = question.get();
        if (ask != null && !ConfirmApply.ask(this, ask)) {
            return; // Cancel: the side goes on as it was, and this dialog keeps what was typed
        }
        result = edited();
        dispose();
    }

    /** The reason under a field; a space when all is well, so the dialog does not jump as you type. */
    private static void explain(JLabel label, String reason) {
        label.setText(reason == null ? " " : reason);
        label.getAccessibleContext().setAccessibleDescription(reason);
    }

    private static JLabel problemLabel(String fieldName) {
        JLabel label = new JLabel(" ");
        label.setName(fieldName + PROBLEM);
        label.setForeground(ThemeSupport.errorColour());
        Font font = UIManager.getFont("defaultFont");
        if (font != null) {
            label.setFont(font.deriveFont(font.getSize2D() * 0.92f));
        }
        return label;
    }

    private static JLabel label(String text, char mnemonic, JComponent field) {
        JLabel label = new JLabel(text);
        label.setDisplayedMnemonic(mnemonic);
        label.setLabelFor(field);
        return label;
    }

    private JLabel hint() {
        JLabel hint = new JLabel("<html>Leave user name and password empty unless the server asks for digest "
                + "authentication.<br>The workbench's own registrar runs on this computer and needs none.</html>");
        hint.putClientProperty("FlatLaf.styleClass", "small");
        return hint;
    }

    /** Whether OK is enabled now (for tests and for accessibility tools). */
    public boolean canAccept() {
        return ok.isEnabled();
    }

    @Override
    public void setVisible(boolean visible) {
        if (visible) {
            uri.requestFocusInWindow();
        }
        super.setVisible(visible);
    }
}
