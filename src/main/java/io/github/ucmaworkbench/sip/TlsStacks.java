package io.github.ucmaworkbench.sip;

import io.github.ucmaworkbench.sip.tls.TlsMaterial;
import io.github.ucmaworkbench.sip.tls.TlsSetupException;
import io.github.ucmaworkbench.sip.tls.TlsSource;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which TLS material each stack uses, keyed by stack name. The RI builds its NETWORK_LAYER by
 * reflection with a no-argument constructor and then calls {@code setSipStack(stack)}, so the
 * layer cannot be handed anything; it finds its material here by the stack's (unique) name.
 * The material is resolved, and the certificate made, only when the stack first opens a TLS
 * socket: a UDP/TCP-only workbench never touches a keystore.
 */
final class TlsStacks {
    private static final Logger LOG = LoggerFactory.getLogger(TlsStacks.class);
    private static final Map<String, Entry> BY_STACK = new ConcurrentHashMap<>();

    private TlsStacks() {
    }

    static void register(String stackName, TlsSource source) {
        BY_STACK.put(stackName, new Entry(source == null ? TlsSource.defaults() : source));
    }

    static void forget(String stackName) {
        BY_STACK.remove(stackName);
    }

    /** The material for {@code stackName}; a problem with it becomes the IOException the RI reports. */
    static TlsMaterial materialFor(String stackName) throws IOException {
        Entry entry = stackName == null ? null : BY_STACK.get(stackName);
        if (entry == null) {
            throw new IOException("no TLS certificate is configured for this SIP stack");
        }
        return entry.get();
    }

    /** Resolves the source once; a failure is not remembered, so a fixed keystore works on the next try. */
    private static final class Entry {
        private final TlsSource source;
        private volatile TlsMaterial material;

        Entry(TlsSource source) {
            this.source = source;
        }

        synchronized TlsMaterial get() throws IOException {
            if (material == null) {
                try {
                    material = source.get();
                } catch (TlsSetupException e) {
                    // No cause: the RI and our callers report the innermost message, which must be this sentence.
                    LOG.debug("TLS material unusable", e);
                    throw new IOException(e.getMessage());
                }
            }
            return material;
        }
    }
}
