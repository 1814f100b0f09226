package io.github.ucmaworkbench.sip;

import gov.nist.core.net.DefaultSecurityManagerProvider;
import gov.nist.core.net.SecurityManagerProvider;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.util.Properties;
import javax.net.ssl.KeyManager;
import javax.net.ssl.TrustManager;

/**
 * The RI's TLS key and trust managers, loaded when TLS first needs them instead of in every
 * stack's constructor.
 *
 * <p>Why: {@code SipStackImpl}'s constructor initialises its security manager provider at once,
 * which opens the JDK's key and trust stores (the trust store alone is about 150 certificates to
 * parse). Every stack paid that, though only TLS uses it: the registrar at start-up (a fifth of
 * the main thread's start-up samples in a JFR of the window's cold start) and every endpoint
 * that signs in. Same settings, same managers, just later; a key store that cannot be read now
 * fails where TLS is set up, with the reason.
 */
public final class LazySecurityManagerProvider implements SecurityManagerProvider {
    private Properties properties;
    private SecurityManagerProvider loaded;

    @Override
    public synchronized void init(Properties properties) {
        this.properties = properties;
    }

    @Override
    public KeyManager[] getKeyManagers(boolean client) {
        return loaded().getKeyManagers(client);
    }

    @Override
    public TrustManager[] getTrustManagers(boolean client) {
        return loaded().getTrustManagers(client);
    }

    private synchronized SecurityManagerProvider loaded() {
        if (loaded == null) {
            SecurityManagerProvider provider = new DefaultSecurityManagerProvider();
            try {
                provider.init(properties);
            } catch (GeneralSecurityException | IOException e) {
                throw new IllegalStateException("the TLS key or trust store could not be loaded: " + e.getMessage(), e);
            }
            loaded = provider;
        }
        return loaded;
    }
}
