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
        // As the plain socket does: ProxyCore relies on "Socket is closed" here (see its forwardBranch)
        if (isClosed()) {
            throw new java.net.SocketException("Socket is closed");
        }
        if (isInputShutdown()) {
            throw new java.net.SocketException("Socket input is shutdown");
        }
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
