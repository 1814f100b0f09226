package io.github.ucmaworkbench.bench;

import gov.nist.core.net.DefaultNetworkLayer;
import gov.nist.core.net.NetworkLayer;
import gov.nist.javax.sip.SipStackImpl;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

/**
 * Profiling experiment, not product code: JAIN-SIP's network layer with TCP_NODELAY on every TCP
 * socket it opens or accepts. The RI never sets it, so back-to-back small messages on one
 * connection (100/180/200, or a BYE and its 200 behind an ACK) wait for the peer's delayed ACK
 * (Nagle, RFC 896, meets RFC 1122 delayed ACKs: about 40 ms on Linux). Selected with the stack
 * property {@code gov.nist.javax.sip.NETWORK_LAYER}; the fix proposed for rtc.sip does the same.
 */
public final class NoDelayNetworkLayer implements NetworkLayer {
    private final NetworkLayer plain = DefaultNetworkLayer.SINGLETON;

    private static Socket noDelay(Socket socket) throws SocketException {
        socket.setTcpNoDelay(true);
        return socket;
    }

    @Override
    public ServerSocket createServerSocket(int port, int backlog, InetAddress bindAddress) throws IOException {
        return new ServerSocket(port, backlog, bindAddress) {
            @Override
            public Socket accept() throws IOException {
                return noDelay(super.accept());
            }
        };
    }

    @Override
    public SSLServerSocket createSSLServerSocket(int port, int backlog, InetAddress bindAddress) throws IOException {
        return plain.createSSLServerSocket(port, backlog, bindAddress);
    }

    @Override
    public Socket createSocket(InetAddress address, int port) throws IOException {
        return noDelay(plain.createSocket(address, port));
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress) throws IOException {
        return noDelay(plain.createSocket(address, port, localAddress));
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
        return noDelay(plain.createSocket(address, port, localAddress, localPort));
    }

    @Override
    public SSLSocket createSSLSocket(InetAddress address, int port) throws IOException {
        return plain.createSSLSocket(address, port);
    }

    @Override
    public SSLSocket createSSLSocket(InetAddress address, int port, InetAddress localAddress) throws IOException {
        return plain.createSSLSocket(address, port, localAddress);
    }

    @Override
    public DatagramSocket createDatagramSocket() throws SocketException {
        return plain.createDatagramSocket();
    }

    @Override
    public DatagramSocket createDatagramSocket(int port, InetAddress localAddress) throws SocketException {
        return plain.createDatagramSocket(port, localAddress);
    }

    @Override
    public void setSipStack(SipStackImpl stack) {
        plain.setSipStack(stack);
    }
}
