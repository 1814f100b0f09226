package io.github.ucmaworkbench.ui.join;

import io.github.ucmaworkbench.rtc.SipTransportType;
import io.github.ucmaworkbench.settings.ClassroomShare;
import java.awt.Window;
import java.util.List;
import javax.swing.JLabel;
import javax.swing.JOptionPane;

/** The "what will change" question before joining: each setting's value now → after. */
final class JoinConfirmation {
    static final String TITLE = "Join this class?";

    private JoinConfirmation() {
    }

    static boolean ask(Window owner, ClassroomShare share, List<ClassroomShare.Change> changes) {
        StringBuilder html = new StringBuilder("<html><p>Your client will sign in to the teacher's registrar <b>")
                .append(escape(share.server())).append("</b> (").append(share.transport()).append(", domain <b>")
                .append(escape(share.domain())).append("</b>).</p>");
        if (changes.isEmpty()) {
            html.append("<p>Your settings already match this class: nothing changes.</p>");
        } else {
            html.append("<table cellpadding='3'><tr><th align='left'>Setting</th><th align='left'>Now</th>"
                    + "<th></th><th align='left'>After joining</th></tr>");
            for (ClassroomShare.Change c : changes) {
                html.append("<tr><td>").append(escape(c.what())).append("</td><td>").append(escape(c.before()))
                        .append("</td><td>\u2192</td><td><b>").append(escape(c.after())).append("</b></td></tr>");
            }
            html.append("</table>");
        }
        if (share.transport() == SipTransportType.TLS) {
            html.append("<p>Compare the teacher's certificate fingerprint with the one on the projector:<br><tt>")
                    .append(escape(share.tlsFingerprint())).append("</tt><br>This workbench does not yet trust another"
                            + " machine's certificate by its fingerprint: if signing in is refused, ask for TCP.</p>");
        }
        html.append("<p>The server side keeps its settings. File \u2192 Client settings\u2026 changes it back.</p></html>");
        Object[] options = {"Join", "Cancel"};
        int answer = JOptionPane.showOptionDialog(owner, new JLabel(html.toString()), TITLE,
                JOptionPane.OK_CANCEL_OPTION, JOptionPane.QUESTION_MESSAGE, null, options, options[0]);
        return answer == 0;
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
