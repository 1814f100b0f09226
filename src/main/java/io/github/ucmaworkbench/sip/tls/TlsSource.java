package io.github.ucmaworkbench.sip.tls;

/** Where a stack gets its TLS material, asked only when the stack first needs a TLS socket. */
@FunctionalInterface
public interface TlsSource {
    TlsMaterial get() throws TlsSetupException;

    /** The process-wide default ({@link TlsMaterial#getDefault()}). */
    static TlsSource defaults() {
        return TlsMaterial::getDefault;
    }

    /** Always {@code material}. */
    static TlsSource of(TlsMaterial material) {
        return () -> material;
    }
}
