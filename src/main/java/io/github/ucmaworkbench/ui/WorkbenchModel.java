package io.github.ucmaworkbench.ui;

import io.github.ucmaworkbench.settings.ClassroomShare;
import io.github.ucmaworkbench.settings.ClassroomShareFormat;

/** Everything the window binds to: both sides and the registrar they sign in to. */
public interface WorkbenchModel {
    ClientModel client();

    ServerModel server();

    /** One line for the status bar, e.g. "Embedded registrar 127.0.0.1:5060 (example.com) · 2 signed in". */
    String registrarStatus();

    /** Where the certificate TLS uses is kept, for the settings dialog (null: not known). */
    default String tlsCertificate() {
        return null;
    }

    /** The classroom settings students join with (File → Share classroom settings…), or why there are none. */
    default ClassroomShare classroomShare()
            throws ClassroomShare.Problem {
        throw new ClassroomShare.Problem("This window runs no registrar to share.");
    }

    /** How classroom settings are written and read (null: this window offers no Join/Share). */
    default ClassroomShareFormat classroomShareFormat() {
        return null;
    }

    /** Called from any thread when {@link #registrarStatus()} may have changed. */
    AutoCloseable addRegistrarListener(Runnable listener);

    /** Signs both sides out, stops listening and the registrar; returns within a few seconds. Never on the event thread. */
    void close();
}
