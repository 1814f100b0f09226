package io.github.ucmaworkbench.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One request and its final answer, byte for byte, over a socket of our own: UDP from a fresh
 * port (the request's Via names it, so the answer comes back there) or a fresh TCP connection.
 * The answer is kept raw, so a test can see a status line broken by a bare LF.
 */
public final class RawExchange {
    private RawExchange() {
    }

    /** The first final (non-1xx) response to {@code message(port)}, or null if none came within {@code wait}. */
    public static String udp(Function<Integer, byte[]> message, InetSocketAddress to, Duration wait) throws IOException {
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            byte[] bytes = message.apply(socket.getLocalPort());
            socket.send(new DatagramPacket(bytes, bytes.length, to));
            String[] last = {null};
            boolean answered = readUntil(socket, wait, text -> {
                last[0] = text;
                return !text.startsWith("SIP/2.0 1");
            });
            return answered ? last[0] : null;
        }
    }

    /**
     * Hands each datagram {@code socket} receives, as text, to {@code enough} until it says so;
     * false when {@code wait} passes first. Leaves the socket's timeout at what was left of it.
     */
    public static boolean readUntil(DatagramSocket socket, Duration wait, Predicate<String> enough) throws IOException {
        long deadline = System.nanoTime() + wait.toNanos();
        byte[] buffer = new byte[65_535];
        for (long left = wait.toMillis(); left > 0; left = (deadline - System.nanoTime()) / 1_000_000) {
            socket.setSoTimeout((int) left);
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(packet);
            } catch (SocketTimeoutException e) {
                return false;
            }
            if (enough.test(new String(buffer, 0, packet.getLength(), StandardCharsets.ISO_8859_1))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Sends {@code message(port)} on a new TCP connection from a free local port and returns
     * everything read until a final response's headers are complete, the peer closes, or
     * {@code wait} passes (null when nothing final came).
     */
    public static String tcp(Function<Integer, byte[]> message, InetSocketAddress to, Duration wait) throws IOException {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            socket.connect(to, (int) wait.toMillis());
            socket.getOutputStream().write(message.apply(socket.getLocalPort()));
            socket.getOutputStream().flush();
            long deadline = System.nanoTime() + wait.toNanos();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream read = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            while (true) {
                String text = read.toString(StandardCharsets.ISO_8859_1);
                String fin = finalResponse(text);
                if (fin != null) {
                    return fin;
                }
                long left = (deadline - System.nanoTime()) / 1_000_000;
                if (left <= 0) {
                    return null;
                }
                socket.setSoTimeout((int) left);
                int n;
                try {
                    n = in.read(buffer);
                } catch (SocketTimeoutException | java.net.SocketException e) {
                    return null;
                }
                if (n < 0) {
                    return null;
                }
                read.write(buffer, 0, n);
            }
        }
    }

    /** The first complete non-1xx response head in a stream of responses, or null. */
    private static String finalResponse(String stream) {
        int start = 0;
        while (true) {
            int end = stream.indexOf("\r\n\r\n", start);
            if (end < 0) {
                return null;
            }
            String head = stream.substring(start, end + 4);
            if (!head.startsWith("SIP/2.0 1")) {
                return head;
            }
            start = end + 4; // our 1xx carry no body
        }
    }
}
