package io.github.ucmaworkbench.sip;

import java.io.IOException;
import java.io.InputStream;

/** A TCP socket whose input the stack reads in whole SIP messages only ({@link WholeMessageInputStream}). */
final class WholeMessagesSocket extends java.net.Socket {
    private final String stackName;
    private InputStream whole;

    WholeMessagesSocket(String stackName) {
        this.stackName = stackName;
    }

    @Override
    public synchronized InputStream getInputStream() throws IOException {
        if (whole == null) {
            // the RI asks more than once (its reader, and its send path): always the same stream
            whole = new WholeMessageInputStream(super.getInputStream(), this::cut);
        }
        return whole;
    }

    private void cut(String what) {
        java.net.InetAddress peer = getInetAddress();
        MalformedInputReporter.forStack(stackName == null ? "sip" : stackName)
                .report(peer == null ? "an unknown address" : peer.getHostAddress(), getPort(), what);
    }
}
