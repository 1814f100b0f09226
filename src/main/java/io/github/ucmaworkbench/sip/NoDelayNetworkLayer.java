package io.github.ucmaworkbench.sip;

import gov.nist.core.net.NetworkLayer;
import gov.nist.javax.sip.SipStackImpl;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

/**
 * JAIN-SIP's sockets with TCP_NODELAY on every TCP connection. The RI never sets it, so small
 * messages sent back to back on one connection (180 then 200, a BYE behind an ACK) waited for
 * the peer's delayed ACK (Nagle, RFC 896, meeting RFC 1122's delayed ACK: about 40 ms on Linux);
 * the warm lesson-6 flow over TCP went from 104 ms to 19 ms at the median (BENCHMARKS.md).
 *
 * <p>TLS sockets come from this stack's own {@link javax.net.ssl.SSLContext} ({@link TlsStacks}),
 * not from the RI's default layer, whose JVM-wide {@code javax.net.ssl.*} keystore would give the
 * registrar and both endpoints in one JVM the same identity and trust (and whose initialisation
 * builds SSL factories: up to two seconds of a cold start). The RI then sets the enabled protocols
 * and cipher suites from the stack's properties ({@link SipStacks}) on every socket we return.
 *
 * <p>TCP connections, accepted or ours, hand the stack whole messages only
 * ({@link WholeMessageInputStream}): one cut off by a closing connection is dropped, not processed.
 *
 * <p>UDP listening sockets copy each datagram out of the stack's 64 KB buffer
 * ({@link CompactDatagramSocket}).
 */
public final class NoDelayNetworkLayer implements NetworkLayer {
    /** The RI's own connect timeout; an unreachable TCP server then ends in ConnectionFailureException. */
    private static final int CONNECT_TIMEOUT_MS = 8000;

    private volatile String stackName;

    private static Socket noDelay(Socket socket) throws SocketException {
        socket.setTcpNoDelay(true);
        return socket;
    }

    private SSLContext tls() throws IOException {
        return TlsStacks.materialFor(stackName).sslContext();
    }

    @Override
    public ServerSocket createServerSocket(int port, int backlog, InetAddress bindAddress) throws IOException {
        return new ServerSocket(port, backlog, bindAddress) {
            @Override
            public Socket accept() throws IOException {
                Socket socket = new WholeMessagesSocket(stackName);
                implAccept(socket);
                return noDelay(socket);
            }
        };
    }

    @Override
    public Socket createSocket(InetAddress address, int port) throws IOException {
        return connect(address, port, null);
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress) throws IOException {
        return connect(address, port, localAddress);
    }

    /** Like the RI, the local port is ignored: the listening port is already the server socket's. */
    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
        return connect(address, port, localAddress);
    }

    private Socket connect(InetAddress address, int port, InetAddress localAddress) throws IOException {
        Socket socket = new WholeMessagesSocket(stackName);
        try {
            if (localAddress != null) {
                socket.bind(new InetSocketAddress(localAddress, 0));
            }
            socket.connect(new InetSocketAddress(address, port), CONNECT_TIMEOUT_MS);
            return noDelay(socket);
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    @Override
    public DatagramSocket createDatagramSocket() throws SocketException {
        return new DatagramSocket();
    }

    @Override
    public DatagramSocket createDatagramSocket(int port, InetAddress localAddress) throws SocketException {
        // The stack's listening sockets: see CompactDatagramSocket for why they copy what they read.
        return new CompactDatagramSocket(port, localAddress);
    }

    @Override
    public SSLServerSocket createSSLServerSocket(int port, int backlog, InetAddress bindAddress) throws IOException {
        return new NoDelaySslServerSocket(
                (SSLServerSocket) tls().getServerSocketFactory().createServerSocket(port, backlog, bindAddress));
    }

    @Override
    public SSLSocket createSSLSocket(InetAddress address, int port) throws IOException {
        return createSSLSocket(address, port, null);
    }

    /** Connected but not yet handshaken: the RI sets protocols and suites, then starts the handshake. */
    @Override
    public SSLSocket createSSLSocket(InetAddress address, int port, InetAddress localAddress) throws IOException {
        SSLSocket socket = (SSLSocket) tls().getSocketFactory().createSocket();
        try {
            if (localAddress != null) {
                socket.bind(new InetSocketAddress(localAddress, 0));
            }
            socket.connect(new InetSocketAddress(address, port), CONNECT_TIMEOUT_MS);
            socket.setTcpNoDelay(true);
            return socket;
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    /** Called once, right after the RI made this layer for {@code stack}: remember whose material to use. */
    @Override
    public void setSipStack(SipStackImpl stack) {
        this.stackName = stack.getStackName();
    }
}
