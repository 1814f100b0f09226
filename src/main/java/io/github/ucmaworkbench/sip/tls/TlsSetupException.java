package io.github.ucmaworkbench.sip.tls;

/** TLS key or trust material that cannot be used; the message is one sentence for the user. */
public final class TlsSetupException extends Exception {
    public TlsSetupException(String message, Throwable cause) {
        super(message, cause);
    }
}
