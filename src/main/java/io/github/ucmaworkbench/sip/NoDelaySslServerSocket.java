package io.github.ucmaworkbench.sip;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;

/**
 * A TLS server socket whose accepted connections have TCP_NODELAY, as {@link NoDelayNetworkLayer}
 * gives plain TCP. The RI casts the listening socket to {@link SSLServerSocket} and the JDK's
 * factory hands out a final implementation class, so this one delegates everything to it and
 * only adds the option in {@link #accept()}. Without it a server answering an INVITE sent its
 * 200 after waiting for the peer's delayed ACK of the 180 (Nagle, RFC 896): the lesson-6 flow's
 * INVITE-to-200 step took about 50 ms over TLS against 5 ms over TCP.
 */
final class NoDelaySslServerSocket extends SSLServerSocket {
    private final SSLServerSocket delegate;

    NoDelaySslServerSocket(SSLServerSocket delegate) throws IOException {
        this.delegate = delegate;
    }

    @Override
    public Socket accept() throws IOException {
        Socket socket = delegate.accept();
        socket.setTcpNoDelay(true);
        return socket;
    }

    @Override public void bind(SocketAddress endpoint) throws IOException { delegate.bind(endpoint); }
    @Override public void bind(SocketAddress endpoint, int backlog) throws IOException { delegate.bind(endpoint, backlog); }
    @Override public InetAddress getInetAddress() { return delegate.getInetAddress(); }
    @Override public int getLocalPort() { return delegate.getLocalPort(); }
    @Override public SocketAddress getLocalSocketAddress() { return delegate.getLocalSocketAddress(); }
    @Override public boolean isBound() { return delegate.isBound(); }
    @Override public boolean isClosed() { return delegate.isClosed(); }
    @Override public synchronized void setSoTimeout(int timeout) throws SocketException { delegate.setSoTimeout(timeout); }
    @Override public synchronized int getSoTimeout() throws IOException { return delegate.getSoTimeout(); }
    @Override public void setReuseAddress(boolean on) throws SocketException { delegate.setReuseAddress(on); }
    @Override public boolean getReuseAddress() throws SocketException { return delegate.getReuseAddress(); }
    @Override public synchronized void setReceiveBufferSize(int size) throws SocketException { delegate.setReceiveBufferSize(size); }
    @Override public synchronized int getReceiveBufferSize() throws SocketException { return delegate.getReceiveBufferSize(); }

    @Override
    public void close() throws IOException {
        try {
            delegate.close();
        } finally {
            super.close();
        }
    }

    @Override public String[] getEnabledCipherSuites() { return delegate.getEnabledCipherSuites(); }
    @Override public void setEnabledCipherSuites(String[] suites) { delegate.setEnabledCipherSuites(suites); }
    @Override public String[] getSupportedCipherSuites() { return delegate.getSupportedCipherSuites(); }
    @Override public String[] getSupportedProtocols() { return delegate.getSupportedProtocols(); }
    @Override public String[] getEnabledProtocols() { return delegate.getEnabledProtocols(); }
    @Override public void setEnabledProtocols(String[] protocols) { delegate.setEnabledProtocols(protocols); }
    @Override public void setNeedClientAuth(boolean need) { delegate.setNeedClientAuth(need); }
    @Override public boolean getNeedClientAuth() { return delegate.getNeedClientAuth(); }
    @Override public void setWantClientAuth(boolean want) { delegate.setWantClientAuth(want); }
    @Override public boolean getWantClientAuth() { return delegate.getWantClientAuth(); }
    @Override public void setUseClientMode(boolean mode) { delegate.setUseClientMode(mode); }
    @Override public boolean getUseClientMode() { return delegate.getUseClientMode(); }
    @Override public void setEnableSessionCreation(boolean flag) { delegate.setEnableSessionCreation(flag); }
    @Override public boolean getEnableSessionCreation() { return delegate.getEnableSessionCreation(); }
    @Override public SSLParameters getSSLParameters() { return delegate.getSSLParameters(); }
    @Override public void setSSLParameters(SSLParameters params) { delegate.setSSLParameters(params); }
    @Override public String toString() { return delegate.toString(); }
}
