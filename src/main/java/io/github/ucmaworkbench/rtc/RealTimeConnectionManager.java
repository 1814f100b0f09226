package io.github.ucmaworkbench.rtc;

import io.github.ucmaworkbench.rtc.sip.SipUserAgent;
import io.github.ucmaworkbench.sip.tls.TlsMaterial;
import io.github.ucmaworkbench.sip.tls.TlsSource;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Owns the connections (one SIP stack) its endpoints send and receive through; mirrors UCMA's
 * abstract {@code RealTimeConnectionManager}. It does not listen: only a
 * {@link RealTimeServerConnectionManager} can. Close it to release its ports.
 */
public abstract class RealTimeConnectionManager implements AutoCloseable {
    private final SipUserAgent agent = new SipUserAgent();
    private final List<Runnable> contactListeners = new CopyOnWriteArrayList<>();

    RealTimeConnectionManager() {
    }

    /**
     * The certificate this manager's connections present over TLS, and what they trust (UCMA's TLS
     * managers take the certificate's issuer and serial number; here the material itself). Null,
     * the default: {@link TlsMaterial#getDefault()}, the workbench's own certificate. Set it
     * before the first endpoint signs in or the manager listens.
     */
    public void setTlsMaterial(TlsMaterial material) {
        agent.setTls(material == null ? null : TlsSource.of(material));
    }

    SipUserAgent agent() {
        return agent;
    }

    void addContactListener(Runnable listener) {
        contactListeners.add(listener);
    }

    void removeContactListener(Runnable listener) {
        contactListeners.remove(listener);
    }

    /** The address endpoints should be reached at changed: signed-in endpoints re-register. */
    void contactChanged() {
        for (Runnable listener : contactListeners) {
            listener.run();
        }
    }

    /** Stops the stack and releases every port (UCMA's {@code Dispose}). */
    @Override
    public void close() {
        agent.close();
    }
}
