package io.github.ucmaworkbench.sip;

import java.io.IOException;
import java.net.BindException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.concurrent.locks.LockSupport;

/**
 * Socket-level port checks for the endpoints' and the registrar's stacks. JAIN-SIP does not promise
 * to resolve port 0 itself, and a stack that failed to bind must be thrown away, so we probe with
 * plain sockets first. A probed port can still be taken before the stack binds it: callers retry.
 */
public final class FreePorts {
    private static final int ATTEMPTS = 50;

    private FreePorts() {
    }

    /** True when both UDP and TCP can bind {@code address:port} right now. */
    public static boolean isFree(InetAddress address, int port) {
        return problem(address, port) == null;
    }

    /** Why {@code address:port} cannot be bound for UDP and TCP ("is taken", ...), or null. */
    public static String problem(InetAddress address, int port) {
        try (DatagramSocket udp = new DatagramSocket(new InetSocketAddress(address, port));
                ServerSocket tcp = new ServerSocket()) {
            tcp.setReuseAddress(true);
            tcp.bind(new InetSocketAddress(address, port));
            return udp.isBound() && tcp.isBound() ? null : "cannot be bound";
        } catch (BindException e) {
            return bindProblem(e);
        } catch (IOException e) {
            return "cannot be bound: " + e.getMessage();
        }
    }

    /** Why {@code address:port} cannot be bound for TCP alone (a TLS port), or null. */
    public static String tcpProblem(InetAddress address, int port) {
        try (ServerSocket tcp = new ServerSocket()) {
            tcp.setReuseAddress(true);
            tcp.bind(new InetSocketAddress(address, port));
            return null;
        } catch (BindException e) {
            return bindProblem(e);
        } catch (IOException e) {
            return "cannot be bound: " + e.getMessage();
        }
    }

    /** Waits up to {@code millis} until UDP and TCP can bind the port again; true when they can. */
    public static boolean awaitFree(InetAddress address, int port, long millis) {
        long deadline = System.nanoTime() + millis * 1_000_000L;
        while (!isFree(address, port)) {
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            LockSupport.parkNanos(1_000_000L);
        }
        return true;
    }

    /**
     * A port on {@code address} free for TCP and, when {@code udpToo}, for UDP as well.
     *
     * @throws IOException when the address cannot be bound at all, or no port was free
     */
    public static int anyFreePort(InetAddress address, boolean udpToo) throws IOException {
        for (int i = 0; i < ATTEMPTS; i++) {
            int port;
            try (ServerSocket probe = new ServerSocket()) {
                probe.bind(new InetSocketAddress(address, 0));
                port = probe.getLocalPort();
            }
            if (!udpToo || isFree(address, port)) {
                return port;
            }
            // The TCP port is free but its UDP twin is not: try another.
        }
        throw new IOException("no free " + (udpToo ? "UDP+TCP" : "TCP") + " port on " + address.getHostAddress());
    }

    private static String bindProblem(BindException e) {
        return String.valueOf(e.getMessage()).contains("in use") ? "is taken" : "cannot be bound: " + e.getMessage();
    }
}
